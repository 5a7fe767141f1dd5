import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { EnvironmentDeploymentInputs, EnvironmentDeploymentOutputs } from "./spec";

/** Inputs of an EnvironmentDeployment (see EnvironmentDeploymentInputs); any part may be an Output. */
export type EnvironmentDeploymentArgs = ArgsOf<EnvironmentDeploymentInputs>;

const COMPUTED = ["targetEnvironmentId", "environmentType"] as const;

/** The outputs of an EnvironmentDeployment: its inputs and the environment it resolved. */
export interface EnvironmentDeployment extends OutputsOf<EnvironmentDeploymentOutputs> {}

/**
 * Deploys a release to an environment (live or staging) and optionally manages the environment's
 * settings. Refresh reports the release the environment really runs, so a release switched in the
 * watsonx Assistant UI shows up as drift. Deleting this resource leaves the environment as it is:
 * the API has no undeploy.
 */
export class EnvironmentDeployment extends WatsonResource {
    constructor(name: string, args: EnvironmentDeploymentArgs, opts?: pulumi.CustomResourceOptions) {
        super("EnvironmentDeployment", name, args, COMPUTED, opts);
    }
}
