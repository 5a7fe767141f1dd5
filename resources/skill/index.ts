import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { SkillInputs, SkillOutputs } from "./spec";

/** Inputs of a Skill (see SkillInputs); any of them may be an Output. */
export type SkillArgs = ArgsOf<SkillInputs>;

const COMPUTED = ["skillType", "language", "status"] as const;

/** The outputs of a Skill: its inputs and the skill's type, language and status. */
export interface Skill extends OutputsOf<SkillOutputs> {}

/**
 * An existing skill of an assistant (skills are created with their assistant and cannot be
 * created or deleted). Creating this resource adopts the skill and sets the declared properties;
 * deleting it only stops managing the skill, whose content stays as it is.
 */
export class Skill extends WatsonResource {
    constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
        super("Skill", name, args, COMPUTED, opts);
    }
}
