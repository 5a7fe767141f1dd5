// Plain JavaScript: the same program runs against the previous and the current package.
const pulumi = require("@pulumi/pulumi");
const { DialogNode, Workspace } = require("pulumi-watson-assistant");

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

// Element resources: nested inputs before they were packed whole, one packed property after.
const welcome = new DialogNode("welcome", { workspaceId: skill.workspaceId, dialogNode: "welcome", conditions: "welcome", title: "Welcome" });
const child = new DialogNode("child", { workspaceId: skill.workspaceId, dialogNode: "child", conditions: "#order", parent: welcome.dialogNode });
exports.welcomeTitle = welcome.title;
exports.childParent = child.parent;
