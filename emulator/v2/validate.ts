/** Field rules from https://cloud.ibm.com/apidocs/assistant-v2, each failing with a 400 naming the property path. */
import { ApiProblem } from "../core/types";

export class Violations {
    private readonly errors: { message: string; path: string }[] = [];

    add(path: string, message: string): void {
        this.errors.push({ message, path });
    }

    /** Throws one 400 carrying every violation found. */
    throwIfAny(): void {
        if (this.errors.length === 0) return;
        const summary = this.errors.length === 1 ? this.errors[0].message : `${this.errors.length} validation errors`;
        throw new ApiProblem(400, summary, this.errors);
    }

    /** A string of bounded length, optionally without CR/LF/TAB. */
    text(body: any, field: string, min: number, max: number, options: { required?: boolean; singleLine?: boolean; prefix?: string } = {}): void {
        const path = `${options.prefix ?? ""}${field}`;
        const value = body?.[field];
        if (value === undefined || value === null) {
            if (options.required) this.add(path, `${path} is required`);
            return;
        }
        if (typeof value !== "string") return this.add(path, `${path} must be a string`);
        if (value.length < min || value.length > max) this.add(path, `${path} must be between ${min} and ${max} characters long`);
        if (options.singleLine && /[\r\n\t]/.test(value)) this.add(path, `${path} cannot contain carriage return, newline, or tab characters`);
    }

    object(body: any, field: string, options: { required?: boolean; prefix?: string } = {}): void {
        const path = `${options.prefix ?? ""}${field}`;
        const value = body?.[field];
        if (value === undefined || value === null) {
            if (options.required) this.add(path, `${path} is required`);
            return;
        }
        if (!isPlainObject(value)) this.add(path, `${path} must be an object`);
    }
}

export function isPlainObject(value: unknown): value is Record<string, any> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Rejects a body that is not a JSON object (an absent body counts as `{}`). */
export function objectBody(body: unknown): Record<string, any> {
    if (body === undefined) return {};
    if (!isPlainObject(body)) throw new ApiProblem(400, "The request body must be a JSON object", [{ message: "The request body must be a JSON object", path: "body" }]);
    return body;
}
