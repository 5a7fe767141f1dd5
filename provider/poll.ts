/**
 * Waits for an asynchronous status (release Processing -> Available, skill update, workspace
 * training) with backoff and a timeout. Failures quote the service's own status errors.
 */

export interface WaitOptions<T> {
    /** What is awaited, for messages: e.g. "release 3 of assistant abc". */
    what: string;
    fetch: () => Promise<T>;
    status: (t: T) => string;
    /** Statuses meaning done (compared case-insensitively). */
    ready: string[];
    /** Statuses meaning it will never get ready. */
    failed: string[];
    /** The service's explanation of a failure (e.g. its status_errors). */
    failureDetail?: (t: T) => string | undefined;
    timeoutMs: number;
    /**
     * First wait between polls (default 500 ms); doubles up to maxDelayMs, and starts again from
     * it when the status moves (progress: the next one is likely near, e.g. Processing -> Training
     * -> Available after an asynchronous write).
     */
    initialDelayMs?: number;
    maxDelayMs?: number;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    /** Called on each status change (progress output). */
    onStatus?: (status: string) => void;
}

export class WaitTimeoutError extends Error {
    constructor(
        readonly what: string,
        readonly lastStatus: string,
        readonly elapsedMs: number,
    ) {
        super(`Timed out after ${formatDuration(elapsedMs)} waiting for ${what}: its status is still "${lastStatus}"`);
        this.name = "WaitTimeoutError";
    }
}

export class WaitFailedError extends Error {
    constructor(
        readonly what: string,
        readonly status: string,
        readonly detail: string | undefined,
        /** The object as last fetched (the failed one), so that callers need not fetch it again. */
        readonly last?: unknown,
    ) {
        super(`${what} ended with status "${status}"${detail ? `: ${detail}` : ""}`);
        this.name = "WaitFailedError";
    }
}

export async function waitFor<T>(o: WaitOptions<T>): Promise<T> {
    const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = o.now ?? Date.now;
    const ready = new Set(o.ready.map((s) => s.toLowerCase()));
    const failed = new Set(o.failed.map((s) => s.toLowerCase()));
    const maxDelay = o.maxDelayMs ?? 10_000;
    const started = now();
    let delay = o.initialDelayMs ?? 500;
    let lastStatus: string | undefined;
    for (;;) {
        const current = await o.fetch();
        const status = String(o.status(current) ?? "unknown");
        if (status !== lastStatus) {
            o.onStatus?.(status);
            if (lastStatus !== undefined) delay = o.initialDelayMs ?? 500;
        }
        lastStatus = status;
        if (ready.has(status.toLowerCase())) return current;
        if (failed.has(status.toLowerCase())) throw new WaitFailedError(o.what, status, o.failureDetail?.(current) || undefined, current);
        const elapsed = now() - started;
        if (elapsed >= o.timeoutMs) throw new WaitTimeoutError(o.what, status, elapsed);
        await sleep(Math.min(delay, maxDelay, Math.max(0, o.timeoutMs - elapsed)));
        delay = Math.min(delay * 2, maxDelay);
    }
}

/** Renders `status_errors: [{message}]` (the shape releases and skills use) as one line. */
export function statusErrorsText(errors: unknown): string | undefined {
    if (!Array.isArray(errors) || errors.length === 0) return undefined;
    return errors.map((e) => (typeof e === "string" ? e : (e as { message?: string })?.message ?? JSON.stringify(e))).join("; ");
}

function formatDuration(ms: number): string {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
