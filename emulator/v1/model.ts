/**
 * The v1 authoring model: stored record shapes, the empty state, and the functions other areas
 * (v2 dialog skills) call. Records keep the API's own field names so that views are cheap; audit
 * timestamps live on every record and are stripped unless include_audit=true.
 */
import type { LoggedCall } from "../core/message-log";
import type { EmulatorContext } from "../core/types";
import * as workspaces from "./workspaces";

export interface Audit {
    created: string;
    updated: string;
}

export interface Mention {
    entity: string;
    location: [number, number];
}

export interface ExampleRecord extends Audit {
    text: string;
    mentions?: Mention[];
}

export interface IntentRecord extends Audit {
    intent: string;
    description?: string;
    examples: ExampleRecord[];
}

export interface CounterexampleRecord extends Audit {
    text: string;
}

export interface SynonymRecord extends Audit {
    synonym: string;
}

export interface ValueRecord extends Audit {
    value: string;
    type: "synonyms" | "patterns";
    metadata?: Record<string, unknown>;
    synonyms: SynonymRecord[];
    patterns?: string[];
}

export interface EntityRecord extends Audit {
    entity: string;
    description?: string;
    metadata?: Record<string, unknown>;
    fuzzy_match?: boolean;
    values: ValueRecord[];
}

/** Free-form parts (output, context, metadata, actions) are kept as sent. */
export interface DialogNodeRecord extends Audit {
    dialog_node: string;
    parent?: string;
    previous_sibling?: string;
    [field: string]: unknown;
}

export interface WorkspaceRecord extends Audit {
    workspace_id: string;
    name?: string;
    description?: string;
    language: string;
    metadata?: Record<string, unknown>;
    learning_opt_out: boolean;
    system_settings?: Record<string, unknown>;
    webhooks?: unknown[];
    intents: IntentRecord[];
    entities: EntityRecord[];
    dialog_nodes: DialogNodeRecord[];
    counterexamples: CounterexampleRecord[];
    /** Epoch ms until which the workspace reports `Training` (set by every content change). */
    training_until: number;
}

export interface V1State {
    /** By workspace_id, in creation order (ids are never integer-like, so key order is insertion order). */
    workspaces: Record<string, WorkspaceRecord>;
    /** Message calls, oldest first (optional so that states saved before it load unchanged). */
    logs?: V1LogRecord[];
}

export interface V1LogRecord extends LoggedCall {
    workspace_id: string;
}

export function emptyV1State(): V1State {
    return { workspaces: {}, logs: [] };
}

/** Validates and stores a new workspace (same rules as POST /v1/workspaces); returns its public view. */
export function createWorkspace(ctx: EmulatorContext, body: any): any {
    return workspaces.createWorkspaceFromBody(ctx, body ?? {});
}

/** The GET ?export=true JSON (workspace_id and status included, no audit fields); undefined if absent. */
export function exportWorkspace(ctx: EmulatorContext, workspaceId: string): any | undefined {
    return workspaces.exportWorkspaceJson(ctx, workspaceId);
}

/** Updates a workspace with the given content (append=false semantics); throws ApiProblem on errors. */
export function replaceWorkspace(ctx: EmulatorContext, workspaceId: string, body: any): void {
    workspaces.updateWorkspaceFromBody(ctx, workspaceId, body ?? {}, false);
}

/** Deletes a workspace; a missing one is a no-op. */
export function deleteWorkspace(ctx: EmulatorContext, workspaceId: string): void {
    delete ctx.state.v1.workspaces[workspaceId];
}

/** `Training` or `Available`; `Non Existent` when there is no such workspace. */
export function workspaceStatus(ctx: EmulatorContext, workspaceId: string): string {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    return workspace ? workspaces.statusOf(ctx, workspace) : "Non Existent";
}
