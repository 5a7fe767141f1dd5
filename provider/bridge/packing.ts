/**
 * The wire shape of bulky inputs. The engine carries every property between the program, the
 * state and the dynamic-provider plugin as protobuf Structs, several times per step, and their cost
 * grows with the number of values rather than bytes: a 2 MB workspace as nested objects costs the
 * engine about ten times what the same bytes cost as one string (BENCHMARKS.md, engine section).
 * A spec names its bulky properties (`packed`); the resource class sends them as ONE JSON string
 * property, and the plugin side unpacks it before the generic operations (which see the same
 * nested inputs as ever, so check failures name the user's paths) and packs outputs again.
 * State written before packing (those properties nested) still reads.
 */
import { UNKNOWN, withoutKeys } from "../values";

/** The one string property that carries a resource's packed properties. */
export const PACKED_KEY = "contentJson";

type Bag = Record<string, any>;

/** The JSON text of the packed properties present in `bag`, in `packed` order. */
export function packedJson(bag: Bag, packed: readonly string[]): string {
    return JSON.stringify(Object.fromEntries(packed.filter((k) => bag[k] !== undefined).map((k) => [k, bag[k]])));
}

/** `bag` with its packed properties replaced by PACKED_KEY (`json` when the text is known already). */
export function pack(bag: Bag, packed: readonly string[], json?: string): Bag {
    return { ...withoutKeys(bag, packed), [PACKED_KEY]: json ?? packedJson(bag, packed) };
}

/**
 * `bag` with PACKED_KEY spread back into properties. A bag without it (state from before
 * packing) is returned as it is; a value not known yet (preview) makes each packed property unknown.
 */
export function unpack(bag: Bag | undefined, packed: readonly string[]): Bag {
    if (!bag || !(PACKED_KEY in bag)) return bag ?? {};
    const rest = withoutKeys(bag, [PACKED_KEY]);
    const json = bag[PACKED_KEY];
    if (json === UNKNOWN) return { ...rest, ...Object.fromEntries(packed.map((k) => [k, UNKNOWN])) };
    return { ...rest, ...(typeof json === "string" ? JSON.parse(json) : {}) };
}

/** Whether `bag` holds packed properties nested, as state written before packing does. */
export function isUnpackedState(bag: Bag | undefined, packed: readonly string[]): boolean {
    return !!bag && !(PACKED_KEY in bag) && packed.some((k) => bag[k] !== undefined);
}
