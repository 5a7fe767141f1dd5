/** Resolved (plain) inputs and outputs of the Workspace resource, as the spec sees them. */
import type { CollectionName } from "../v1-elements/kinds";
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, IntentElement,
} from "../v1-elements/types";

export interface Webhook {
    url: string;
    name: string;
    /** Free-form (API shape, e.g. `[{ name, value }]`), sent untouched. */
    headers?: unknown[];
}

export interface WorkspaceInputs {
    name: string;
    description?: string;
    language?: string;
    metadata?: Record<string, unknown>;
    learningOptOut?: boolean;
    systemSettings?: Record<string, unknown>;
    webhooks?: Webhook[];
    intents?: IntentElement[];
    entities?: EntityElement[];
    dialogNodes?: DialogNodeElement[];
    counterexamples?: CounterexampleElement[];
    waitForTraining?: boolean;
    trainingTimeoutSeconds?: number;
    adoptWorkspaceId?: string;
}

/**
 * What the spec returns and receives as stored outputs. Owned collections are returned as content
 * and stored as digests (provider/bridge/digests.ts): stored outputs hold `intentsDigests` and so
 * on, never `intents`.
 */
export interface WorkspaceOutputs extends WorkspaceInputs, Partial<Record<DigestKey, string>> {
    workspaceId: string;
    /** Training status when last read: Available, Training, Failed, ... */
    status?: string;
}

type DigestKey = `${CollectionName}Digests`;

/** Fields set on the workspace itself (not collections, not provider options). */
export const SCALARS = ["name", "description", "language", "metadata", "learningOptOut", "systemSettings", "webhooks"] as const;
export type ScalarName = typeof SCALARS[number];

export const COLLECTIONS: readonly CollectionName[] = ["intents", "entities", "dialogNodes", "counterexamples"];

/** Provider options: they steer operations and are not content (never a change by themselves). */
export const OPTIONS = ["waitForTraining", "trainingTimeoutSeconds", "adoptWorkspaceId"] as const;
