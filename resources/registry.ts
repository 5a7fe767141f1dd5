/**
 * Where the plugin finds each resource type's spec. Specs are loaded lazily so that the plugin
 * only loads what a stack uses, and spec modules never import @pulumi/pulumi.
 */
import type { ResourceSpec } from "../provider/bridge/spec";

const specModules: Record<string, string> = {
    Workspace: "./workspace/spec",
    Intent: "./intent/spec",
    Entity: "./entity/spec",
    DialogNode: "./dialog-node/spec",
    Assistant: "./assistant/spec",
    Skill: "./skill/spec",
    Release: "./release/spec",
    EnvironmentDeployment: "./environment-deployment/spec",
    ConversationalSkillProvider: "./skill-provider/spec",
    ConversationTest: "./conversation-test/spec",
    ReleasePromotion: "./release-promotion/spec",
};

export function specFor(type: string): ResourceSpec<any, any> {
    const modulePath = specModules[type];
    if (!modulePath) throw new Error(`unknown resource type ${type}`);
    return require(modulePath).spec;
}

