/**
 * Where the plugin finds each resource type's spec. Specs are loaded lazily so that the plugin
 * only loads what a stack uses, and spec modules never import @pulumi/pulumi.
 */
import type { ResourceSpec } from "../provider/bridge/spec";

const specModules: Record<string, string> = {
    Workspace: "../resources/workspace/spec",
    Intent: "../resources/intent/spec",
    Entity: "../resources/entity/spec",
    DialogNode: "../resources/dialog-node/spec",
    Assistant: "../resources/assistant/spec",
    Skill: "../resources/skill/spec",
    Release: "../resources/release/spec",
    EnvironmentDeployment: "../resources/environment-deployment/spec",
    ConversationalSkillProvider: "../resources/skill-provider/spec",
    ConversationTest: "../resources/conversation-test/spec",
    ReleasePromotion: "../resources/release-promotion/spec",
};

export function specFor(type: string): ResourceSpec<any, any> {
    const modulePath = specModules[type];
    if (!modulePath) throw new Error(`unknown resource type ${type}`);
    return require(modulePath).spec;
}


/** Every resource type the plugin serves. */
export const RESOURCE_TYPES: readonly string[] = Object.keys(specModules);
