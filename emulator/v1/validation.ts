/**
 * Field rules of the v1 authoring API (https://cloud.ibm.com/apidocs/assistant-v1), as small checks that
 * collect every violation with its path (`intents[0].examples[2].text`) before one 400 is thrown.
 */
import { apiError } from "../core/errors";
import { isPlainObject, Violations } from "../core/violations";
import { firstDuplicate } from "./collection";

/** v1's collector: the error is "Invalid Request Body" with at most 100 violations. */
export function bodyViolations(): Violations {
    return new Violations({ message: "Invalid Request Body", limit: 100 });
}

/** Reads one element (or list) of a body; `path` names it in errors, `stamp` is its created/updated time. */
export type BodyParser<T> = (raw: unknown, path: string, stamp: string, problems: Violations) => T;

/** A parser for an array of elements; a repeated key is reported at the second occurrence's key field. */
export function listParser<T>(parseOne: BodyParser<T>, key: keyof T & string, duplicateLabel: string): BodyParser<T[]> {
    return (raw, path, stamp, problems) => {
        const items = (checkArray(raw, path, problems) ?? []).map((item, i) => parseOne(item, at(path, i), stamp, problems));
        const duplicate = firstDuplicate(items, (item) => item[key] as unknown as string);
        if (duplicate && duplicate.value !== undefined) {
            problems.add(at(at(path, duplicate.index), key), `Duplicate ${duplicateLabel} "${duplicate.value}"`);
        }
        return items;
    };
}

/** `prefix.field`, or `field` at the top of an element body. */
export function at(prefix: string, field: string | number): string {
    if (typeof field === "number") return `${prefix}[${field}]`;
    return prefix ? `${prefix}.${field}` : field;
}

const CONTROL_CHARS = /[\r\n\t]/;
const INTENT_NAME = /^[\p{L}\p{M}\p{N}_.-]+$/u;
const ENTITY_NAME = /^[\p{L}\p{M}\p{N}_-]+$/u;
const NODE_ID = /^[\p{L}\p{M}\p{N} _.-]+$/u;

/** Length in characters (code points), computed only when the UTF-16 length could exceed the limit. */
function tooLong(value: string, max: number): boolean {
    if (value.length <= max) return false;
    let count = 0;
    for (const _ of value) if (++count > max) return true;
    return false;
}

export interface TextRule {
    required?: boolean;
    max?: number;
    /** No carriage return, newline or tab. */
    singleLine?: boolean;
    /** Not empty and not whitespace-only. */
    notBlank?: boolean;
    pattern?: RegExp;
    patternMessage?: string;
}

/** A string field; returns it when valid, otherwise records why and returns undefined. */
export function checkText(value: unknown, path: string, rule: TextRule, problems: Violations): string | undefined {
    if (value === undefined || value === null) {
        if (rule.required) problems.add(path, `${path} is required`);
        return undefined;
    }
    if (typeof value !== "string") {
        problems.add(path, `${path} must be a string`);
        return undefined;
    }
    let ok = true;
    if (rule.singleLine && CONTROL_CHARS.test(value)) {
        problems.add(path, `${path} cannot contain carriage return, newline, or tab characters`);
        ok = false;
    }
    if (rule.notBlank && value.trim() === "") {
        problems.add(path, `${path} cannot be empty or consist of only whitespace characters`);
        ok = false;
    }
    if (rule.max !== undefined && tooLong(value, rule.max)) {
        problems.add(path, `${path} must be no longer than ${rule.max} characters`);
        ok = false;
    }
    if (ok && rule.pattern && !rule.pattern.test(value)) {
        problems.add(path, `${path} ${rule.patternMessage ?? "has an invalid format"}`);
        ok = false;
    }
    return ok ? value : undefined;
}

export const SYSTEM_ENTITIES = new Set([
    "sys-currency", "sys-date", "sys-time", "sys-location", "sys-number", "sys-percentage", "sys-person",
]);

