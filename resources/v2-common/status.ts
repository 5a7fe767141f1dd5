/** Waiting for the v2 API's asynchronous statuses (release publishing, skill updates). */
import { statusErrorsText, waitFor } from "../../provider/poll";
import type { StatusError } from "./api-types";

export interface AsyncStatus {
    status?: string;
    status_description?: string;
    status_errors?: StatusError[];
}

export const DEFAULT_WAIT_TIMEOUT_SECONDS = 900;

/** Statuses after which waiting is pointless (skills also report `Non Existent` and `Unavailable`). */
const FAILED = ["Failed", "Non Existent", "Unavailable"];

/** Short first polls (tests, quick skill updates) growing to the poller's cap for slow publishing. */
const FIRST_POLL_DELAY_MS = 100;

/** The service's words about a failure: `NLUError: Classification Error; ...`. */
export function statusFailureDetail(value: AsyncStatus): string {
    const parts = [value.status_description, statusErrorsText(value.status_errors)].filter((p): p is string => !!p);
    return parts.length > 0 ? parts.join(": ") : "no status errors given";
}

/** Polls `fetch` until the status is `Available`; throws with the status errors on failure or timeout. */
export async function waitUntilAvailable<T extends AsyncStatus>(options: {
    what: string;
    fetch: () => Promise<T>;
    timeoutSeconds?: number;
    /** Progress output on each status change. */
    log?: (message: string) => void;
}): Promise<T> {
    return waitFor<T>({
        what: options.what,
        fetch: options.fetch,
        status: (value: T) => value.status ?? "unknown",
        ready: ["Available"],
        failed: FAILED,
        failureDetail: (value: T) => statusFailureDetail(value),
        timeoutMs: (options.timeoutSeconds ?? DEFAULT_WAIT_TIMEOUT_SECONDS) * 1000,
        initialDelayMs: FIRST_POLL_DELAY_MS,
        onStatus: options.log ? (status) => options.log!(`${options.what}: ${status}`) : undefined,
    });
}
