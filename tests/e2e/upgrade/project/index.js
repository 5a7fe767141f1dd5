// Plain JavaScript: the same program runs against the previous and the current package.
const pulumi = require("@pulumi/pulumi");
const { Workspace } = require("pulumi-watson-assistant");

const config = new pulumi.Config();
const intents = ["order", "cancel", "track"].map((name) => ({
    intent: name,
    examples: [{ text: `I want to ${name} my pizza` }, { text: `${name} please` }],
}));
if (config.get("reworded") === "yes") intents[1].examples[0].text = "I want to cancel my pizza right now";

const skill = new Workspace("skill", {
    name: "pizza",
    intents,
    counterexamples: [{ text: "what is the weather" }],
});
exports.intentNames = skill.intents.apply((list) => list.map((i) => i.intent));
exports.workspaceId = skill.workspaceId;
