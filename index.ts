/**
 * pulumi-watson-assistant: Pulumi resources for IBM watsonx Assistant.
 * Provider configuration lives under the `watson-assistant:` config namespace (see README.md).
 */
export {
    Workspace,
    type WorkspaceArgs,
    type IntentElement,
    type EntityElement,
    type DialogNodeElement,
    type CounterexampleElement,
    type Webhook,
} from "./resources/workspace";
export { fromWorkspaceExport } from "./resources/workspace/from-export";
export { exportKind, type ExportKind } from "./resources/exports/kind";
export { Intent, type IntentArgs } from "./resources/intent";
export { Entity, type EntityArgs } from "./resources/entity";
export { DialogNode, type DialogNodeArgs } from "./resources/dialog-node";
export { Assistant, type AssistantArgs } from "./resources/assistant";
export { Skill, type SkillArgs } from "./resources/skill";
export {
    fromSkillExport, splitSkillsExport, type ExportedSkill, type SkillTarget, type SplitSkillsExport,
} from "./resources/skill/from-export";
export { Release, type ReleaseArgs } from "./resources/release";
export { EnvironmentDeployment, type EnvironmentDeploymentArgs } from "./resources/environment-deployment";
export {
    ConversationalSkillProvider,
    ConversationalSkillProvider as Provider,
    type ConversationalSkillProviderArgs,
} from "./resources/skill-provider";
export {
    ConversationTest, type ConversationTestArgs, type ConversationCase, type Turn, type TurnExpectation, type CaseResult,
} from "./resources/conversation-test";
export { ReleasePromotion, type ReleasePromotionArgs } from "./resources/release-promotion";
export { ApiError } from "./provider/http/errors";
