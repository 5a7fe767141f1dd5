import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface EnvironmentDeploymentArgs {
    /** Assistant whose environment this is. Changing it REPLACES this resource. */
    assistantId: pulumi.Input<string>;
    /**
     * Target environment by id. Give this or `environment`, not both. Changing it REPLACES this
     * resource (the old environment is left as it is).
     */
    environmentId?: pulumi.Input<string>;
    /**
     * Target environment by type (`live`, or `staging` when the assistant has exactly one staging
     * environment) or by name. `draft` is rejected: releases cannot be deployed to draft. Changing it
     * REPLACES this resource (the old environment is left as it is).
     */
    environment?: pulumi.Input<string>;
    /**
     * Release number to run in the environment, e.g. `"3"` or `release.release`. Changing it deploys
     * that release in place: this is how a release is promoted or rolled back.
     */
    release: pulumi.Input<string>;
    /**
     * A promotion gate: when given, `release` must be one of these, or check (preview) fails. Give it
     * the `verifiedReleases` of the ConversationTest of an earlier stage (through a StackReference)
     * so that only tested releases reach this environment. Changing it never causes an update.
     */
    allowedReleases?: pulumi.Input<pulumi.Input<string>[]>;
    /** Environment name (1-64 characters). Updated in place; not managed when omitted. */
    name?: pulumi.Input<string>;
    /** Environment description (1-128 characters). Updated in place; not managed when omitted. */
    description?: pulumi.Input<string>;
    /** Session inactivity timeout in seconds (10-604800). Updated in place; not managed when omitted. */
    sessionTimeout?: pulumi.Input<number>;
    /** Orchestration settings. Updated in place; not managed when omitted. */
    orchestration?: pulumi.Input<{ searchSkillFallback?: pulumi.Input<boolean> }>;
    /**
     * The environment's complete skill references (sent whole). Updated in place; not managed when
     * omitted. Deploying a release sets the action/dialog snapshots, so declare this only to manage
     * e.g. a search skill.
     */
    skillReferences?: pulumi.Input<pulumi.Input<{
        skillId: pulumi.Input<string>;
        type?: pulumi.Input<"action" | "dialog" | "search">;
        disabled?: pulumi.Input<boolean>;
        snapshot?: pulumi.Input<string>;
        skillReference?: pulumi.Input<string>;
    }>[]>;
}

const COMPUTED = ["targetEnvironmentId", "environmentType"] as const;

/**
 * Deploys a release to an environment (live or staging) and optionally manages the environment's
 * settings. Refresh reports the release the environment really runs, so a release switched in the
 * watsonx Assistant UI shows up as drift. Deleting this resource leaves the environment as it is:
 * the API has no undeploy.
 */
export class EnvironmentDeployment extends WatsonResource {
    declare readonly assistantId: pulumi.Output<string>;
    declare readonly release: pulumi.Output<string>;
    /** The resolved environment id. */
    declare readonly targetEnvironmentId: pulumi.Output<string>;
    /** `live` or `staging`. */
    declare readonly environmentType: pulumi.Output<string>;

    constructor(name: string, args: EnvironmentDeploymentArgs, opts?: pulumi.CustomResourceOptions) {
        super("EnvironmentDeployment", name, args, COMPUTED, opts);
    }
}
