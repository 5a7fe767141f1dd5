/** The v2 message log rules: DELETE /v2/user_data. */
import { deleteCustomerEntries } from "../core/message-log";
import type { V2Context } from "./model";
import { logsOf } from "./runtime-model";

/** Deletes every log entry labelled with the customer ID (X-Watson-Metadata: customer_id=...). */
export function deleteV2UserData(ctx: V2Context, customerId: string): void {
    deleteCustomerEntries(logsOf(ctx), customerId);
}
