/**
 * v2 runtime: sessions, stateful and stateless message (and their message_stream forms). Each call
 * runs one turn of the environment's content (runtime-content.ts) through the pure runtime and
 * is logged for GET /v2/assistants/{environment_id}/logs.
 */
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import type { SessionRecord, V2Context } from "./model";
import { isoNow } from "../core/clock";
import { customerId } from "../core/customer-id";
import { runAssistantTurn } from "../runtime/assistant";
import type { DialogState } from "../runtime/dialog";
import { MAX_LOG_MESSAGES } from "../runtime/types";
import { encodeState, MAIN_SKILL, type MessageRequest, parseMessageRequest } from "./message-request";
import { environmentContent } from "./runtime-content";
import { appendLog, dropExpiredSessions, liveSession, resolveEnvironmentOf, resolveRuntimeTarget, type RuntimeTarget, sessionsOf } from "./runtime-model";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField } from "./validate";

/** What a conversation carries between turns (a session, or the context a stateless client sends back). */
interface Conversation {
    sessionId: string;
    turnCount: number;
    userId?: string;
    variables: Record<string, unknown>;
    dialogState?: DialogState;
}

/** Runs one turn, logs it, and returns the response body and the conversation after the turn. */
function converse(ctx: V2Context, req: EmulatorRequest, target: RuntimeTarget, message: MessageRequest, before: Conversation, stateless: boolean) {
    const requestTimestamp = isoNow(ctx);
    const runnable = environmentContent(ctx, target);
    const turn = runAssistantTurn(runnable.content, {
        text: message.text,
        alternateIntents: message.alternateIntents,
        referenceMs: message.referenceMs ?? ctx.now(),
        variables: before.variables,
        dialogState: before.dialogState,
        intents: message.intents,
        entities: message.entities,
    });
    const after: Conversation = {
        sessionId: before.sessionId,
        turnCount: before.turnCount + 1,
        userId: message.userId ?? before.userId ?? before.sessionId,
        variables: turn.variables,
        dialogState: turn.dialogState,
    };
    const debug = {
        nodes_visited: turn.nodesVisited.map((node) => ({ dialog_node: node.dialog_node, ...(node.title ? { title: node.title } : {}), ...(node.conditions ? { conditions: node.conditions } : {}) })),
        log_messages: [...runnable.log, ...turn.log].slice(0, MAX_LOG_MESSAGES).map((entry) => ({ level: entry.level, message: entry.msg })),
        branch_exited: false,
    };
    const mainSkill = { user_defined: after.variables, system: after.dialogState ? { state: encodeState(after.dialogState) } : {} };
    const body = {
        output: { generic: turn.generic, intents: turn.intents, entities: turn.entities, ...(message.debug ? { debug } : {}) },
        ...(message.returnContext
            ? {
                  context: {
                      global: { system: { ...message.globalSystem, turn_count: after.turnCount, user_id: after.userId }, session_id: after.sessionId },
                      skills: { [MAIN_SKILL]: mainSkill },
                  },
              }
            : {}),
        user_id: after.userId,
    };
    appendLog(ctx, {
        log_id: ctx.newId(),
        environment_id: target.environment.environment_id,
        assistant_id: target.assistant.assistant_id,
        ...(stateless ? {} : { session_id: after.sessionId }),
        ...(runnable.dialogSkill ? { skill_id: runnable.dialogSkill.skill_id, snapshot: runnable.dialogSkill.snapshot } : {}),
        request: req.body ?? {},
        response: body,
        request_timestamp: requestTimestamp,
        response_timestamp: isoNow(ctx),
        language: target.assistant.language,
        ...(customerId(req) ? { customer_id: customerId(req) } : {}),
    });
    return { body, after };
}

export function createSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const target = resolveRuntimeTarget(ctx, req.params.assistant_id);
    const body = objectBody(req.body);
    const problems = new Violations();
    objectField(problems, body, "analytics");
    problems.throwIfAny();
    dropExpiredSessions(ctx);
    const session: SessionRecord = {
        session_id: ctx.newId(),
        assistant_id: target.assistant.assistant_id,
        environment_id: target.environment.environment_id,
        last_active: ctx.now(),
        turn_count: 0,
        variables: {},
    };
    sessionsOf(ctx)[session.session_id] = session;
    return { status: 201, body: { session_id: session.session_id } };
}

export function deleteSession(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const target = resolveRuntimeTarget(ctx, req.params.assistant_id);
    const session = liveSession(ctx, target, req.params.session_id);
    delete sessionsOf(ctx)[session.session_id];
    return { status: 200, body: {} };
}

function sessionTurn(req: EmulatorRequest, ctx: V2Context, target: RuntimeTarget) {
    const session = liveSession(ctx, target, req.params.session_id);
    const message = parseMessageRequest(req.body, false);
    const { body, after } = converse(ctx, req, target, message, {
        sessionId: session.session_id,
        turnCount: session.turn_count,
        userId: session.user_id,
        variables: { ...session.variables, ...(message.variables ?? {}) },
        dialogState: message.restart ? undefined : session.dialog_state,
    }, false);
    Object.assign(session, {
        last_active: ctx.now(),
        turn_count: after.turnCount,
        user_id: after.userId,
        variables: after.variables,
        dialog_state: after.dialogState,
    });
    return body;
}

function statelessTurn(req: EmulatorRequest, ctx: V2Context, target: RuntimeTarget) {
    const message = parseMessageRequest(req.body, true);
    const global = isPlainObject(req.body?.context?.global) ? req.body.context.global : {};
    return converse(ctx, req, target, message, {
        sessionId: typeof global.session_id === "string" ? global.session_id : ctx.newId(),
        turnCount: message.restart ? 0 : message.turnCount ?? 0,
        userId: message.userId,
        variables: message.variables ?? {},
        dialogState: message.dialogState,
    }, true).body;
}

export function sessionMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: sessionTurn(req, ctx, resolveRuntimeTarget(ctx, req.params.assistant_id)) };
}

export function statelessMessage(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: statelessTurn(req, ctx, resolveRuntimeTarget(ctx, req.params.assistant_id)) };
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
    return eventStream(sessionTurn(req, ctx, resolveEnvironmentOf(ctx, req.params.assistant_id, req.params.environment_id)));
}

export function statelessMessageStream(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return eventStream(statelessTurn(req, ctx, resolveEnvironmentOf(ctx, req.params.assistant_id, req.params.environment_id)));
}
