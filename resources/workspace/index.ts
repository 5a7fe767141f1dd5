import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, IntentElement,
} from "../v1-elements/types";
import { COLLECTIONS, type Webhook } from "./types";

export type { CounterexampleElement, DialogNodeElement, EntityElement, IntentElement, Webhook };

/**
 * Inputs of a v1 workspace (dialog skill). Collections (`intents`, `entities`, `dialogNodes`,
 * `counterexamples`) are optional: a declared collection is OWNED (the declared set is the desired
 * set: elements not listed are deleted); an undeclared one is never sent, read or touched, so that
 * separate Intent / Entity / DialogNode resources can manage it. Don't manage the same collection
 * both ways.
 */
export interface WorkspaceArgs {
    /** Name (single line, at most 64 characters). Updates in place. */
    name: pulumi.Input<string>;
    /** Description (single line, at most 128). Updates in place. */
    description?: pulumi.Input<string>;
    /** Language code, default `en`. Changing it REPLACES the workspace (the API cannot change it). */
    language?: pulumi.Input<string>;
    /** Free-form metadata (sent untouched). Updates in place. */
    metadata?: pulumi.Input<Record<string, unknown>>;
    /** Opt the training data out of IBM's service improvements. Updates in place. */
    learningOptOut?: pulumi.Input<boolean>;
    /** Global settings (camelCase, e.g. `{ disambiguation: { enabled: true, sensitivity: "high" } }`). Updates in place. */
    systemSettings?: pulumi.Input<Record<string, unknown>>;
    /** Webhooks (`url`, `name`, free-form `headers`). Updates in place. */
    webhooks?: pulumi.Input<pulumi.Input<Webhook>[]>;
    /** Owned intents, each with all its examples. A changed intent is one update call; a renamed one is updated in place. */
    intents?: pulumi.Input<pulumi.Input<IntentElement>[]>;
    /** Owned entities, each with all its values. `sys-*` entries (no values) enable system entities. */
    entities?: pulumi.Input<pulumi.Input<EntityElement>[]>;
    /** Owned dialog nodes; created and moved in an order that respects parent and previousSibling. */
    dialogNodes?: pulumi.Input<pulumi.Input<DialogNodeElement>[]>;
    /** Owned counterexamples (inputs marked as irrelevant). */
    counterexamples?: pulumi.Input<pulumi.Input<CounterexampleElement>[]>;
    /** Wait until training finishes (status Available) after create and content updates; default true. Never a change by itself. */
    waitForTraining?: pulumi.Input<boolean>;
    /** How long to wait for training, in seconds (default 1800). Never a change by itself. */
    trainingTimeoutSeconds?: pulumi.Input<number>;
    /**
     * Take over this existing workspace on create (read it, then update it to the declared state)
     * instead of creating a new one. Pulumi import does not work for dynamic providers; this is the
     * way in. Deleting the resource later deletes the workspace. Never a change by itself.
     */
    adoptWorkspaceId?: pulumi.Input<string>;
}

const COMPUTED = ["workspaceId", "status"] as const;

/** A v1 workspace (dialog skill) with its content. */
export class Workspace extends WatsonResource {
    /** The workspace id (use it for Intent, Entity, DialogNode and v2 dialog skills). */
    declare readonly workspaceId: pulumi.Output<string>;
    /** Training status when last created, updated or refreshed. */
    declare readonly status: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly language: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly intents: pulumi.Output<IntentElement[] | undefined>;
    declare readonly entities: pulumi.Output<EntityElement[] | undefined>;
    declare readonly dialogNodes: pulumi.Output<DialogNodeElement[] | undefined>;
    declare readonly counterexamples: pulumi.Output<CounterexampleElement[] | undefined>;

    constructor(name: string, args: WorkspaceArgs, opts?: pulumi.CustomResourceOptions) {
        // Collections travel to the engine as one JSON string (a 2 MB skill costs the engine a tenth
        // of its nested form); `intents` and the other collection outputs read the same as before.
        super("Workspace", name, args, COMPUTED, opts, COLLECTIONS);
    }
}

