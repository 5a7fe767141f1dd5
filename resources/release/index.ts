import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface ReleaseArgs {
    /** Assistant whose draft skills the release snapshots. Changing it REPLACES the release. */
    assistantId: pulumi.Input<string>;
    /** Description (1-500 characters). Releases cannot be updated: changing it cuts a new release (REPLACE). */
    description?: pulumi.Input<string>;
    /**
     * Any values; when they change, a new release is cut (REPLACE), like pulumi-command's triggers.
     * Typically a hash of the skill content, so that a release is cut whenever the content changes.
     */
    triggers?: pulumi.Input<unknown>;
    /**
     * Delete the release even when it is deployed to an environment (default false: delete fails
     * with a message naming the environment). Updated in place.
     */
    deleteWhenDeployed?: pulumi.Input<boolean>;
    /** How long to wait for publishing to finish (default 900). Changing it never causes an update. */
    waitTimeoutSeconds?: pulumi.Input<number>;
    /**
     * Release retention: after each new release, keep the assistant's newest N releases (1-50) and
     * delete older ones, never one an environment runs. What was deleted is logged and output as
     * `retentionDeleted`. Plans cap releases per assistant (Lite 2, Plus and Trial 10, Enterprise 50).
     * Changing it updates in place (and applies it).
     */
    keepReleases?: pulumi.Input<number>;
}

const COMPUTED = ["release", "status", "content", "deployedTo", "retentionDeleted"] as const;

/**
 * A release (a "version" in the watsonx Assistant UI): a snapshot of the assistant's draft action
 * and dialog skills. Create waits until it is Available. A release deployed to an environment is not
 * deleted unless `deleteWhenDeployed` is set. To keep every old release (for rollbacks) while Pulumi
 * cuts new ones, give it the `retainOnDelete: true` resource option: Pulumi then forgets replaced
 * releases instead of deleting them.
 */
export class Release extends WatsonResource {
    declare readonly assistantId: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    /** The server-assigned release number ("1", "2", ...), what EnvironmentDeployment's `release` takes. */
    declare readonly release: pulumi.Output<string>;
    /** `Available` once published. */
    declare readonly status: pulumi.Output<string>;
    /** The skill snapshots the release holds. */
    declare readonly content: pulumi.Output<{ skills: { skillId: string; type: string; snapshot?: string }[] } | undefined>;
    /** Names of the environments the release was deployed to when last read. */
    declare readonly deployedTo: pulumi.Output<string[]>;
    /** Release numbers deleted by `keepReleases` in the last create or update. */
    declare readonly retentionDeleted: pulumi.Output<string[] | undefined>;

    constructor(name: string, args: ReleaseArgs, opts?: pulumi.CustomResourceOptions) {
        super("Release", name, args, COMPUTED, opts);
    }
}
