/**
 * Removes credentials from anything that may be logged or put in an error message: header values,
 * secret-looking fields anywhere in JSON bodies, and the configured secret values themselves.
 */

export const REDACTED = "[redacted]";

/** Field names whose values are secrets wherever they appear (case-insensitive, `_`/`-` ignored). */
const SECRET_FIELD = /^(apikey|iamapikey|password|passwd|secret|clientsecret|token|accesstoken|refreshtoken|bearertoken|authorization|proxyauthorization|cookie|setcookie|private|credentials|xapikey)$/;

export function isSecretField(name: string): boolean {
    return SECRET_FIELD.test(name.toLowerCase().replace(/[_-]/g, ""));
}

/**
 * A deep copy of a JSON-like value with secret fields replaced, including name/value pairs that
 * name a secret (webhook headers: `{ name: "Authorization", value: "Bearer ..." }`).
 */
export function redactValue(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(redactValue);
    if (value && typeof value === "object") {
        const bag = value as Record<string, unknown>;
        const namesSecret = typeof bag.name === "string" && isSecretField(bag.name);
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(bag)) {
            const secret = isSecretField(k) || (namesSecret && k === "value");
            out[k] = secret && v !== undefined && v !== null ? REDACTED : redactValue(v);
        }
        return out;
    }
    return value;
}

/** Replaces known secret values, `Bearer`/`Basic` credentials and secret query parameters in free text. */
export function redactText(text: string, secrets: readonly string[] = []): string {
    let out = text;
    for (const secret of secrets) {
        if (secret.length >= 4) out = out.split(secret).join(REDACTED);
    }
    return out
        .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`)
        .replace(/([?&](?:apikey|api_key|password|token|access_token)=)[^&\s"]*/gi, `$1${REDACTED}`)
        .replace(/("(?:apikey|api_key|password|token|access_token|refresh_token|bearer_token)"\s*:\s*)"[^"]*"/gi, `$1"${REDACTED}"`);
}
