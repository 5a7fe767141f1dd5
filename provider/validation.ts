/**
 * Input validation with ajv: each schema object is compiled once per process and reports every
 * problem as `{ property: "intents[2].examples[0].text", reason: "..." }`. A schema may carry an
 * `errorHint` (plain words for a rule, e.g. "no tabs or newlines") that is appended to the reason,
 * and a top-level input property may carry `replaceOnChange: true`: changing it forces replacement
 * (a spec's `replaceOn` is derived from it, so the rule sits beside the property it is about).
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { type CollectionShape, type FieldShape, type ObjectShape, isCollection } from "./change-summary/shape";

// Strict: an unknown keyword (a misspelt `replaceOnChange`) fails at compile time instead of being
// ignored. strictNumbers stays off: it would change which values validate, not which schemas compile.
const ajv = new Ajv({ allErrors: true, strict: true, strictNumbers: false, verbose: true });
ajv.addKeyword({ keyword: "errorHint", schemaType: "string" });
ajv.addKeyword({ keyword: "replaceOnChange", schemaType: "boolean" });

/** One problem found by check: the property path (e.g. `intents[2].examples[0].text`) and the rule. */
export interface CheckFailure {
    property: string;
    reason: string;
}

export type InputChecker = (value: unknown) => CheckFailure[];

const compiled = new WeakMap<object, InputChecker>();

/** The checker of a schema; the same function for the same schema object (compiled once). */
export function compileInputSchema(schema: object): InputChecker {
    let checker = compiled.get(schema);
    if (!checker) {
        const validate: ValidateFunction = ajv.compile(schema);
        checker = (value) => (validate(value) ? [] : toFailures(validate.errors ?? []));
        compiled.set(schema, checker);
    }
    return checker;
}

/** The top-level properties of an input schema marked `replaceOnChange: true`, in declaration order. */
export function replacingProperties<I>(schema: object): (keyof I & string)[] {
    const properties = (schema as { properties?: Record<string, { replaceOnChange?: boolean }> }).properties ?? {};
    return Object.keys(properties).filter((name) => properties[name].replaceOnChange === true) as (keyof I & string)[];
}

/** `/intents/2/examples/0/text` -> `intents[2].examples[0].text`. */
export function instancePathToProperty(instancePath: string): string {
    if (!instancePath) return "";
    return instancePath
        .split("/")
        .slice(1)
        .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((out, segment) => out + propertySegment(segment, out === ""), "");
}

export function joinProperty(base: string, name: string): string {
    return base + propertySegment(name, base === "");
}

