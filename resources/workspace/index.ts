import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, IntentElement,
} from "../v1-elements/types";
import { spec } from "./spec";
import { type Webhook, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

export type { CounterexampleElement, DialogNodeElement, EntityElement, IntentElement, Webhook };

/** Inputs of a v1 workspace (dialog skill): see WorkspaceInputs; any part may be an Output. */
export type WorkspaceArgs = ArgsOf<WorkspaceInputs>;

const COMPUTED = ["workspaceId", "status"] as const;

/** The outputs of a Workspace: every input (as stored) plus `workspaceId` and `status`. */
export interface Workspace extends OutputsOf<WorkspaceOutputs> {}

/** A v1 workspace (dialog skill) with its content. */
export class Workspace extends WatsonResource {
    constructor(name: string, args: WorkspaceArgs, opts?: pulumi.CustomResourceOptions) {
        // Collections travel to the engine as one JSON string (a 2 MB skill costs the engine a tenth
        // of its nested form); `intents` and the other collection outputs read the same as before.
        super("Workspace", name, args, COMPUTED, opts, spec);
    }
}

