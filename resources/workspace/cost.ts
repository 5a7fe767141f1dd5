/**
 * The planner's cost model: the service time a list of calls needs, waits included.
 *
 *   - every call: a round trip and the service's handling of it (CALL_SECONDS), plus its body at
 *     BYTES_PER_SECOND (sending, parsing and storing a workspace body grows with its size);
 *   - an asynchronous workspace write: the wait until the service has taken the content in
 *     (ASYNC_SECONDS, polled with plain reads);
 *   - rate limits: the calls of each bucket (service-limits.ts) spend what is left of its window.
 *     What is left is what the service last said (the client records X-RateLimit-* per bucket:
 *     ApiClient.budget) or, never told, the documented limit. Calls beyond it wait for the window
 *     to end (and for further whole windows): a plan that runs into a window costs that wait, so
 *     another plan that fits is always cheaper.
 *
 * Plans are compared by `cost`: that time plus each call's share of its window (window / limit:
 * 60 s for a workspace write, 0.9 s for an intent call, 3.6 s for a dialog node call), the time
 * the service needs to give the call back. It keeps the scarce workspace writes (30 per 30
 * minutes) for changes that need them, so that the next `up`s still find some.
 *
 * The constants are deliberately rough; what matters is the order of magnitude between the
 * alternatives: one more element call against one more megabyte, and any plan against a window.
 */
import type { ApiClient } from "../../provider/http/client";
import { type Bucket, V1_RATE_LIMITS } from "../v1-elements/service-limits";

export const CALL_SECONDS = 0.3;
export const BYTES_PER_SECOND = 500_000;
export const ASYNC_SECONDS = 10;

export interface PlannedCall {
    bucket: Bucket;
    /** Request body bytes. */
    bytes: number;
    /** An asynchronous workspace write (waited for). */
    async?: boolean;
}

/** What is left of a bucket's window now. */
export interface Left {
    remaining: number;
    resetInSeconds: number;
}

/** What is left of each bucket: as the service last said, else the documented limit. */
export type Budgets = (bucket: Bucket) => Left;

/** Budgets from nothing but the documentation (a full window everywhere). */
export const documentedBudgets: Budgets = (bucket) => ({ remaining: V1_RATE_LIMITS[bucket].calls, resetInSeconds: V1_RATE_LIMITS[bucket].windowSeconds });

/** Budgets as the client last heard them, the documented limits for buckets it has not met. */
export function clientBudgets(client: ApiClient): Budgets {
    return (bucket) => {
        const known = client.budget(bucket);
        return known ? { remaining: known.remaining, resetInSeconds: known.resetInMs / 1000 } : documentedBudgets(bucket);
    };
}

/** Seconds `count` calls of `bucket` wait for windows to end. */
export function windowWait(bucket: Bucket, count: number, left: Left): number {
    if (count <= left.remaining) return 0;
    const limit = V1_RATE_LIMITS[bucket];
    const beyond = count - left.remaining;
    return left.resetInSeconds + Math.floor((beyond - 1) / limit.calls) * limit.windowSeconds;
}

export interface Estimate {
    /** Service time: calls, bodies, asynchronous waits, waits for windows. */
    seconds: number;
    /** What plans are compared by: `seconds` plus the calls' shares of their windows. */
    cost: number;
    /** Buckets whose window the calls run into. */
    windows: Bucket[];
}

export function estimate(calls: readonly PlannedCall[], budgets: Budgets): Estimate {
    let seconds = 0;
    let share = 0;
    const perBucket = new Map<Bucket, number>();
    for (const call of calls) {
        seconds += CALL_SECONDS + call.bytes / BYTES_PER_SECOND + (call.async ? ASYNC_SECONDS : 0);
        share += V1_RATE_LIMITS[call.bucket].windowSeconds / V1_RATE_LIMITS[call.bucket].calls;
        perBucket.set(call.bucket, (perBucket.get(call.bucket) ?? 0) + 1);
    }
    const windows: Bucket[] = [];
    for (const [bucket, count] of perBucket) {
        const wait = windowWait(bucket, count, budgets(bucket));
        if (wait > 0) windows.push(bucket);
        seconds += wait;
    }
    return { seconds, cost: seconds + share, windows };
}
