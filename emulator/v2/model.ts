/**
 * v2 state: conversational skill providers and assistants with their environments, skills and
 * releases. Plain JSON (persisted). Statuses of asynchronous work are derived from timestamps on
 * read (see async.ts), so nothing needs a timer and a restart does not lose progress.
 */
import type { EmulatorContext } from "../core/context";
import { notFound } from "../core/errors";
import type { LoggedCall } from "../core/message-log";
import type { DialogState } from "../runtime/dialog";
import type { V1Slice } from "../v1/model";

export interface StatusError {
    message: string;
}

/** Asynchronous work: in progress until `readyAt`, then done or failed. */
export interface AsyncWork {
    readyAt: number;
    failure?: { description: string; errors: StatusError[] };
}

export interface ProviderRecord {
    provider_id: string;
    specification: Record<string, unknown>;
    /** Write-only credentials: stored, never returned. */
    private?: Record<string, unknown>;
    created: string;
    updated: string;
}

export type EnvironmentType = "draft" | "live" | "staging";

export interface SkillReference {
    skill_id: string;
    type: "action" | "dialog" | "search";
    disabled?: boolean;
    snapshot?: string;
    skill_reference?: string;
}

export interface EnvironmentRecord {
    environment_id: string;
    name: string;
    description?: string;
    environment: EnvironmentType;
    session_timeout: number;
    orchestration: { search_skill_fallback: boolean };
    skill_references: SkillReference[];
    release_reference?: { release: string };
    integration_references: { integration_id: string; type: string }[];
    created: string;
    updated: string;
}

export interface SkillRecord {
    skill_id: string;
    type: "action" | "dialog";
    name?: string;
    description?: string;
    language: string;
    /** Action skill content. A dialog skill's content is its v1 workspace (same id). */
    workspace?: Record<string, unknown>;
    dialog_settings: Record<string, unknown>;
    /** The last update (or import) of this skill. */
    work?: AsyncWork;
    next_snapshot_version: number;
    created: string;
    updated: string;
}

export interface ReleaseSkillSnapshot {
    skill_id: string;
    type: "action" | "dialog";
    snapshot: string;
    /** The skill's content when the release was created (action workspace or exported v1 workspace). */
    content: unknown;
}

export interface ReleaseRecord {
    release: string;
    description?: string;
    work: AsyncWork;
    skills: ReleaseSkillSnapshot[];
    /** The last release export (release-transfer.ts). */
    export?: TransferTask;
    created: string;
    updated: string;
}

export interface AssistantRecord {
    assistant_id: string;
    name?: string;
    description?: string;
    language: string;
    environments: EnvironmentRecord[];
    skills: SkillRecord[];
    releases: ReleaseRecord[];
    next_release: number;
    skills_import?: AsyncWork;
    /** The last release import (release-transfer.ts). */
    release_import?: TransferTask;
    created: string;
    updated: string;
}

/** An export of a release or an import into an assistant (release-transfer.ts). */
export interface TransferTask {
    task_id: string;
    work: AsyncWork;
    created: string;
    updated: string;
    skill_impact_in_draft?: TransferSkillType[];
}

/** The skills a release archive can carry. */
export type TransferSkillType = "action" | "dialog";

/** Runtime state: sessions expire after their environment's session_timeout of inactivity (emulator clock). */
export interface SessionRecord {
    session_id: string;
    assistant_id: string;
    environment_id: string;
    /** Epoch ms of the last call that used the session. */
    last_active: number;
    /** ISO time the session was created (context.global.system.session_start_time). */
    start_time?: string;
    turn_count: number;
    user_id?: string;
    variables: Record<string, unknown>;
    dialog_state?: DialogState;
}

export interface LogRecord extends LoggedCall {
    /** The environment the message went to (what `{assistant_id}` of the logs route names). */
    environment_id: string;
    assistant_id: string;
    session_id?: string;
    skill_id?: string;
    snapshot?: string;
}

export type FailureKind = "release" | "skill" | "import";

export interface V2State {
    providers: ProviderRecord[];
    assistants: AssistantRecord[];
    /** Armed by POST /emulator/next-failure: the next operation of that kind fails. */
    next_failures: Partial<Record<FailureKind, { description: string; errors: StatusError[] }>>;
    /** Runtime state (runtime-model.ts); optional so that states saved before it load unchanged. */
    sessions?: Record<string, SessionRecord>;
    logs?: LogRecord[];
}

/** The part of the whole state that v2 reads and writes: its own, and v1's (a dialog skill is a v1 workspace). */
export interface V2Slice extends V1Slice {
    v2: V2State;
}

export type V2Context = EmulatorContext<V2Slice>;

export function emptyV2State(): V2State {
    return { providers: [], assistants: [], next_failures: {}, sessions: {}, logs: [] };
}

export function findAssistant(ctx: V2Context, assistantId: string): AssistantRecord {
    const assistant = ctx.state.v2.assistants.find((candidate) => candidate.assistant_id === assistantId);
    if (!assistant) throw notFound(`Assistant ${assistantId} not found`);
    return assistant;
}

export function draftEnvironment(assistant: AssistantRecord): EnvironmentRecord {
    return assistant.environments.find((environment) => environment.environment === "draft")!;
}

/** Starts asynchronous work that lasts asyncDelayMs and consumes an armed failure of `kind`. */
export function startWork(ctx: V2Context, kind: FailureKind): AsyncWork {
    const failure = ctx.state.v2.next_failures[kind];
    delete ctx.state.v2.next_failures[kind];
    return { readyAt: ctx.now() + ctx.options.asyncDelayMs, ...(failure ? { failure } : {}) };
}

export type WorkStatus = "Processing" | "Done" | "Failed";

export function workStatus(ctx: V2Context, work: AsyncWork | undefined): WorkStatus {
    if (!work) return "Done";
    if (ctx.now() < work.readyAt) return "Processing";
    return work.failure ? "Failed" : "Done";
}

/** `status_description` and `status_errors` of failed work, to spread into a response. */
export function failureFields(ctx: V2Context, work: AsyncWork | undefined): Record<string, unknown> {
    if (!work?.failure || workStatus(ctx, work) !== "Failed") return {};
    return { status_description: work.failure.description, status_errors: work.failure.errors };
}
