/**
 * The `filter` parameter of the log lists, in a small subset of the documented filter language:
 * comma-separated terms that must all hold, each `path::value` (equals), `path:value` (contains,
 * any case), `path:!value` (does not contain) or `path>=value`, `path<=value`, `path>value`,
 * `path<value` (compared as strings, so ISO timestamps work). A path is dotted into the log entry;
 * arrays match when any element does, and a numeric segment picks one element. Aliases map the
 * documented shorthands (`response.top_intent`) onto this API's entries.
 */
import { badRequest } from "./errors";

type Test = (value: string) => boolean;

const TERM = /^([A-Za-z_][\w.]*)(::|:!|:|>=|<=|>|<)(.*)$/;

function valuesAt(record: unknown, path: string[]): string[] {
    if (path.length === 0) {
        if (record === undefined || record === null) return [];
        if (Array.isArray(record)) return record.flatMap((item) => valuesAt(item, []));
        return [typeof record === "object" ? JSON.stringify(record) : String(record)];
    }
    if (Array.isArray(record)) {
        if (/^\d+$/.test(path[0])) return valuesAt(record[Number(path[0])], path.slice(1));
        return record.flatMap((item) => valuesAt(item, path));
    }
    if (record === null || typeof record !== "object") return [];
    return valuesAt((record as Record<string, unknown>)[path[0]], path.slice(1));
}

function unquote(value: string): string {
    return /^"(.*)"$/.exec(value)?.[1] ?? value;
}

/** Compiles `filter`; `aliases` map a documented shorthand path to where it is in this log's entries. */
export function compileLogFilter(filter: string | null, aliases: Record<string, string> = {}): (record: unknown) => boolean {
    if (filter === null || filter.trim() === "") return () => true;
    const terms = filter.split(",").map((raw) => {
        const match = TERM.exec(raw.trim());
        if (!match) throw badRequest(`Invalid filter term "${raw}": expected path::value, path:value, path:!value or a comparison`, "filter");
        const [, field, op, rawValue] = match;
        const wanted = unquote(rawValue.trim());
        const lower = wanted.toLowerCase();
        const tests: Record<string, Test> = {
            "::": (v) => v === wanted,
            ":": (v) => v.toLowerCase().includes(lower),
            ">=": (v) => v >= wanted,
            "<=": (v) => v <= wanted,
            ">": (v) => v > wanted,
            "<": (v) => v < wanted,
        };
        const path = (aliases[field] ?? field).split(".");
        if (op === ":!") return (record: unknown) => !valuesAt(record, path).some((v) => v.toLowerCase().includes(lower));
        return (record: unknown) => valuesAt(record, path).some(tests[op]);
    });
    return (record) => terms.every((term) => term(record));
}
