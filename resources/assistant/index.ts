import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface AssistantArgs {
    /**
     * Name of the assistant (1-64 characters, no newline or tab). The v2 API cannot update an
     * assistant: changing it REPLACES the assistant (new ids; the old one is deleted with its skills,
     * environments and releases).
     */
    name: pulumi.Input<string>;
    /** Description (1-128 characters, no newline or tab). Changing it REPLACES the assistant. */
    description?: pulumi.Input<string>;
    /** Language code, default `en`. Changing it REPLACES the assistant. */
    language?: pulumi.Input<string>;
}

const COMPUTED = ["assistantId", "draftEnvironmentId", "liveEnvironmentId", "environments", "actionSkillId", "dialogSkillId"] as const;

/**
 * A watsonx Assistant (v2). Creating it also creates its draft and live environments and its action
 * (and dialog) skills, whose ids are outputs. The API has no update, so any change of an input
 * replaces the assistant and loses its content and releases: protect production assistants with
 * the `protect` resource option.
 */
export class Assistant extends WatsonResource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly language: pulumi.Output<string>;
    declare readonly assistantId: pulumi.Output<string>;
    declare readonly draftEnvironmentId: pulumi.Output<string>;
    declare readonly liveEnvironmentId: pulumi.Output<string>;
    /** Environment ids by environment name (`draft`, `live`, and any staging environments). */
    declare readonly environments: pulumi.Output<Record<string, string>>;
    declare readonly actionSkillId: pulumi.Output<string | undefined>;
    declare readonly dialogSkillId: pulumi.Output<string | undefined>;

    constructor(name: string, args: AssistantArgs, opts?: pulumi.CustomResourceOptions) {
        super("Assistant", name, args, COMPUTED, opts);
    }
}
