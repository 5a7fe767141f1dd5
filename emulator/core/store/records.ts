/**
 * Splits a JSON value into records and puts it back together, without knowing its shape.
 *
 * Plain objects and arrays less than `depth` levels below the root are containers: each is stored
 * as a small record listing its keys (objects, so that their key order survives) or its length
 * (arrays), and each of its members gets a record of its own. Anything at `depth`, and every
 * scalar above it, is one record holding its JSON text. A record's key is the JSON array of the
 * path to it, e.g. `["v1","workspaces","<id>","intents",3]`.
 */

export type Path = (string | number)[];

/** The container record of an object (its keys in order) or of an array (its length). */
type Container = { keys: string[] } | { length: number };

export function recordKey(path: Path): string {
    return JSON.stringify(path);
}

/** A plain object or array: split into records above the records' depth, and tracked (change-tracker.ts). */
export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
    if (Array.isArray(value)) return true;
    if (value === null || typeof value !== "object" || typeof (value as any).toJSON === "function") return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

function isJsonValue(value: unknown): boolean {
    return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** The record of `node` itself at `path`: a container's keys or length, or else its whole JSON text. */
export function ownRecord(node: unknown, path: Path, depth: number): string | undefined {
    if (path.length >= depth || !isContainer(node)) return JSON.stringify(node);
    if (Array.isArray(node)) return JSON.stringify({ length: node.length } satisfies Container);
    return JSON.stringify({ keys: Object.keys(node).filter((key) => isJsonValue(node[key])) } satisfies Container);
}

/**
 * Every record of `value`, by key, added to `records`; `at` is where `value` sits in the whole
 * state. Members that JSON leaves out (undefined, functions) are left out too.
 */
export function toRecords(value: unknown, depth: number, at: Path = [], records = new Map<string, string>()): Map<string, string> {
    const visit = (node: unknown, path: Path): void => {
        const text = ownRecord(node, path, depth);
        if (text !== undefined) records.set(recordKey(path), text);
        if (path.length >= depth || !isContainer(node)) return;
        if (Array.isArray(node)) node.forEach((member, index) => visit(member === undefined ? null : member, [...path, index]));
        else for (const key of Object.keys(node)) if (isJsonValue(node[key])) visit(node[key], [...path, key]);
    };
    visit(value, at);
    return records;
}

/** The value that `toRecords(value, depth)` came from (as JSON would round-trip it); undefined when there are no records. */
export function fromRecords(records: Map<string, string>, depth: number): unknown {
    const build = (path: Path): unknown => {
        const key = recordKey(path);
        const text = records.get(key);
        if (text === undefined) throw new Error(`stored state is missing record ${key}`);
        const parsed = JSON.parse(text);
        if (path.length >= depth || parsed === null || typeof parsed !== "object") return parsed;
        const container = parsed as Container;
        if ("length" in container) return Array.from({ length: container.length }, (_, index) => build([...path, index]));
        const result: Record<string, unknown> = {};
        for (const member of container.keys) result[member] = build([...path, member]);
        return result;
    };
    return records.size === 0 ? undefined : build([]);
}

/** Where `path` leads in `root`: `found` is false when a member on the way is missing. */
export function valueAt(root: unknown, path: Path): { found: boolean; value?: unknown } {
    let node: any = root;
    for (const member of path) {
        if (!isContainer(node) || !Object.prototype.hasOwnProperty.call(node, member)) return { found: false };
        // JSON writes a missing array member as null.
        node = (node as any)[member] ?? (Array.isArray(node) ? null : undefined);
    }
    return { found: true, value: node };
}

/** The keys of the records stored for the subtree at `path`, found through its container records. */
export function storedKeysUnder(records: Map<string, string>, path: Path, depth: number, keys = new Set<string>()): Set<string> {
    const key = recordKey(path);
    const text = records.get(key);
    if (text === undefined) return keys;
    keys.add(key);
    if (path.length >= depth) return keys;
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object") return keys;
    const container = parsed as Container;
    if ("length" in container) for (let index = 0; index < container.length; index++) storedKeysUnder(records, [...path, index], depth, keys);
    else for (const member of container.keys) storedKeysUnder(records, [...path, member], depth, keys);
    return keys;
}
