/**
 * The one collector of rule violations (v1 and v2 alike): every check adds what it finds with its
 * property path (`intents[0].examples[2].text`), and one 400 carries them all.
 */
import { apiError } from "./errors";

export interface ViolationsStyle {
    /** The error's message; without it, the only violation's message or "N validation errors". */
    message?: string;
    /** Keeps at most this many, so a body with thousands of bad items still gets a readable error. */
    limit?: number;
}

export class Violations {
    readonly errors: { message: string; path: string }[] = [];

    constructor(private readonly style: ViolationsStyle = {}) {}

    add(path: string, message: string): void {
        if (this.style.limit === undefined || this.errors.length < this.style.limit) this.errors.push({ message, path });
    }

    get any(): boolean {
        return this.errors.length > 0;
    }

    /** Throws one 400 carrying every violation found. */
    throwIfAny(): void {
        if (!this.any) return;
        const summary = this.errors.length === 1 ? this.errors[0].message : `${this.errors.length} validation errors`;
        throw apiError(400, this.style.message ?? summary, this.errors);
    }
}

/** A JSON object: not null, not an array (request bodies and their fields are checked with it). */
export function isPlainObject(value: unknown): value is Record<string, any> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
