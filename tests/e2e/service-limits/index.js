// Plain JavaScript, so the CLI runs it as a user's program would, against the package as installed.
// config `scenario`: "big" (one workspace of about 3.3 MB; `edit: "1"` adds one example),
// "dialog" (20 dialog nodes; `addNodes: "600"` adds 600 nodes of about 2.95 KB, 1.77 MB in all),
// "many" (25 small workspaces).
const pulumi = require("@pulumi/pulumi");
const { Workspace } = require("pulumi-watson-assistant");

const config = new pulumi.Config();
const scenario = config.require("scenario");

function topics(count) {
    return Array.from({ length: count }, (_, i) => ({
        intent: `topic_${i}`,
        examples: Array.from({ length: 20 }, (_, j) => ({ text: `question number ${j} about topic ${i}, asked plainly` })),
    }));
}

function nodes(count, prefix, bytes, after) {
    return Array.from({ length: count }, (_, i) => ({
        dialogNode: `${prefix}_${i}`,
        conditions: `#topic_${i % 10}`,
        output: { generic: [{ response_type: "text", values: [{ text: "answer ".repeat(Math.floor((bytes - 150) / 7)) }] }] },
        ...(i > 0 ? { previousSibling: `${prefix}_${i - 1}` } : after ? { previousSibling: after } : {}),
    }));
}

if (scenario === "big") {
    const intents = topics(2540);
    if (config.get("edit") === "1") intents[3] = { ...intents[3], examples: [...intents[3].examples, { text: "one more way to ask" }] };
    const big = new Workspace("big", { name: "big", intents });
    exports.workspaceId = big.workspaceId;
} else if (scenario === "dialog") {
    const kept = nodes(20, "kept", 500);
    const added = Number(config.get("addNodes") ?? "0");
    const dialog = new Workspace("dialog", { name: "dialog", dialogNodes: [...kept, ...nodes(added, "added", 2950, "kept_19")] });
    exports.workspaceId = dialog.workspaceId;
} else {
    const ids = Array.from({ length: 25 }, (_, i) => new Workspace(`ws-${i}`, { name: `ws ${i}`, intents: topics(5) }).workspaceId);
    exports.workspaceIds = ids;
}
