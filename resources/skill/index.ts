import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface SkillArgs {
    /** Assistant the skill belongs to. Changing it REPLACES this resource (adopts the other skill). */
    assistantId: pulumi.Input<string>;
    /**
     * Id of an existing skill of that assistant, e.g. `assistant.actionSkillId` or
     * `assistant.dialogSkillId`. Changing it REPLACES this resource (adopts the other skill).
     */
    skillId: pulumi.Input<string>;
    /** Skill name (1-64 characters, no newline or tab). Updated in place; not managed when omitted. */
    name?: pulumi.Input<string>;
    /** Skill description (1-128 characters, no newline or tab). Updated in place; not managed when omitted. */
    description?: pulumi.Input<string>;
    /**
     * The skill's content as free-form JSON: the action skill JSON, or the dialog skill's workspace
     * JSON (intents, entities, dialog_nodes...), sent as-is. Updated in place (the whole content is
     * replaced, then we wait until the skill is Available); not managed when omitted.
     */
    workspace?: pulumi.Input<Record<string, unknown>>;
    /** How long to wait for an update to become Available (default 900). Changing it never causes an update. */
    waitTimeoutSeconds?: pulumi.Input<number>;
}

const COMPUTED = ["skillType", "language", "status"] as const;

/**
 * An existing skill of an assistant (skills are created with their assistant and cannot be
 * created or deleted). Creating this resource adopts the skill and sets the declared properties;
 * deleting it only stops managing the skill, whose content stays as it is.
 */
export class Skill extends WatsonResource {
    declare readonly assistantId: pulumi.Output<string>;
    declare readonly skillId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string | undefined>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly workspace: pulumi.Output<Record<string, unknown> | undefined>;
    /** `action` or `dialog`. */
    declare readonly skillType: pulumi.Output<string>;
    declare readonly language: pulumi.Output<string>;
    /** Status after the last update, normally `Available`. */
    declare readonly status: pulumi.Output<string>;

    constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
        super("Skill", name, args, COMPUTED, opts);
    }
}
