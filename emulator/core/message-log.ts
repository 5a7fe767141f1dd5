/** What v1 and v2 log about every message call, and the bound that keeps the log's state small. */

export interface LoggedCall {
    log_id: string;
    request: unknown;
    response: unknown;
    request_timestamp: string;
    response_timestamp: string;
    language: string;
    /** From the X-Watson-Metadata header; DELETE .../user_data removes these. */
    customer_id?: string;
}

/** Oldest entries are dropped beyond this many. */
export const MAX_LOG_ENTRIES = 10_000;

export function appendBounded<T>(log: T[], entry: T): void {
    log.push(entry);
    if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
}

/** Removes the entries labelled with `customerId` in place. */
export function deleteCustomerEntries(log: LoggedCall[], customerId: string): void {
    const kept = log.filter((entry) => entry.customer_id !== customerId);
    log.splice(0, log.length, ...kept);
}
