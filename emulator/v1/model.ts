/**
 * The v1 authoring model: stored record shapes, the empty state and the v1 slice of the context.
 * Records keep the API's own field names so that views are cheap; audit
 * timestamps live on every record and are stripped unless include_audit=true.
 */
import type { EmulatorContext } from "../core/context";
import type { LoggedCall } from "../core/message-log";

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
    /** Counts content changes, so that a prepared async export knows when it is stale. */
    revision?: number;
    /** An accepted /v1/workspaces_async create or update, applied once due (status `Processing` until then). */
    pending?: PendingWrite;
    /** Why the last async write failed when it was applied (status `Failed` until the next change). */
    status_errors?: { message: string }[];
    /** The async export being prepared: ready at `ready_at` for the content of `revision`. */
    export_job?: { ready_at: number; revision: number };
}

/** The body of an async create or update, checked when accepted, applied when due. */
export interface PendingWrite {
    body: Record<string, unknown>;
    append: boolean;
    optOutHeader?: boolean;
    versionDate?: string;
    /** Epoch ms from which it is applied. */
    due: number;
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

/** The part of the whole state that v1 reads and writes. */
export interface V1Slice {
    v1: V1State;
}

export type V1Context = EmulatorContext<V1Slice>;

export function emptyV1State(): V1State {
    return { workspaces: {}, logs: [] };
}
