/** v2 runtime handlers: sessions, message, and the message_stream forms (server-sent events). */
import { customerId } from "../../core/customer-id";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { createSession, deleteSession, type MessageCall, sessionTurn, statelessTurn } from "../messages";
import type { V2Context } from "../model";
import { resolveEnvironmentOf, resolveRuntimeTarget } from "../runtime-model";

const callOf = (req: EmulatorRequest): MessageCall => ({ body: req.body, customerId: customerId(req) });

export function postSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const session = createSession(ctx, resolveRuntimeTarget(ctx, req.params.assistant_id), req.body);
    return { status: 201, body: { session_id: session.session_id } };
}

export function removeSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    deleteSession(ctx, resolveRuntimeTarget(ctx, req.params.assistant_id), req.params.session_id);
    return { status: 200, body: {} };
}

export function sessionMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const target = resolveRuntimeTarget(ctx, req.params.assistant_id);
    return { status: 200, body: sessionTurn(ctx, target, req.params.session_id, callOf(req)) };
}

export function statelessMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: statelessTurn(ctx, resolveRuntimeTarget(ctx, req.params.assistant_id), callOf(req)) };
}

/**
 * message_stream answers with server-sent events: for each response item a `partial_item` (the
 * whole text in one chunk) and a `complete_item`, then a `final_response` with the whole response.
 */
function eventStream(body: { output: { generic: object[] } }): EmulatorResponse {
    const events: object[] = [];
    body.output.generic.forEach((item, index) => {
        const streaming_metadata = { response_index: index };
        events.push({ partial_item: { ...item, streaming_metadata } }, { complete_item: { ...item, streaming_metadata } });
    });
    events.push({ final_response: body });
    const text = events.map((event) => `event: message\ndata: ${JSON.stringify(event)}\n\n`).join("");
    return { status: 200, body: Buffer.from(text, "utf8"), headers: { "Content-Type": "text/event-stream; charset=utf-8" } };
}

export function sessionMessageStream(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const target = resolveEnvironmentOf(ctx, req.params.assistant_id, req.params.environment_id);
    return eventStream(sessionTurn(ctx, target, req.params.session_id, callOf(req)));
}

export function statelessMessageStream(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return eventStream(statelessTurn(ctx, resolveEnvironmentOf(ctx, req.params.assistant_id, req.params.environment_id), callOf(req)));
}
