/**
 * v2 runtime rules: sessions, stateful and stateless message turns (handlers/messages.ts also
 * streams them). Each turn runs one turn of the environment's content (runtime-content.ts) through the pure runtime and
 * is logged for GET /v2/assistants/{environment_id}/logs.
 */
import type { SessionRecord, V2Context } from "./model";
import { isoNow } from "../core/clock";
import { runAssistantTurn } from "../runtime/assistant";
import type { DialogState } from "../runtime/dialog";
import { MAX_LOG_MESSAGES } from "../runtime/types";
import { encodeState, MAIN_SKILL, type MessageRequest, parseMessageRequest } from "./message-request";
import { environmentContent } from "./runtime-content";
import { appendLog, dropExpiredSessions, liveSession, type RuntimeTarget, sessionsOf } from "./runtime-model";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField } from "./validate";

/** What a conversation carries between turns (a session, or the context a stateless client sends back). */
interface Conversation {
    sessionId: string;
    /** context.global.system.session_start_time: when the session (or stateless conversation) began. */
    startTime: string;
    turnCount: number;
    userId?: string;
    variables: Record<string, unknown>;
    dialogState?: DialogState;
}

/** One message call as the rules see it: the body as sent and the customer ID that labels the log. */
export interface MessageCall {
    body: any;
    customerId?: string;
}

/** Runs one turn, logs it, and returns the response body and the conversation after the turn. */
function converse(ctx: V2Context, call: MessageCall, target: RuntimeTarget, message: MessageRequest, before: Conversation, stateless: boolean) {
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
        startTime: before.startTime,
        turnCount: before.turnCount + 1,
        userId: message.userId ?? before.userId ?? before.sessionId,
        variables: turn.variables,
        dialogState: turn.dialogState,
    };
    const debug = {
        nodes_visited: turn.nodesVisited.map((node) => ({ dialog_node: node.dialog_node, ...(node.title ? { title: node.title } : {}), ...(node.conditions ? { conditions: node.conditions } : {}) })),
        log_messages: [...runnable.log, ...turn.log].slice(0, MAX_LOG_MESSAGES).map((entry) => ({ level: entry.level, message: entry.msg, code: entry.code })),
        branch_exited: false,
    };
    const mainSkill = { user_defined: after.variables, system: after.dialogState ? { state: encodeState(after.dialogState) } : {} };
    const context = {
        global: {
            system: { ...message.globalSystem, turn_count: after.turnCount, user_id: after.userId, session_start_time: after.startTime },
            session_id: after.sessionId,
        },
        skills: { [MAIN_SKILL]: mainSkill },
    };
    const output = { generic: turn.generic, intents: turn.intents, entities: turn.entities, ...(message.debug ? { debug } : {}) };
    const body = { output, ...(message.returnContext ? { context } : {}), user_id: after.userId };
    appendLog(ctx, {
        log_id: ctx.newId(),
        environment_id: target.environment.environment_id,
        assistant_id: target.assistant.assistant_id,
        ...(stateless ? {} : { session_id: after.sessionId }),
        ...(runnable.dialogSkill ? { skill_id: runnable.dialogSkill.skill_id, snapshot: runnable.dialogSkill.snapshot } : {}),
        request: call.body ?? {},
        // Logs always hold the full context, also for a turn sent without return_context (as documented).
        response: { output, context, user_id: after.userId },
        request_timestamp: requestTimestamp,
        response_timestamp: isoNow(ctx),
        language: target.assistant.language,
        ...(call.customerId ? { customer_id: call.customerId } : {}),
    });
    return { body, after };
}

export function createSession(ctx: V2Context, target: RuntimeTarget, rawBody: unknown): SessionRecord {
    const body = objectBody(rawBody);
    const problems = new Violations();
    objectField(problems, body, "analytics");
    problems.throwIfAny();
    dropExpiredSessions(ctx);
    const session: SessionRecord = {
        session_id: ctx.newId(),
        assistant_id: target.assistant.assistant_id,
        environment_id: target.environment.environment_id,
        last_active: ctx.now(),
        start_time: isoNow(ctx),
        turn_count: 0,
        variables: {},
    };
    sessionsOf(ctx)[session.session_id] = session;
    return session;
}

export function deleteSession(ctx: V2Context, target: RuntimeTarget, sessionId: string): void {
    const session = liveSession(ctx, target, sessionId);
    delete sessionsOf(ctx)[session.session_id];
}

/** A turn of a live session; the session keeps the conversation. */
export function sessionTurn(ctx: V2Context, target: RuntimeTarget, sessionId: string, call: MessageCall) {
    const session = liveSession(ctx, target, sessionId);
    const message = parseMessageRequest(call.body, false);
    // Sessions saved before start times were kept get the time of their next turn.
    session.start_time ??= isoNow(ctx);
    const { body, after } = converse(ctx, call, target, message, {
        sessionId: session.session_id,
        startTime: session.start_time,
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

/** A stateless turn: the client sends the conversation back in the context. */
export function statelessTurn(ctx: V2Context, target: RuntimeTarget, call: MessageCall) {
    const message = parseMessageRequest(call.body, true);
    const global = isPlainObject(call.body?.context?.global) ? call.body.context.global : {};
    const sentStart = message.globalSystem.session_start_time;
    return converse(ctx, call, target, message, {
        sessionId: typeof global.session_id === "string" ? global.session_id : ctx.newId(),
        startTime: typeof sentStart === "string" && !message.restart ? sentStart : isoNow(ctx),
        turnCount: message.restart ? 0 : message.turnCount ?? 0,
        userId: message.userId,
        variables: message.variables ?? {},
        dialogState: message.dialogState,
    }, true).body;
}
