/**
 * Import through the native front door, in-process against the emulator: Read without stored
 * state returns complete inputs for each element type, and those inputs, checked and diffed
 * against Read's outputs, change nothing (the no-op `up` after `pulumi import`).
 */
import { expect } from "chai";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { EmulatorClient } from "../../drivers/emulator-client";
import { nativeProvider } from "../../plugin/native";

describe("native import of element resources (Read without state)", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let workspaceId: string;
    const provider = nativeProvider();

    before(async () => {
        emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
        provider.configure({ url: emu.url });
        const workspace = await new EmulatorClient(emu.url).post("/v1/workspaces", {
            name: "Support",
            intents: [{ intent: "refund", examples: [{ text: "money back" }] }],
            entities: [{ entity: "color", values: [{ value: "red", synonyms: ["crimson"] }] }],
            dialog_nodes: [{ dialog_node: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }] } }],
        });
        workspaceId = workspace.workspace_id;
    });
    after(async () => emu?.stop());

    for (const [type, key, expected] of [
        ["Intent", "refund", { intent: "refund", examples: [{ text: "money back" }] }],
        ["Entity", "color", { entity: "color" }],
        ["DialogNode", "welcome", { dialogNode: "welcome", conditions: "welcome" }],
    ] as const) {
        it(`${type} <workspace id>/${key}: inputs name the workspace and the element, and deploy as no change`, async () => {
            const urn = `urn:pulumi:dev::imported::watson-assistant:index:${type}::${key}`;
            const target = { type, urn };
            const read = await provider.read(target, `${workspaceId}/${key}`, {});
            expect(read.id).to.equal(`${workspaceId}/${key}`);
            expect(read.inputs).to.deep.include({ workspaceId, ...expected });
            const checked = provider.check(target, {}, read.inputs!);
            expect(checked.failures ?? []).to.deep.equal([]);
            const diff = provider.diff(target, read.id, read.props!, checked.inputs, () => read.inputs);
            expect(diff.changes).to.equal(false);
            expect(diff.detailedDiff).to.deep.equal({});
        });
    }
});
