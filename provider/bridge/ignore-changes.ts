/**
 * `ignoreChanges` for packed properties. The engine applies a resource's `ignoreChanges` paths to
 * the properties it sees, but a packed property (packing.ts) is one JSON string to it, so a path
 * into the packed content would match nothing. The resource class takes those paths out of the
 * options and sends them inside the packed text (IGNORED_KEY); check applies them as the engine
 * would: the value at each path is taken from the last deployment's inputs (removed when they
 * have none), so a change there is never planned.
 *
 * Paths use Pulumi's property path syntax: `description`, `examples[0].text`, `metadata["a.b"]`.
 */

/** Packed key carrying the `ignoreChanges` paths that point into packed properties. */
export const IGNORED_KEY = "__ignoreChanges";

type Segment = string | number;

/** A property name as a path's first segment or after a dot. */
const NAME = "[A-Za-z_$][\\w$-]*";
/** One segment: `.name` (the dot optional first), `[index]` or `["key"]`. */
const SEGMENT_PATTERN = new RegExp(`^(?:\\.?(${NAME})|\\[(\\d+)\\]|\\["((?:[^"\\\\]|\\\\.)*)"\\])`);
const HEAD_PATTERN = new RegExp(`^${NAME}`);

type Bag = Record<string, any>;

/** The segments of a property path; throws on syntax it does not support (wildcards included). */
export function parsePropertyPath(path: string): Segment[] {
    const segments: Segment[] = [];
    let rest = path;
    while (rest.length > 0) {
        const match = SEGMENT_PATTERN.exec(rest);
        if (!match || (segments.length === 0 && rest.startsWith("."))) {
            throw new Error(`ignoreChanges path "${path}" is not supported here (names, [index] and ["key"] are; wildcards are not)`);
        }
        segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : JSON.parse(`"${match[3]}"`)));
        rest = rest.slice(match[0].length);
    }
    if (segments.length === 0) throw new Error("ignoreChanges path is empty");
    return segments;
}

/**
 * `ignoreChanges` split into the paths the engine applies and those that point into `packed`
 * properties (checked here, so a bad path fails in the program, naming it).
 */
export function splitIgnoreChanges(paths: readonly string[] | undefined, packed: readonly string[]): { engine: string[]; packed: string[] } {
    const split = { engine: [] as string[], packed: [] as string[] };
    for (const path of paths ?? []) {
        const head = HEAD_PATTERN.exec(path)?.[0];
        if (head !== undefined && packed.includes(head)) {
            parsePropertyPath(path);
            split.packed.push(path);
        } else split.engine.push(path);
    }
    return split;
}

/** `news` with the value at each path taken from `olds` (or removed where `olds` has none). */
export function applyIgnoreChanges(news: Bag, olds: Bag, paths: readonly string[]): Bag {
    const result = structuredClone(news);
    for (const path of paths) {
        const segments = parsePropertyPath(path);
        const old = valueAt(olds, segments);
        if (old === undefined) removeAt(result, segments);
        else setAt(result, segments, structuredClone(old));
    }
    return result;
}

function valueAt(bag: unknown, segments: readonly Segment[]): unknown {
    let current = bag;
    for (const segment of segments) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Bag)[segment];
    }
    return current;
}

function setAt(bag: Bag, segments: readonly Segment[], value: unknown): void {
    let current: Bag = bag;
    segments.slice(0, -1).forEach((segment, i) => {
        if (current[segment] === null || typeof current[segment] !== "object") current[segment] = typeof segments[i + 1] === "number" ? [] : {};
        current = current[segment];
    });
    current[segments[segments.length - 1]] = value;
}

function removeAt(bag: Bag, segments: readonly Segment[]): void {
    const parent = valueAt(bag, segments.slice(0, -1));
    if (parent === null || typeof parent !== "object") return;
    const last = segments[segments.length - 1];
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete (parent as Bag)[last];
}
