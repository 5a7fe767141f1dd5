/**
 * camelCase inputs <-> snake_case API bodies, recursively. Properties named in `freeForm` (by their
 * camelCase name) hold user JSON that the API keeps verbatim (dialog output, context, metadata...):
 * their values pass through untouched, field for field, in both directions.
 */

/** Free-form properties in the Assistant APIs (their contents are the user's own JSON). */
export const FREE_FORM_KEYS: readonly string[] = ["output", "context", "metadata", "actions", "headers", "specification", "workspace", "private"];

type FreeForm = ReadonlySet<string> | readonly string[];

export function toApi<T = unknown>(value: unknown, freeForm: FreeForm = FREE_FORM_KEYS): T {
    return convert(value, asSet(freeForm), snakeCase, (k) => k) as T;
}

export function fromApi<T = unknown>(value: unknown, freeForm: FreeForm = FREE_FORM_KEYS): T {
    return convert(value, asSet(freeForm), camelCase, camelCase) as T;
}

/** `storeGenericResponses` -> `store_generic_responses`. */
export function snakeCase(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

/** `store_generic_responses` -> `storeGenericResponses` (leading underscores kept). */
export function camelCase(name: string): string {
    return name.replace(/(?<=[A-Za-z0-9])_+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function convert(value: unknown, freeForm: ReadonlySet<string>, renameKey: (k: string) => string, camelOf: (k: string) => string): unknown {
    if (Array.isArray(value)) return value.map((v) => convert(v, freeForm, renameKey, camelOf));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
        if (v === undefined) continue;
        out[renameKey(key)] = freeForm.has(camelOf(key)) ? v : convert(v, freeForm, renameKey, camelOf);
    }
    return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (value === null || typeof value !== "object") return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}

function asSet(freeForm: FreeForm): ReadonlySet<string> {
    return freeForm instanceof Set ? freeForm : new Set(freeForm as readonly string[]);
}
