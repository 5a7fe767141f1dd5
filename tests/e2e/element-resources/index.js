// Plain JavaScript, so the CLI runs it as a user's program would, against the package as installed.
const pulumi = require("@pulumi/pulumi");
const { DialogNode, Intent, Workspace } = require("pulumi-watson-assistant");

const config = new pulumi.Config();
const skill = new Workspace("skill", { name: "pizza" });
const order = new Intent("order", {
    workspaceId: skill.workspaceId,
    intent: "order",
    description: config.get("orderDescription") ?? "Ordering a pizza",
    examples: (config.get("orderExamples") ?? "I want a pizza,order please").split(",").map((text) => ({ text })),
}, { ignoreChanges: ["description"] });
const welcome = new DialogNode("welcome", {
    workspaceId: skill.workspaceId, dialogNode: "welcome", conditions: "welcome",
    output: { generic: [{ response_type: "text", values: [{ text: "Hello!" }] }] },
});
const taking = new DialogNode("taking-order", {
    workspaceId: skill.workspaceId, dialogNode: "taking_order", conditions: "#order", parent: welcome.dialogNode,
});
exports.orderExamples = order.examples.apply((list) => list.map((example) => example.text));
exports.orderDescription = order.description;
exports.takingOrderParent = taking.parent;
