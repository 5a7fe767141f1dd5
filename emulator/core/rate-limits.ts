import type { RouteDef } from "./http-types";

export interface RateLimitVerdict {
    allowed: boolean;
    headers: Record<string, string>;
}

interface Window {
    startedAt: number;
    endsAt: number;
    used: number;
}

/**
 * Fixed windows per "METHOD template", as the docs describe: a window starts with the first accepted
 * request and no further requests are accepted once the limit is reached until it expires.
 */
export class RateLimiter {
    private windows = new Map<string, Window>();

    constructor(private readonly windowScale: number = 1) {}

    check(route: Pick<RouteDef<never>, "method" | "template" | "rateLimit">, now: number): RateLimitVerdict | undefined {
        const limit = route.rateLimit;
        if (!limit) return undefined;
        const key = `${route.method} ${route.template}`;
        let window = this.windows.get(key);
        if (!window || now >= window.endsAt) {
            const lengthMs = Math.max(1, Math.round(limit.windowSeconds * 1000 * this.windowScale));
            window = { startedAt: now, endsAt: now + lengthMs, used: 0 };
            this.windows.set(key, window);
        }
        const allowed = window.used < limit.limit;
        if (allowed) window.used++;
        const headers: Record<string, string> = {
            "X-RateLimit-Limit": String(limit.limit),
            "X-RateLimit-Remaining": String(Math.max(0, limit.limit - window.used)),
            "X-RateLimit-Reset": String(Math.ceil(window.endsAt / 1000)),
        };
        if (!allowed) headers["Retry-After"] = String(Math.max(1, Math.ceil((window.endsAt - now) / 1000)));
        return { allowed, headers };
    }

    reset(): void {
        this.windows.clear();
    }
}
