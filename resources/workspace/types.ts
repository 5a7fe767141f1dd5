/** Resolved (plain) inputs and outputs of the Workspace resource, as the spec sees them. */
import type { CollectionName } from "../v1-elements/kinds";
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, IntentElement,
} from "../v1-elements/types";
import { optionProperties, scalarProperties } from "./schema";

/** A workspace webhook: the URL dialog nodes call with `actions` of type `webhook`. */
export interface Webhook {
    /** The URL called. */
    url: string;
    /** The webhook's name (at most 64 characters). */
    name: string;
    /** Free-form (API shape, e.g. `[{ name, value }]`), sent untouched. */
    headers?: unknown[];
}

/**
 * Inputs of a v1 workspace (dialog skill), as declared. Collections (`intents`, `entities`,
 * `dialogNodes`, `counterexamples`) are optional: a declared collection is OWNED (the declared
 * set is the desired set: elements not listed are deleted); an undeclared one is never sent, read
 * or touched, so that separate Intent / Entity / DialogNode resources can manage it. Don't manage
 * the same collection both ways.
 */
export interface WorkspaceInputs {
    /** Name (single line, at most 64 characters). Updates in place. */
    name: string;
    /** Description (single line, at most 128). Updates in place. */
    description?: string;
    /** Language code, default `en`. Changing it REPLACES the workspace (the API cannot change it). */
    language?: string;
    /** Free-form metadata (sent untouched). Updates in place. */
    metadata?: Record<string, unknown>;
    /** Opt the training data out of IBM's service improvements. Updates in place. */
    learningOptOut?: boolean;
    /** Global settings (camelCase, e.g. `{ disambiguation: { enabled: true, sensitivity: "high" } }`). Updates in place. */
    systemSettings?: Record<string, unknown>;
    /** Webhooks (`url`, `name`, free-form `headers`). Updates in place. */
    webhooks?: Webhook[];
    /** Owned intents, each with all its examples. A changed intent is one update call; a renamed one is updated in place. */
    intents?: IntentElement[];
    /** Owned entities, each with all its values. `sys-*` entries (no values) enable system entities. */
    entities?: EntityElement[];
    /** Owned dialog nodes; created and moved in an order that respects parent and previousSibling. */
    dialogNodes?: DialogNodeElement[];
    /** Owned counterexamples (inputs marked as irrelevant). */
    counterexamples?: CounterexampleElement[];
    /** Wait until training finishes (status Available) after create and content updates; default true. Never a change by itself. */
    waitForTraining?: boolean;
    /** How long to wait for training, in seconds (default 1800). Never a change by itself. */
    trainingTimeoutSeconds?: number;
    /**
     * Take over this existing workspace on create (read it, then update it to the declared state)
     * instead of creating a new one. Pulumi import does not work for dynamic providers; this is the
     * way in. Deleting the resource later deletes the workspace. Never a change by itself.
     */
    adoptWorkspaceId?: string;
    /**
     * Adopt the workspace even when another stack owns it (its `metadata.pulumi_owner` names
     * another stack or resource): the mark becomes this resource's, and the other stack can no
     * longer update or delete it. Without it such an adoption fails naming the owner. Never a change by itself.
     */
    takeOver?: boolean;
    /**
     * Let an update overwrite elements that were changed in the service (e.g. in the tooling) since
     * this stack's last deploy. Without it such an update fails naming them, and the plan says so
     * beforehand. Never a change by itself.
     */
    overwriteLiveChanges?: boolean;
}

/**
 * What a Workspace stores and outputs: its inputs, the workspace id and the training status. Owned
 * collections are returned as content and stored as digests (provider/bridge/digests.ts): stored
 * outputs hold `intentsDigests` and so on, never `intents`.
 */
export interface WorkspaceOutputs extends WorkspaceInputs, Partial<Record<DigestKey, string>> {
    /** The workspace id (use it for Intent, Entity, DialogNode and v2 dialog skills). */
    workspaceId: string;
    /** Training status when last created, updated or refreshed: Available, Training, Failed, ... */
    status?: string;
    /**
     * When the service last changed the workspace, as read after this stack's last change
     * (freshness.ts): a refresh that finds it unchanged reads no content, and an update that finds
     * it moved looks for elements changed in the service (live-changes.ts).
     */
    updated?: string;
}

type DigestKey = `${CollectionName}Digests`;

/** Fields set on the workspace itself (not collections, not provider options), as the schema groups them. */
export type ScalarName = keyof typeof scalarProperties;
export const SCALARS = Object.keys(scalarProperties) as readonly ScalarName[];

export const COLLECTIONS: readonly CollectionName[] = ["intents", "entities", "dialogNodes", "counterexamples"];

/** Provider options: they steer operations and are not content (never a change by themselves). */
export const OPTIONS = Object.keys(optionProperties) as readonly (keyof typeof optionProperties)[];