export function checkIntentName(value: unknown, path: string, problems: Violations): string | undefined {
    const name = checkText(value, path, {
        required: true, max: 128, pattern: INTENT_NAME,
        patternMessage: "can contain only Unicode alphanumeric, underscore, hyphen, and dot characters",
    }, problems);
    if (name !== undefined && name.toLowerCase().startsWith("sys-")) {
        problems.add(path, `${path} cannot begin with the reserved prefix sys-`);
        return undefined;
    }
    return name;
}

/** Entity names; `sys-*` is accepted only for the known system entities (enabling them). */
export function checkEntityName(value: unknown, path: string, problems: Violations): string | undefined {
    const name = checkText(value, path, {
        required: true, max: 64, pattern: ENTITY_NAME,
        patternMessage: "can contain only Unicode alphanumeric, underscore, and hyphen characters",
    }, problems);
    if (name !== undefined && name.toLowerCase().startsWith("sys-") && !SYSTEM_ENTITIES.has(name)) {
        problems.add(path, `${path} cannot begin with the reserved prefix sys- (unknown system entity ${name})`);
        return undefined;
    }
    return name;
}

export function isSystemEntity(name: string): boolean {
    return SYSTEM_ENTITIES.has(name);
}

export function checkNodeId(value: unknown, path: string, problems: Violations, required = true): string | undefined {
    return checkText(value, path, {
        required, max: 1024, pattern: NODE_ID,
        patternMessage: "can contain only Unicode alphanumeric, space, underscore, hyphen, and dot characters",
    }, problems);
}

/**
 * Titles: the reference allows the id's characters only, but the service holds titles with `?` and
 * other punctuation (IBM's sample skills have them): single line, at most 64, may be empty.
 */
export function checkNodeTitle(value: unknown, path: string, problems: Violations): string | undefined {
    return checkText(value, path, { max: 64, singleLine: true }, problems);
}

/** Descriptions of workspaces, intents, entities and dialog nodes. */
export function checkDescription(value: unknown, path: string, problems: Violations): string | undefined {
    return checkText(value, path, { max: 128, singleLine: true }, problems);
}

/** Example, counterexample, value and synonym texts. */
export function checkPlainText(value: unknown, path: string, max: number, problems: Violations): string | undefined {
    return checkText(value, path, { required: true, max, singleLine: true, notBlank: true }, problems);
}

export function checkEnum(value: unknown, path: string, allowed: readonly string[], problems: Violations, required = false): string | undefined {
    if (value === undefined || value === null) {
        if (required) problems.add(path, `${path} is required`);
        return undefined;
    }
    if (typeof value !== "string" || !allowed.includes(value)) {
        problems.add(path, `${path} must be one of [${allowed.join(", ")}]`);
        return undefined;
    }
    return value;
}

export function checkBoolean(value: unknown, path: string, problems: Violations): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") {
        problems.add(path, `${path} must be a boolean`);
        return undefined;
    }
    return value;
}

export { isPlainObject };

export function checkObject(value: unknown, path: string, problems: Violations, required = false): Record<string, any> | undefined {
    if (value === undefined || value === null) {
        if (required) problems.add(path, `${path} is required`);
        return undefined;
    }
    if (!isPlainObject(value)) {
        problems.add(path, `${path} must be an object`);
        return undefined;
    }
    return value;
}

export function checkArray(value: unknown, path: string, problems: Violations, maxItems?: number): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
        problems.add(path, `${path} must be an array`);
        return undefined;
    }
    if (maxItems !== undefined && value.length > maxItems) {
        problems.add(path, `${path} can contain at most ${maxItems} items`);
    }
    return value;
}

/** The element body itself must be a JSON object. */
export function requireBodyObject(body: unknown): Record<string, any> {
    if (!isPlainObject(body)) {
        throw apiError(400, "Invalid Request Body", [{ message: "The request body must be a JSON object", path: "body" }]);
    }
    return body;
}
