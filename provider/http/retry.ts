/**
 * Retry decisions: which outcomes are retryable, whether the request may have taken effect, and
 * how long to wait (exponential backoff with full jitter, or what the service asks for).
 */
import type { RetryPolicy } from "../config";

/** What one attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
    /** The service refused before doing anything (429, connection refused): always safe to repeat. */
    | "not-processed"
    /** Maybe done, maybe not (5xx, reset after sending, timeout, garbled 2xx body). */
    | "unknown"
    /** Final (success, or an error that repeating will not fix). */
    | "final";

const UNKNOWN_STATUSES = new Set([500, 502, 503, 504]);

export function outcomeOfStatus(status: number): AttemptOutcome {
    if (status === 429) return "not-processed";
    if (UNKNOWN_STATUSES.has(status)) return "unknown";
    return "final";
}

/** Network error codes meaning the request never reached the service. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
/** Network error codes that are permanent (retrying cannot help). */
const PERMANENT_CODES = new Set(["ENOTFOUND", "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"]);

export function outcomeOfNetworkError(code: string | undefined): AttemptOutcome {
    if (code && NOT_SENT_CODES.has(code)) return "not-processed";
    if (code && PERMANENT_CODES.has(code)) return "final";
    return "unknown";
}

/** Full jitter: a random wait in [0, min(maxDelay, base * 2^(retry-1))]. `retry` starts at 1. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.floor(random() * ceiling);
}

/**
 * How long the service asked us to wait, in ms: `Retry-After` (seconds or HTTP date), else
 * `X-RateLimit-Reset` (UNIX epoch seconds; small values are taken as seconds from now).
 */
export function serverRequestedDelay(headers: { get(name: string): string | null }, nowMs: number): number | undefined {
    const retryAfter = headers.get("retry-after")?.trim();
    if (retryAfter) {
        if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
    }
    const reset = headers.get("x-ratelimit-reset")?.trim();
    if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Math.round(epochMsOf(Number(reset), nowMs) - nowMs));
    return undefined;
}

/** An `X-RateLimit-Reset` value as ms since the epoch: epoch ms, epoch seconds, or (small values) seconds from now. */
export function epochMsOf(value: number, nowMs: number): number {
    return value > 1e12 ? value : value > 1e9 ? value * 1000 : nowMs + value * 1000;
}
