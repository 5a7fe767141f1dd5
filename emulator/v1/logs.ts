/** The v1 message log: appended by message calls, bounded, and cleared per customer. */
import { appendBounded, deleteCustomerEntries } from "../core/message-log";
import type { V1Context, V1LogRecord } from "./model";

export function logsOf(ctx: V1Context): V1LogRecord[] {
    return (ctx.state.v1.logs ??= []);
}

export function appendV1Log(ctx: V1Context, record: V1LogRecord): void {
    appendBounded(logsOf(ctx), record);
}

/** DELETE /v1/user_data: every entry labelled with the customer ID goes. */
export function deleteV1UserData(ctx: V1Context, customerId: string): void {
    deleteCustomerEntries(logsOf(ctx), customerId);
}
