import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ReleaseInputs, ReleaseOutputs } from "./spec";

/** Inputs of a Release (see ReleaseInputs); any of them may be an Output. */
export type ReleaseArgs = ArgsOf<ReleaseInputs>;

const COMPUTED = ["release", "status", "content", "deployedTo", "retentionDeleted"] as const;

/** The outputs of a Release: its inputs and the release number, status, content and environments. */
export interface Release extends OutputsOf<ReleaseOutputs> {}

/**
 * A release (a "version" in the watsonx Assistant UI): a snapshot of the assistant's draft action
 * and dialog skills. Create waits until it is Available. A release deployed to an environment is not
 * deleted unless `deleteWhenDeployed` is set. To keep every old release (for rollbacks) while Pulumi
 * cuts new ones, give it the `retainOnDelete: true` resource option: Pulumi then forgets replaced
 * releases instead of deleting them.
 */
export class Release extends WatsonResource {
    constructor(name: string, args: ReleaseArgs, opts?: pulumi.CustomResourceOptions) {
        super("Release", name, args, COMPUTED, opts);
    }
}
