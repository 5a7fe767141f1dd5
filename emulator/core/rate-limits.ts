import type { RateLimit, RouteDef } from "./http-types";

export interface RateLimitVerdict {
    allowed: boolean;
    /** `X-RateLimit-*` on every answer; `Retry-After` too when refused. Wall-clock values. */
    headers: Record<string, string>;
    /** The window this request counted in: the route's bucket, or "METHOD template". */
    bucket: string;
    /** Wall milliseconds until the window ends (what a refused client is told to wait). */
    waitMs: number;
}

interface Window {
    endsAt: number;
    used: number;
}

/** The limit that applies to one request of `route` (export=true reads have their own), with its bucket. */
export function limitFor(
    route: Pick<RouteDef<never>, "method" | "template" | "rateLimit">,
    query: URLSearchParams,
): (RateLimit & { bucket: string }) | undefined {
    const limit = typeof route.rateLimit === "function" ? route.rateLimit(query) : route.rateLimit;
    return limit && { ...limit, bucket: limit.bucket ?? `${route.method} ${route.template}` };
}

/**
 * Fixed windows per bucket, as the docs describe: a window starts with the first accepted request
 * and no further requests are accepted once the limit is reached until it expires.
 *
 * `clockScale` is how many service seconds pass in one wall-clock second: at 600 a 30-minute window
 * lasts 3 s. Headers are wall-clock values (what a client must actually wait).
 */
export class RateLimiter {
    private windows = new Map<string, Window>();

    constructor(readonly clockScale: number = 1) {
        if (!(clockScale > 0) || !Number.isFinite(clockScale)) throw new Error(`clockScale must be a number > 0, got ${clockScale}`);
    }

    /** Counts one request against its window (when allowed). */
    check(limit: RateLimit & { bucket: string }, now: number): RateLimitVerdict {
        const window = this.current(limit, now);
        const allowed = window.used < limit.limit;
        if (allowed) window.used++;
        return this.verdict(limit, window, now, allowed);
    }

    /** The `X-RateLimit-*` headers of the window as it stands, without counting a request (a 413 does not count). */
    peek(limit: RateLimit & { bucket: string }, now: number): Record<string, string> {
        const window = this.windows.get(limit.bucket);
        const open = window && now < window.endsAt ? window : { endsAt: now + this.windowMs(limit), used: 0 };
        return this.verdict(limit, open, now, true).headers;
    }

    /** Service seconds that `wallMs` of wall-clock time stand for. */
    serviceSeconds(wallMs: number): number {
        return (wallMs * this.clockScale) / 1000;
    }

    reset(): void {
        this.windows.clear();
    }

    private windowMs(limit: RateLimit): number {
        return Math.max(1, Math.round((limit.windowSeconds * 1000) / this.clockScale));
    }

    private current(limit: RateLimit & { bucket: string }, now: number): Window {
        let window = this.windows.get(limit.bucket);
        if (!window || now >= window.endsAt) {
            window = { endsAt: now + this.windowMs(limit), used: 0 };
            this.windows.set(limit.bucket, window);
        }
        return window;
    }

    private verdict(limit: RateLimit & { bucket: string }, window: Window, now: number, allowed: boolean): RateLimitVerdict {
        const waitMs = Math.max(0, window.endsAt - now);
        const headers: Record<string, string> = {
            "X-RateLimit-Limit": String(limit.limit),
            "X-RateLimit-Remaining": String(Math.max(0, limit.limit - window.used)),
            "X-RateLimit-Reset": String(Math.ceil(window.endsAt / 1000)),
        };
        if (!allowed) headers["Retry-After"] = String(Math.max(1, Math.ceil(waitMs / 1000)));
        return { allowed, headers, bucket: limit.bucket, waitMs };
    }
}
