import { expect } from "chai";
import { positionsOf } from "../../support/dialog-trees";
import { storedNodes } from "../../support/stored-content";
import { createChecked, startV1Fixture, updateChecked, type V1Fixture } from "./support";

describe("Workspace dialog moves the service relinks", () => {
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });
    beforeEach(async () => { await fx.emu.reset(); });

    const cases: [string, any[], any[]][] = [
        [
            "wrapping the first node in a new folder placed before its old follower",
            [{ dialogNode: "welcome" }, { dialogNode: "help", previousSibling: "welcome" }],
            [{ dialogNode: "folder", type: "folder" }, { dialogNode: "welcome", parent: "folder" }, { dialogNode: "help", previousSibling: "folder" }],
        ],
        [
            "moving a node under its old follower",
            [{ dialogNode: "a" }, { dialogNode: "b", previousSibling: "a" }],
            [{ dialogNode: "b" }, { dialogNode: "a", parent: "b" }],
        ],
    ];
    for (const [what, before, after] of cases) {
        it(`reaches the declared tree in one update: ${what}`, async () => {
            const ws = fx.resource("Workspace");
            const { id, outs } = await createChecked(ws, { name: "moves", dialogNodes: before, waitForTraining: false });
            const updated = await updateChecked(ws, id, outs, { name: "moves", dialogNodes: after, waitForTraining: false });
            const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
            expect(positionsOf(live.dialog_nodes)).to.deep.equal(positionsOf(after));
            expect(positionsOf(storedNodes(updated))).to.deep.equal(positionsOf(after));
        });
    }

    it("a DialogNode moved to another parent as its first child leaves no previous sibling the service had given it", async () => {
        const node = fx.resource("DialogNode");
        const workspaceId = (await fx.api("POST", "/v1/workspaces", { name: "separate nodes" })).workspace_id;
        const a = await createChecked(node, { workspaceId, dialogNode: "a" });
        // A new first node: the service makes "a" follow it, which a's state does not know.
        await createChecked(node, { workspaceId, dialogNode: "folder", type: "folder" });
        await updateChecked(node, a.id, a.outs, { workspaceId, dialogNode: "a", parent: "folder" });
        const live = await fx.api("GET", `/v1/workspaces/${workspaceId}/dialog_nodes`);
        expect(positionsOf(live.dialog_nodes)).to.deep.equal(["a: folder/-", "folder: -/-"]);
    });
});
