/**
 * Connection settings: `watson-assistant:*` Pulumi config first, then IBM's usual environment
 * variables, then IBM's external sources (ibm-credentials.env file, VCAP_SERVICES). Always read at
 * call time (inside the plugin process), never captured in the serialized provider.
 */
import { readExternalSources } from "ibm-cloud-sdk-core";

export type AuthType = "iam" | "bearertoken" | "basic" | "cp4d" | "noauth";

export interface RetryPolicy {
    /** Total attempts including the first one. */
    maxAttempts: number;
    /** No retry starts once this much time has passed since the first attempt. */
    maxElapsedMs: number;
    baseDelayMs: number;
    maxDelayMs: number;
}

export interface ConnectionSettings {
    /** Service URL without trailing slash, e.g. https://api.us-south.assistant.watson.cloud.ibm.com/instances/<id>. */
    url: string;
    authType: AuthType;
    apikey?: string;
    bearerToken?: string;
    username?: string;
    password?: string;
    /** IAM base URL (token exchange posts to `<iamUrl>/identity/token`); for cp4d the cluster URL. */
    iamUrl?: string;
    /** `version` date sent with every /v1 call. */
    versionV1: string;
    /** `version` date sent with every /v2 call. */
    versionV2: string;
    disableSslVerification: boolean;
    /** Sends `X-Watson-Learning-Opt-Out: true` on every request. */
    learningOptOut: boolean;
    /** Per-request timeout. */
    timeoutMs: number;
    retry: RetryPolicy;
}

/** Newest version dates the API digests document as current (v1 also appears in v2 examples). */
export const DEFAULT_VERSION_V1 = "2021-11-27";
export const DEFAULT_VERSION_V2 = "2024-08-25";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, maxElapsedMs: 120_000, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Where each config key falls back to in the environment. */
const ENV_FALLBACK: Record<string, string> = {
    url: "ASSISTANT_URL",
    apikey: "ASSISTANT_APIKEY",
    authType: "ASSISTANT_AUTH_TYPE",
    bearerToken: "ASSISTANT_BEARER_TOKEN",
    username: "ASSISTANT_USERNAME",
    password: "ASSISTANT_PASSWORD",
    iamUrl: "ASSISTANT_AUTH_URL",
    disableSslVerification: "ASSISTANT_DISABLE_SSL",
};

/** Property names of readExternalSources("assistant") for our keys. */
const EXTERNAL_NAME: Record<string, string> = {
    url: "url",
    apikey: "apikey",
    authType: "authType",
    bearerToken: "bearerToken",
    username: "username",
    password: "password",
    iamUrl: "authUrl",
    disableSslVerification: "disableSsl",
};

const SECRET_KEYS = ["apikey", "bearerToken", "password"] as const;

export type ExternalSourceReader = (serviceName: string) => Record<string, unknown> | null | undefined;

/**
 * Builds the settings. `get(key)` returns the Pulumi config value of `watson-assistant:<key>`.
 * `readExternal` defaults to ibm-cloud-sdk-core's readExternalSources and is consulted only when
 * config and env give no URL or no credentials.
 */
export function resolveSettings(
    get: (key: string) => string | undefined,
    env: NodeJS.ProcessEnv = process.env,
    readExternal: ExternalSourceReader = readExternalSources,
): ConnectionSettings {
    const primary = (key: string): string | undefined => {
        const fromConfig = nonEmpty(get(key));
        if (fromConfig !== undefined) return fromConfig;
        const envName = ENV_FALLBACK[key];
        return envName ? nonEmpty(env[envName]) : undefined;
    };

    const explicitAuthType = primary("authType");
    const hasCredentials = ["apikey", "bearerToken", "username", "password"].some((k) => primary(k) !== undefined);
    const needsExternal = primary("url") === undefined || (!hasCredentials && parseAuthType(explicitAuthType) !== "noauth");
    const external = needsExternal ? safeReadExternal(readExternal) : {};
    const value = (key: string): string | undefined => {
        const direct = primary(key);
        if (direct !== undefined) return direct;
        const raw = external[EXTERNAL_NAME[key] ?? key];
        return raw === undefined || raw === null ? undefined : nonEmpty(String(raw));
    };

    const url = value("url");
    if (!url) {
        throw new Error(
            "watson-assistant: no service URL configured. Set `pulumi config set watson-assistant:url <service URL>` " +
                "(e.g. https://api.us-south.assistant.watson.cloud.ibm.com/instances/<instance id>) or the ASSISTANT_URL environment variable.",
        );
    }
    if (!/^https?:\/\/[^/]/i.test(url)) {
        // The value is not echoed: a malformed URL may still carry credentials.
        throw new Error("watson-assistant:url must be an http(s) URL (https://...), got a value without that scheme.");
    }

    const apikey = value("apikey");
    const bearerToken = value("bearerToken");
    const username = value("username");
    const password = value("password");
    const authType = parseAuthType(value("authType")) ?? inferAuthType({ apikey, bearerToken, username, password });
    const settings: ConnectionSettings = {
        // Paths start with /v1 or /v2: a URL copied with the API's version segment would double it.
        url: url.replace(/\/+$/, "").replace(/\/v[12]$/i, ""),
        authType,
        apikey,
        bearerToken,
        username,
        password,
        iamUrl: value("iamUrl")?.replace(/\/+$/, ""),
        versionV1: versionDate("versionV1", get("versionV1"), DEFAULT_VERSION_V1),
        versionV2: versionDate("versionV2", get("versionV2"), DEFAULT_VERSION_V2),
        disableSslVerification: parseBoolean("disableSslVerification", value("disableSslVerification"), false),
        learningOptOut: parseBoolean("learningOptOut", get("learningOptOut"), false),
        timeoutMs: parsePositiveInt("timeoutMs", get("timeoutMs"), DEFAULT_TIMEOUT_MS),
        retry: {
            ...DEFAULT_RETRY,
            maxAttempts: parsePositiveInt("maxRetries", get("maxRetries"), DEFAULT_RETRY.maxAttempts - 1, true) + 1,
            maxElapsedMs: parsePositiveInt("maxRetryElapsedMs", get("maxRetryElapsedMs"), DEFAULT_RETRY.maxElapsedMs),
        },
    };
    requireCredentials(settings);
    return settings;
}

