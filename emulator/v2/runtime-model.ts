/**
 * Runtime state of v2: sessions (expiring after their environment's session_timeout of inactivity,
 * judged on the emulator clock) and the log of message calls. Kept in V2State so that it persists.
 */
import { type AssistantRecord, type EnvironmentRecord, findAssistant, type LogRecord, type SessionRecord, type V2Context } from "./model";
import { notFound } from "../core/errors";
import { appendBounded } from "../core/message-log";

export function sessionsOf(ctx: V2Context): Record<string, SessionRecord> {
    return (ctx.state.v2.sessions ??= {});
}

export function logsOf(ctx: V2Context): LogRecord[] {
    return (ctx.state.v2.logs ??= []);
}

export function appendLog(ctx: V2Context, record: LogRecord): void {
    appendBounded(logsOf(ctx), record);
}

export interface RuntimeTarget {
    assistant: AssistantRecord;
    environment: EnvironmentRecord;
}

/**
 * The `{assistant_id}` of runtime routes names an environment (as the docs say for message,
 * session and log requests); an assistant ID is also accepted and means its draft environment.
 */
export function resolveRuntimeTarget(ctx: V2Context, id: string): RuntimeTarget {
    for (const assistant of ctx.state.v2.assistants) {
        const environment = assistant.environments.find((candidate) => candidate.environment_id === id);
        if (environment) return { assistant, environment };
    }
    const assistant = ctx.state.v2.assistants.find((candidate) => candidate.assistant_id === id);
    if (assistant) return { assistant, environment: assistant.environments.find((e) => e.environment === "draft")! };
    throw notFound(`Environment ${id} not found`);
}

/** The `/v2/assistants/{assistant_id}/environments/{environment_id}/...` form (message_stream). */
export function resolveEnvironmentOf(ctx: V2Context, assistantId: string, environmentId: string): RuntimeTarget {
    const assistant = findAssistant(ctx, assistantId);
    const environment = assistant.environments.find((candidate) => candidate.environment_id === environmentId);
    if (!environment) throw notFound(`Environment ${environmentId} not found in assistant ${assistantId}`);
    return { assistant, environment };
}

function expired(ctx: V2Context, session: SessionRecord): boolean {
    const environment = ctx.state.v2.assistants
        .find((a) => a.assistant_id === session.assistant_id)
        ?.environments.find((e) => e.environment_id === session.environment_id);
    if (!environment) return true;
    return ctx.now() - session.last_active >= environment.session_timeout * 1000;
}

/** A live session of this environment; unknown, deleted and expired ones are 404 "Invalid Session". */
export function liveSession(ctx: V2Context, target: RuntimeTarget, sessionId: string): SessionRecord {
    const sessions = sessionsOf(ctx);
    const session = sessions[sessionId];
    if (session && expired(ctx, session)) delete sessions[sessionId];
    if (!session || !sessions[sessionId] || session.environment_id !== target.environment.environment_id) {
        throw notFound("Invalid Session");
    }
    return session;
}

/** Forgets every expired session (called on create, so state does not grow without bound). */
export function dropExpiredSessions(ctx: V2Context): void {
    const sessions = sessionsOf(ctx);
    for (const [id, session] of Object.entries(sessions)) if (expired(ctx, session)) delete sessions[id];
}
