import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { AssistantInputs, AssistantOutputs } from "./spec";

/** Inputs of an Assistant (see AssistantInputs); any of them may be an Output. */
export type AssistantArgs = ArgsOf<AssistantInputs>;

const COMPUTED = ["assistantId", "draftEnvironmentId", "liveEnvironmentId", "environments", "actionSkillId", "dialogSkillId"] as const;

/** The outputs of an Assistant: its inputs and the ids of its environments and skills. */
export interface Assistant extends OutputsOf<AssistantOutputs> {}

/**
 * A watsonx Assistant (v2). Creating it also creates its draft and live environments and its action
 * (and dialog) skills, whose ids are outputs. The API has no update, so any change of an input
 * replaces the assistant and loses its content and releases: protect production assistants with
 * the `protect` resource option.
 */
export class Assistant extends WatsonResource {
    constructor(name: string, args: AssistantArgs, opts?: pulumi.CustomResourceOptions) {
        super("Assistant", name, args, COMPUTED, opts);
    }
}