function propertySegment(segment: string, first: boolean): string {
    if (/^\d+$/.test(segment)) return `[${segment}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(segment)) return first ? segment : `.${segment}`;
    return `[${JSON.stringify(segment)}]`;
}

function toFailures(errors: ErrorObject[]): CheckFailure[] {
    const seen = new Set<string>();
    const failures: CheckFailure[] = [];
    for (const e of errors) {
        if (e.keyword === "if") continue; // the failing "then" branch is reported on its own
        const failure = toFailure(e);
        const id = `${failure.property}\u0000${failure.reason}`;
        if (!seen.has(id)) {
            seen.add(id);
            failures.push(failure);
        }
    }
    return failures;
}

function toFailure(e: ErrorObject): CheckFailure {
    const at = instancePathToProperty(e.instancePath);
    const hint = (e.parentSchema as { errorHint?: string } | undefined)?.errorHint;
    const withHint = (reason: string) => (hint ? `${reason} (${hint})` : reason);
    const p = e.params as Record<string, any>;
    switch (e.keyword) {
        case "required":
            return { property: joinProperty(at, p.missingProperty), reason: "is required" };
        case "additionalProperties": {
            const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
            return { property: joinProperty(at, p.additionalProperty), reason: `is not a known property${didYouMean(p.additionalProperty, known)}` };
        }
        case "pattern":
            return { property: at, reason: withHint(`must match pattern ${p.pattern}`) };
        case "enum":
            return { property: at, reason: withHint(`must be one of: ${(p.allowedValues as unknown[]).map(String).join(", ")}`) };
        case "const":
            return { property: at, reason: withHint(`must be ${JSON.stringify(p.allowedValue)}`) };
        case "not":
            return { property: at, reason: hint ?? "is not allowed" };
        default:
            return { property: at, reason: withHint(e.message ?? e.keyword) };
    }
}

/** `; did you mean "x"?` for a known name close to a misspelt one, else "". */
export function didYouMean(name: string, known: Iterable<string>): string {
    const suggestion = closest(name, [...known]);
    return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}

/** The regex engine's own words for an invalid pattern, without the pattern it quotes. */
export function regexError(pattern: string): string | undefined {
    try {
        new RegExp(pattern);
        return undefined;
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return /^Invalid regular expression: \/[^]*\/[a-z]*: ([^]*)$/.exec(message)?.[1] ?? message;
    }
}

/** A known name close to a misspelt one (case-insensitive or snake_case of it), if any. */
function closest(name: string, known: string[]): string | undefined {
    const squash = (s: string) => s.toLowerCase().replace(/[_-]/g, "");
    return known.find((k) => squash(k) === squash(name)) ?? known.find((k) => editDistance(k.toLowerCase(), name.toLowerCase()) <= 2);
}

function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}

/** What the engine needs to print a check failure usefully (forEngine). */
export interface FailureView {
    /** The inputs as checked (packed properties unpacked). */
    inputs: Record<string, unknown>;
    /** The spec's summary shape: which collections are keyed, and how their elements are named. */
    shape?: ObjectShape;
    /** Top-level properties the engine holds as they are: it prints their value itself. */
    direct(property: string): boolean;
    /** Top-level properties whose values are never printed (write-only secrets). */
    secret: readonly string[];
}

const MAX_SHOWN_VALUE = 60;
/** Names under which a value may be a credential (webhook headers, authentication): never quoted. */
const CREDENTIAL_NAMES = /header|auth|password|secret|token|apikey|credential/i;

/**
 * Failures as the engine prints them. The engine prints `property P value {V}` with V looked up as
 * a top-level key of the inputs it holds, so a nested path or a packed property reads
 * `value {<nil>}`: those failures go out without a property, their text naming the path with
 * element keys instead of indexes (`entities[@zip].values[94301].patterns[0]`, keys and labels
 * from the spec's summary shape) and the offending value, shortened.
 */
export function forEngine(failures: CheckFailure[], view: FailureView): CheckFailure[] {
    return failures.map((failure) => {
        const segments = parseProperty(failure.property);
        const top = typeof segments[0] === "string" ? segments[0] : undefined;
        if (segments.length === 1 && top !== undefined && view.direct(top)) return failure;
        const { path, value } = keyedPath(segments, view);
        const hidden = (top !== undefined && view.secret.includes(top)) || segments.some((s) => typeof s === "string" && CREDENTIAL_NAMES.test(s));
        const shown = value === undefined || hidden ? "" : ` = ${shorten(value)}`;
        return { property: "", reason: `${path || "inputs"}${shown}: ${failure.reason}` };
    });
}

/** `a.b[2]["c d"]` -> ["a", "b", 2, "c d"]. */
function parseProperty(property: string): (string | number)[] {
    const segments: (string | number)[] = [];
    for (const m of property.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
        segments.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3])));
    }
    return segments;
}

/** The path with each element of a keyed collection named by its key (its index when the key is not unique), and the value there. */
function keyedPath(segments: (string | number)[], view: FailureView): { path: string; value: unknown } {
    let value: unknown = view.inputs;
    let shape: FieldShape | undefined = view.shape;
    let path = "";
    for (const segment of segments) {
        if (typeof segment === "string") {
            // A collection's shape describes its elements: it applies after the index.
            shape = shape && !isCollection(shape) ? shape.fields?.[segment] : undefined;
            path = joinProperty(path, segment);
        } else {
            const key = shape && isCollection(shape) && Array.isArray(value) ? uniqueKey(shape, value, segment) : undefined;
            path += `[${key === undefined ? segment : labelled(shape as CollectionShape, key)}]`;
            if (shape && !isCollection(shape)) shape = undefined;
        }
        value = value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[segment] : undefined;
        if (typeof segment === "number" && shape && isCollection(shape)) shape = { fields: shape.fields };
    }
    return { path, value };
}

/** Keys longer than this (an example's whole text) name the element worse than its index. */
const MAX_KEY_IN_PATH = 40;

/** The key of `elements[index]` when it is an object whose short, non-empty key no other element shares. */
function uniqueKey(shape: CollectionShape, elements: unknown[], index: number): string | undefined {
    const keyOf = (element: unknown) => (element !== null && typeof element === "object" ? shape.key(element) : undefined);
    const key = keyOf(elements[index]);
    if (typeof key !== "string" || key === "" || key.length > MAX_KEY_IN_PATH) return undefined;
    return elements.filter((element) => keyOf(element) === key).length === 1 ? key : undefined;
}

function labelled(shape: CollectionShape, key: string): string {
    const label = shape.label ? shape.label(key) : key;
    return /^[^\s[\].]+$/.test(label) ? label : JSON.stringify(label);
}

/** JSON of `value`, cut to MAX_SHOWN_VALUE characters. */
function shorten(value: unknown): string {
    const json = JSON.stringify(value) ?? String(value);
    return json.length <= MAX_SHOWN_VALUE ? json : `${json.slice(0, MAX_SHOWN_VALUE - 1)}…`;
}