/** A loggable copy: secrets replaced by "[redacted]" (or absent). */
export function describeSettings(s: ConnectionSettings): Record<string, unknown> {
    const copy: Record<string, unknown> = { ...s, retry: { ...s.retry } };
    for (const key of SECRET_KEYS) {
        if (copy[key] !== undefined) copy[key] = "[redacted]";
    }
    for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
    for (const secret of urlCredentials(s.url)) copy.url = String(copy.url).split(encodeURIComponent(secret)).join("[redacted]");
    return copy;
}

/** The secret values of the settings, for redacting them from any text. */
export function settingsSecrets(s: ConnectionSettings): string[] {
    const secrets = SECRET_KEYS.map((k) => s[k]).filter((v): v is string => typeof v === "string" && v.length > 0);
    return [...secrets, ...urlCredentials(s.url)];
}

/** User and password written into the service URL (`https://user:pass@host`), kept out of messages too. */
function urlCredentials(url: string): string[] {
    try {
        const { username, password } = new URL(url);
        return [username, password].map(decodeURIComponent).filter((v) => v.length > 0);
    } catch {
        return [];
    }
}

function inferAuthType(c: { apikey?: string; bearerToken?: string; username?: string; password?: string }): AuthType {
    if (c.apikey) return "iam";
    if (c.bearerToken) return "bearertoken";
    if (c.username && c.password) return "basic";
    return "noauth";
}

function parseAuthType(raw: string | undefined): AuthType | undefined {
    if (raw === undefined) return undefined;
    const normalized = raw.toLowerCase().replace(/[^a-z0-9]/g, "");
    const aliases: Record<string, AuthType> = {
        iam: "iam",
        bearertoken: "bearertoken",
        bearer: "bearertoken",
        basic: "basic",
        cp4d: "cp4d",
        noauth: "noauth",
        none: "noauth",
    };
    const found = aliases[normalized];
    if (!found) {
        throw new Error(`watson-assistant:authType "${raw}" is not supported; use one of iam, bearertoken, basic, cp4d, noauth.`);
    }
    return found;
}

function requireCredentials(s: ConnectionSettings): void {
    const missing: Record<AuthType, string[]> = {
        iam: s.apikey ? [] : ["apikey (ASSISTANT_APIKEY)"],
        bearertoken: s.bearerToken ? [] : ["bearerToken (ASSISTANT_BEARER_TOKEN)"],
        basic: [...(s.username ? [] : ["username (ASSISTANT_USERNAME)"]), ...(s.password ? [] : ["password (ASSISTANT_PASSWORD)"])],
        cp4d: [
            ...(s.username ? [] : ["username (ASSISTANT_USERNAME)"]),
            ...(s.password || s.apikey ? [] : ["password or apikey"]),
            ...(s.iamUrl ? [] : ["iamUrl (ASSISTANT_AUTH_URL, the Cloud Pak for Data cluster URL)"]),
        ],
        noauth: [],
    };
    const lacking = missing[s.authType];
    if (lacking.length > 0) {
        throw new Error(`watson-assistant: authType "${s.authType}" needs ${lacking.map((m) => `watson-assistant:${m}`).join(" and ")}.`);
    }
}

function safeReadExternal(readExternal: ExternalSourceReader): Record<string, unknown> {
    try {
        return readExternal("assistant") ?? {};
    } catch {
        return {}; // a malformed credentials file must not hide the clearer "not configured" error
    }
}

function nonEmpty(v: string | undefined): string | undefined {
    const trimmed = v?.trim();
    return trimmed ? trimmed : undefined;
}

function versionDate(key: string, raw: string | undefined, fallback: string): string {
    const v = nonEmpty(raw) ?? fallback;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`watson-assistant:${key} must be a date YYYY-MM-DD, got "${v}".`);
    return v;
}

function parseBoolean(key: string, raw: string | undefined, fallback: boolean): boolean {
    const v = nonEmpty(raw)?.toLowerCase();
    if (v === undefined) return fallback;
    if (["true", "1", "yes"].includes(v)) return true;
    if (["false", "0", "no"].includes(v)) return false;
    throw new Error(`watson-assistant:${key} must be true or false, got "${raw}".`);
}

function parsePositiveInt(key: string, raw: string | undefined, fallback: number, allowZero = false): number {
    const v = nonEmpty(raw);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
        throw new Error(`watson-assistant:${key} must be a ${allowZero ? "non-negative" : "positive"} integer, got "${raw}".`);
    }
    return n;
}
