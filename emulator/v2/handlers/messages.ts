/** v2 runtime handlers: sessions, message, and the message_stream forms (server-sent events). */
import { customerId } from "../../core/customer-id";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { createSession, deleteSession, type MessageCall, sessionTurn, statelessTurn } from "../messages";
import type { V2Context } from "../model";
import { resolveEnvironmentOf, resolveRuntimeTarget, type RuntimeTarget } from "../runtime-model";

const callOf = (req: EmulatorRequest): MessageCall => ({ body: req.body, customerId: customerId(req) });

/**
 * Every runtime route has two forms: the classic `/v2/assistants/{id}/...` (the id names an
 * environment, or an assistant for its draft) and ibm-watson 12.x's
 * `/v2/assistants/{assistant_id}/environments/{environment_id}/...`. One handler serves both.
 */
function targetOf(req: EmulatorRequest, ctx: V2Context): RuntimeTarget {
    const { assistant_id, environment_id } = req.params;
    return environment_id === undefined ? resolveRuntimeTarget(ctx, assistant_id) : resolveEnvironmentOf(ctx, assistant_id, environment_id);
}

export function postSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const session = createSession(ctx, targetOf(req, ctx), req.body);
    return { status: 201, body: { session_id: session.session_id } };
}

export function removeSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    deleteSession(ctx, targetOf(req, ctx), req.params.session_id);
    return { status: 200, body: {} };
}

export function sessionMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: sessionTurn(ctx, targetOf(req, ctx), req.params.session_id, callOf(req)) };
}

export function statelessMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: statelessTurn(ctx, targetOf(req, ctx), callOf(req)) };
}

/**
 * message_stream answers with server-sent events (`event: message`, `data: <json>`), as ibm-watson
 * 12.x models them: for each response item a `partial_item` (the whole text in one chunk; text items
 * only) and a `complete_item` (the item), both with `streaming_metadata.id` (the item's 1-based
 * position), then a `final_response` with the whole response, whose `output.streaming_metadata`
 * nests `{ streaming_metadata: { id } }` as the SDK's FinalResponseOutput declares.
 */
function eventStream(body: { output: { generic: Record<string, unknown>[] } }): EmulatorResponse {
    const events: object[] = [];
    body.output.generic.forEach((item, index) => {
        const streaming_metadata = { id: index + 1 };
        if (typeof item.text === "string") events.push({ partial_item: { response_type: item.response_type, text: item.text, streaming_metadata } });
        events.push({ complete_item: { ...item, streaming_metadata } });
    });
    const last = { id: body.output.generic.length };
    events.push({ final_response: { ...body, output: { ...body.output, streaming_metadata: { streaming_metadata: last } } } });
    const text = events.map((event) => `event: message\ndata: ${JSON.stringify(event)}\n\n`).join("");
    return { status: 200, body: Buffer.from(text, "utf8"), headers: { "Content-Type": "text/event-stream; charset=utf-8" } };
}

export function sessionMessageStream(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return eventStream(sessionTurn(ctx, targetOf(req, ctx), req.params.session_id, callOf(req)));
}

export function statelessMessageStream(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return eventStream(statelessTurn(ctx, targetOf(req, ctx), callOf(req)));
}
