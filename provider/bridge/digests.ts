/**
 * Digested outputs: a spec that names how the elements of a packed collection are told apart
 * (`digests`) gets no second copy of that collection in its outputs. The inputs keep the content
 * (once, as the packed JSON text); the outputs keep `<name>Digests` (provider/element-digests.ts)
 * and `contentJsonHash`, the sha256 of the packed text those digests were taken from, so that a
 * no-op diff compares one hash instead of reading the content. Outputs of an earlier version
 * (the content itself, packed or nested) are digested when they are read.
 */
import { createHash } from "crypto";
import {
    decodeDigests, digestKey, digestMap, digestText, type ElementIdentity, sameDigests,
} from "../element-digests";
import { PACKED_KEY, packedJson } from "./packing";
import { containsUnknown, hashKey } from "../values";

type Bag = Record<string, any>;

/** The output holding the sha256 of the packed text the stored digests were taken from. */
export const CONTENT_HASH_KEY = hashKey(PACKED_KEY);

/** sha256 of a packed text, as stored in CONTENT_HASH_KEY. */
export function contentHash(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

/** Output keys that stand for digested properties `names`: the packed text's hash and one digests output each. */
export function digestOutputKeys(names: readonly string[]): string[] {
    return [CONTENT_HASH_KEY, ...names.map(digestKey)];
}

export class Digesting {
    /** The digested properties. */
    readonly names: readonly string[];

    constructor(private readonly identities: Readonly<Record<string, ElementIdentity>>, private readonly packed: readonly string[]) {
        this.names = Object.keys(identities);
    }

    /** Output keys that stand for the digested properties. */
    get outputKeys(): string[] {
        return digestOutputKeys(this.names);
    }

    /** Stored outputs with digested properties as digests, also when an earlier version stored the content. */
    stored(olds: Bag): Bag {
        return this.names.some((name) => Array.isArray(olds[name])) ? this.digested({ ...olds }) : olds;
    }

    /** `bag` (a copy, changed in place) with each digested property given as content replaced by its digests. */
    private digested(bag: Bag): Bag {
        for (const name of this.names) {
            if (!Array.isArray(bag[name])) continue;
            bag[digestKey(name)] = digestText(this.identities[name], bag[name]);
            delete bag[name];
        }
        return bag;
    }

    /**
     * Outputs to store: digested properties given as content become digests; the content hash is
     * kept when every packed property present was given as content (digests alone say nothing of a
     * text), or when `stored` outputs are given and the bag carries their digests unchanged.
     */
    outputs(bag: Bag, stored?: Bag): Bag {
        if (this.names.length === 0) return bag;
        const present = this.packed.filter((name) => bag[name] !== undefined);
        const whole = present.every((name) => Array.isArray(bag[name]));
        const out = { ...bag };
        delete out[CONTENT_HASH_KEY];
        if (whole && present.length > 0) out[CONTENT_HASH_KEY] = contentHash(packedJson(bag, this.packed));
        // A read that found nothing changed returns the stored digests: the stored hash still holds.
        else if (present.length === 0 && stored?.[CONTENT_HASH_KEY] !== undefined && this.names.every((name) => bag[digestKey(name)] === stored[digestKey(name)])) {
            out[CONTENT_HASH_KEY] = stored[CONTENT_HASH_KEY];
        }
        return this.digested(out);
    }

    /** Whether `name` (a digested property) differs between stored digests and the declared elements. */
    changed(name: string, olds: Bag, news: Bag): boolean {
        const declared = news[name];
        if (containsUnknown(declared)) return true;
        const stored = olds[digestKey(name)];
        if (declared === undefined || declared === null) return stored !== undefined;
        if (typeof stored !== "string" || !Array.isArray(declared)) return true;
        const identity = this.identities[name];
        return !sameDigests(decodeDigests(identity, stored), digestMap(identity, declared));
    }
}
