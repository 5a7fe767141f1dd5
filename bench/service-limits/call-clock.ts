/**
 * Times a step from its first API call to its last answer (the answer's body read), by wrapping the
 * fetch of the clients the step uses: the service's side of the step, waits between calls
 * included, the client's own work before the first call and after the last answer left out.
 */
import nodeFetch from "node-fetch";
import type { FetchLike, FetchResponseLike } from "../../provider/http/transport";

export class CallClock {
    private first: number | undefined;
    private last: number | undefined;

    readonly fetch: FetchLike = async (url, init) => {
        this.first ??= performance.now();
        const res = await (nodeFetch as unknown as FetchLike)(url, init);
        const text = await res.text();
        this.last = performance.now();
        const answered: FetchResponseLike = { status: res.status, statusText: res.statusText, headers: res.headers, text: async () => text };
        return answered;
    };

    /** Starts a new step. */
    reset(): void {
        this.first = undefined;
        this.last = undefined;
    }

    /** Wall ms from the step's first call to its last answer (0 without calls). */
    get elapsedMs(): number {
        return this.first === undefined || this.last === undefined ? 0 : this.last - this.first;
    }
}
