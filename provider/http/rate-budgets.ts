/**
 * What the service said of its rate-limit windows: every answer of a limited route carries
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`. The client records them per
 * bucket (the name a request gives for the limit it spends, e.g. "workspaceWrites"), so that a
 * planner can tell whether a plan's calls fit in what is left of a window before it starts.
 */
import { epochMsOf } from "./retry";

interface Recorded {
    limit: number;
    remaining: number;
    /** When the current window ends (ms since the epoch, local clock). */
    resetAtMs: number;
}

/** What is left of a window. */
export interface Budget {
    limit: number;
    remaining: number;
    /** Until the window ends. */
    resetInMs: number;
}

type Headers = { get(name: string): string | null };

export class RateBudgets {
    private readonly byBucket = new Map<string, Recorded>();

    /** Records the headers of one answer; answers without them leave the bucket as it was. */
    record(bucket: string, headers: Headers, nowMs: number): void {
        const [limit, remaining, reset] = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"].map((name) => headers.get(name)?.trim() ?? "");
        if (![limit, remaining, reset].every((value) => /^\d+(\.\d+)?$/.test(value))) return;
        this.byBucket.set(bucket, { limit: Number(limit), remaining: Number(remaining), resetAtMs: epochMsOf(Number(reset), nowMs) });
    }

    /** The bucket's budget as last answered, or undefined when never seen or its window has ended. */
    known(bucket: string, nowMs: number): Budget | undefined {
        const budget = this.byBucket.get(bucket);
        if (!budget || budget.resetAtMs <= nowMs) return undefined;
        return { limit: budget.limit, remaining: budget.remaining, resetInMs: budget.resetAtMs - nowMs };
    }
}
