import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { SkillProviderInputs, SkillProviderOutputs } from "./spec";

/** Inputs of a ConversationalSkillProvider (see SkillProviderInputs); any part may be an Output. */
export type ConversationalSkillProviderArgs = ArgsOf<SkillProviderInputs>;

const COMPUTED = ["privateHash"] as const;

/** The outputs of a ConversationalSkillProvider: its inputs without the credentials, and their hash. */
export interface ConversationalSkillProvider extends OutputsOf<SkillProviderOutputs> {}

/**
 * A conversational skill provider of the service instance ("Provider" in the v2 API; named so to
 * avoid confusion with Pulumi providers). The API cannot delete providers: deleting this resource
 * only stops managing it, and creating one whose id already exists adopts and updates it.
 */
export class ConversationalSkillProvider extends WatsonResource {
    constructor(name: string, args: ConversationalSkillProviderArgs, opts?: pulumi.CustomResourceOptions) {
        const secretArgs = { ...args, private: pulumi.secret(args.private) };
        const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), "private", "privateHash"];
        super("ConversationalSkillProvider", name, secretArgs, COMPUTED, { ...opts, additionalSecretOutputs });
    }
}
