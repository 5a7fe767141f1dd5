/**
 * The v2 runtime message API (https://cloud.ibm.com/apidocs/assistant-v2#message-stateless,
 * #createsession, #message, #deletesession): what a conversation test drives. `debug: true` is
 * always sent, so every answer carries the service's `log_messages` (why a turn answered as it did).
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";

export interface LogMessage {
    /** `info`, `error` or `warn`. */
    level: string;
    /** The message text. */
    message: string;
}

export interface MessageResponse {
    output: {
        generic?: { response_type: string; text?: string }[];
        intents?: { intent: string; confidence?: number }[];
        entities?: { entity: string; value?: string }[];
        debug?: { log_messages?: LogMessage[] };
    };
    context?: { skills?: Record<string, { user_defined?: Record<string, unknown> }> };
}

function messageBody(text: string, returnContext: boolean) {
    return { input: { message_type: "text", text, options: { debug: true, ...(returnContext ? { return_context: true } : {}) } } };
}

/** One stateless turn: nothing is kept between calls, so a repeat after an unknown outcome is harmless. */
export function sendStateless(ctx: OperationContext, environmentId: string, text: string): Promise<MessageResponse> {
    return ctx.client.request<MessageResponse>({
        method: "POST", api: "v2", path: apiPath`/v2/assistants/${environmentId}/message`, body: messageBody(text, true), idempotent: true, expect: ["output"],
    });
}

/** A conversation held in a session (multi-turn flows); the caller must `end()` it. */
export async function openSession(ctx: OperationContext, environmentId: string): Promise<{ send(text: string): Promise<MessageResponse>; end(): Promise<void> }> {
    // An extra session left by a repeated create expires on its own: safe to repeat.
    const { session_id: sessionId } = await ctx.client.request<{ session_id: string }>({
        method: "POST", api: "v2", path: apiPath`/v2/assistants/${environmentId}/sessions`, body: {}, idempotent: true, expect: ["session_id"],
    });
    const sessionPath = apiPath`/v2/assistants/${environmentId}/sessions/${sessionId}`;
    return {
        // Not repeated blindly: a turn that did reach the dialog would advance it twice.
        send: (text) => ctx.client.request<MessageResponse>({
            method: "POST", api: "v2", path: `${sessionPath}/message`, body: messageBody(text, true), idempotent: false, expect: ["output"],
        }),
        end: async () => {
            await ctx.client.request({ method: "DELETE", api: "v2", path: sessionPath }).catch(() => undefined);
        },
    };
}
