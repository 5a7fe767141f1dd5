/**
 * Input validation with ajv: each schema object is compiled once per process and reports every
 * problem as `{ property: "intents[2].examples[0].text", reason: "..." }`. A schema may carry an
 * `errorHint` (plain words for a rule, e.g. "no tabs or newlines") that is appended to the reason,
 * and a top-level input property may carry `replaceOnChange: true`: changing it forces replacement
 * (a spec's `replaceOn` is derived from it, so the rule sits beside the property it is about).
 */
import Ajv, { ErrorObject, ValidateFunction } from "ajv";

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
            const suggestion = closest(p.additionalProperty, known);
            const reason = `is not a known property${suggestion ? `; did you mean "${suggestion}"?` : ""}`;
            return { property: joinProperty(at, p.additionalProperty), reason };
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

/** A known property close to a misspelt one (case-insensitive or snake_case of it), if any. */
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
