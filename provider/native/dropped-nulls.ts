/**
 * Null members the program could not send. Pulumi YAML sends no property for a `null` value, so a
 * program generated from an import (`last_plant: null` inside a dialog node's context) declares
 * that object without the member, and its first `up` would rewrite content that did not change.
 * Check gives such a declaration the last inputs' value back: a declared value is replaced only by
 * the old value it equals once the old value's null members the declaration lacks are left out.
 * Nothing the program declares is ever dropped or changed; any other difference stays as declared.
 */
import { stableJson } from "../values";

type Bag = Record<string, unknown>;

const isObject = (v: unknown): v is Bag => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether `declared` is `old` with some of old's null-valued object members left out (at any depth). */
export function equalBesidesDroppedNulls(old: unknown, declared: unknown): boolean {
    if (old === declared) return true;
    if (Array.isArray(old) && Array.isArray(declared)) {
        return old.length === declared.length && old.every((item, i) => equalBesidesDroppedNulls(item, declared[i]));
    }
    if (!isObject(old) || !isObject(declared)) return false;
    for (const key in declared) {
        if (declared[key] !== undefined && !equalBesidesDroppedNulls(old[key], declared[key])) return false;
    }
    for (const key in old) {
        if (old[key] !== null && old[key] !== undefined && declared[key] === undefined) return false;
    }
    return true;
}

/** `declared`, with each value that differs from `old` only by dropped null members replaced by the old value. */
export function restoreDroppedNulls<T>(old: unknown, declared: T): T {
    if (old === declared || old === undefined || declared === undefined || declared === null) return declared;
    if (equalBesidesDroppedNulls(old, declared)) return old as T;
    if (isObject(old) && isObject(declared)) {
        let result: Bag | undefined;
        for (const key in declared) {
            const restored = restoreDroppedNulls(old[key], declared[key]);
            if (restored !== declared[key]) (result ??= { ...declared })[key] = restored;
        }
        return (result ?? declared) as T;
    }
    if (Array.isArray(old) && Array.isArray(declared)) return restoreElements(old, declared) as T;
    return declared;
}

/**
 * Elements of a list: the one at the same index when the lengths match (an edit inside an element
 * keeps its siblings' nulls), otherwise only whole elements found among the old ones (an insertion
 * shifts the indices: a member is never given to another element).
 */
function restoreElements(old: unknown[], declared: unknown[]): unknown[] {
    if (old.length === declared.length) {
        let result: unknown[] | undefined;
        declared.forEach((item, i) => {
            const restored = restoreDroppedNulls(old[i], item);
            if (restored !== item) (result ??= [...declared])[i] = restored;
        });
        return result ?? declared;
    }
    const byForm = new Map<string, unknown>();
    for (const item of old) byForm.set(stableJson(withoutNulls(item)), item);
    let result: unknown[] | undefined;
    declared.forEach((item, i) => {
        const match = byForm.get(stableJson(withoutNulls(item)));
        if (match !== undefined && match !== item && equalBesidesDroppedNulls(match, item)) (result ??= [...declared])[i] = match;
    });
    return result ?? declared;
}

function withoutNulls(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutNulls);
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}
