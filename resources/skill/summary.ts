/**
 * The Skill's plan summary: the skill JSON (`workspace`, API field names) by its collections:
 * actions and variables of an action skill, intents, entities and dialog nodes of a dialog skill.
 */
import type { CollectionShape, SummaryShape } from "../../provider/change-summary/shape";
import type { SkillInputs } from "./spec";

const SKILL = "/v2/assistants/{assistant_id}/skills/{skill_id}";
const WAIT = `then GET ${SKILL} until Available`;

function byField(noun: string, key: string, label?: (k: string) => string): CollectionShape<Record<string, unknown>> {
    return { noun, key: (e) => String(e?.[key]), keyProperty: key, named: true, label };
}

export const skillSummary: SummaryShape<SkillInputs> = {
    title: (inputs) => `Skill ${JSON.stringify(inputs.name ?? inputs.skillId)}`,
    shown: ["assistantId", "skillId"],
    ignored: ["waitTimeoutSeconds"],
    fields: {
        workspace: {
            fields: {
                actions: byField("action", "action"),
                variables: byField("variable", "variable"),
                intents: byField("intent", "intent", (k) => `#${k}`),
                entities: byField("entity", "entity", (k) => `@${k}`),
                dialog_nodes: byField("dialog node", "dialog_node"),
            },
        },
    },
    // Skills come with their assistant: a create adopts one and sends only what differs.
    calls: (change) => change.action === "update" ? [`POST ${SKILL}`, WAIT] : [`GET ${SKILL}`, `then POST ${SKILL} if the declared content differs`, WAIT],
};
