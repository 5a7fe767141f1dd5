/** Field rules from https://cloud.ibm.com/apidocs/assistant-v2, each failing with a 400 naming the property path. */
import { apiError } from "../core/errors";
import { isPlainObject, type Violations } from "../core/violations";

/** A string of bounded length, optionally without CR/LF/TAB. */
export function textField(
    problems: Violations, body: any, field: string, min: number, max: number,
    options: { required?: boolean; singleLine?: boolean; prefix?: string } = {},
): void {
    const path = `${options.prefix ?? ""}${field}`;
    const value = body?.[field];
    if (value === undefined || value === null) {
        if (options.required) problems.add(path, `${path} is required`);
        return;
    }
    if (typeof value !== "string") return problems.add(path, `${path} must be a string`);
    if (value.length < min || value.length > max) problems.add(path, `${path} must be between ${min} and ${max} characters long`);
    if (options.singleLine && /[\r\n\t]/.test(value)) problems.add(path, `${path} cannot contain carriage return, newline, or tab characters`);
}

/** An object field (free-form content is not looked into). */
export function objectField(problems: Violations, body: any, field: string, options: { required?: boolean; prefix?: string } = {}): void {
    const path = `${options.prefix ?? ""}${field}`;
    const value = body?.[field];
    if (value === undefined || value === null) {
        if (options.required) problems.add(path, `${path} is required`);
        return;
    }
    if (!isPlainObject(value)) problems.add(path, `${path} must be an object`);
}

export { isPlainObject };

/** Rejects a body that is not a JSON object (an absent body counts as `{}`). */
export function objectBody(body: unknown): Record<string, any> {
    if (body === undefined) return {};
    if (!isPlainObject(body)) throw apiError(400, "The request body must be a JSON object", [{ message: "The request body must be a JSON object", path: "body" }]);
    return body;
}
