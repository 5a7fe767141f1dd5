/** An assistant with real content (actions + dialog) deployed to an environment, for conversation tests. */
import type { V2Fixture } from "./support";

const text = (value: string) => ({ generic: [{ response_type: "text", values: [{ text: value }] }] });

/** Action skill content: greeting and opening hours, the hours answer given. */
export function actionsContent(hours = "We are open 9 to 5.") {
    return {
        intents: [
            { intent: "greeting", examples: [{ text: "hello" }, { text: "hi there" }, { text: "good morning" }] },
            { intent: "opening_hours", examples: [{ text: "when are you open" }, { text: "what are your opening hours" }] },
        ],
        actions: [
            { action: "greet", title: "Greet", condition: { intent: "greeting" }, steps: [{ step: "step_1", output: text("Hello! How can I help?") }] },
            { action: "hours", title: "Hours", condition: { intent: "opening_hours" }, steps: [{ step: "step_1", output: text(hours) }] },
        ],
    };
}

/** Dialog skill content: an order flow over two turns that keeps the order number in a skill variable. */
export const dialogContent = {
    intents: [{ intent: "order_status", examples: [{ text: "where is my order" }, { text: "track my order" }] }],
    entities: [{ entity: "sys-number", values: [] }, { entity: "shipping", values: [{ value: "express", synonyms: ["fast"] }] }],
    dialog_nodes: [
        { dialog_node: "order", conditions: "#order_status", output: text("What is your order number?"), context: { topic: "orders" } },
        { dialog_node: "order_number", parent: "order", conditions: "@sys-number", context: { orderNumber: "@sys-number" }, output: text("Order $orderNumber ships @shipping.") },
    ],
};

export interface Deployed {
    assistantId: string;
    actionSkillId: string;
    release: string;
}

/** Creates an assistant, sets both skills, cuts a release and deploys it to live. */
export async function deployedAssistant(fx: V2Fixture, hours?: string): Promise<Deployed> {
    const assistant = await fx.newAssistant();
    await fx.create("Skill", { assistantId: assistant.assistantId, skillId: assistant.actionSkillId, workspace: actionsContent(hours) });
    await fx.create("Skill", { assistantId: assistant.assistantId, skillId: assistant.dialogSkillId, workspace: dialogContent });
    const release = await cutAndDeploy(fx, assistant.assistantId);
    return { assistantId: assistant.assistantId, actionSkillId: assistant.actionSkillId, release };
}

export async function cutAndDeploy(fx: V2Fixture, assistantId: string): Promise<string> {
    const { outs } = await fx.create("Release", { assistantId });
    await fx.create("EnvironmentDeployment", { assistantId, environment: "live", release: outs.release });
    return outs.release;
}
