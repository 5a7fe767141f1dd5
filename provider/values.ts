/** Small pure helpers over property bags shared by the bridge's operations. */
import { createHash } from "crypto";

/** The engine's placeholder for a value not known yet (preview of a dependent resource). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const PROVIDER_KEY = "__provider";

export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
export function stableJson(value: unknown): string {
    return JSON.stringify(value, (_key, v) => {
        if (v && typeof v === "object" && !Array.isArray(v)) {
            return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
        }
        return v;
    }) ?? "undefined";
}

/**
 * Structural equality, key order ignored, `undefined` members treated as absent (as in JSON).
 * Used by diff on every property of every resource, so it compares in place instead of
 * serializing: a no-op diff of a 2 MB workspace stays a few milliseconds.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
        const other = b as unknown[];
        if (a.length !== other.length) return false;
        for (let i = 0; i < a.length; i++) if (!deepEqual(a[i] ?? null, other[i] ?? null)) return false;
        return true;
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    let leftCount = 0;
    for (const key in left) {
        if (left[key] === undefined) continue;
        leftCount++;
        if (!deepEqual(left[key], right[key])) return false;
    }
    let rightCount = 0;
    for (const key in right) if (right[key] !== undefined) rightCount++;
    return leftCount === rightCount;
}

export function sha256(value: unknown): string {
    return createHash("sha256").update(stableJson(value)).digest("hex");
}

export function withoutKeys<T extends object>(bag: T, keys: Iterable<string>): T {
    const copy: Record<string, unknown> = { ...(bag as Record<string, unknown>) };
    for (const key of keys) delete copy[key];
    return copy as T;
}

/** Whether `bag` holds inputs of a deployment: a property other than the hidden `__` ones (a create's olds hold none). */
export function holdsDeployedInputs(bag: Record<string, unknown>): boolean {
    return Object.keys(bag).some((key) => !key.startsWith("__"));
}

/** The name under which a write-only input's hash is kept in outputs. */
export function hashKey(property: string): string {
    return `${property}Hash`;
}

/** Whether the value at `path` or any value above it is still unknown. */
export function isUnknownAt(root: unknown, path: string): boolean {
    const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
    let current: any = root;
    for (const part of parts) {
        if (current === UNKNOWN) return true;
        if (current === undefined || current === null || typeof current !== "object") return false;
        current = current[part];
    }
    return current === UNKNOWN || containsUnknown(current);
}

/**
 * Drops `undefined` members (recursively): protobuf Structs, which carry properties to the engine,
 * reject them ("Unexpected struct type").
 */
export function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : withoutUndefined(v))) as T;
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
        return out as T;
    }
    return value;
}
