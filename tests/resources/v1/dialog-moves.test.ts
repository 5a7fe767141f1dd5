import { expect } from "chai";
import { createChecked, startV1Fixture, updateChecked, type V1Fixture } from "./support";

/** Each live node as "id: parent/previous_sibling" ("-" for none), sorted by id. */
export function livePositions(nodes: any[]): string[] {
    return nodes.map((n) => `${n.dialog_node}: ${n.parent ?? "-"}/${n.previous_sibling ?? "-"}`).sort();
}

const declaredPositions = (nodes: any[]) => nodes.map((n) => `${n.dialogNode}: ${n.parent ?? "-"}/${n.previousSibling ?? "-"}`).sort();

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
            expect(livePositions(live.dialog_nodes)).to.deep.equal(declaredPositions(after));
            expect(declaredPositions(updated.dialogNodes)).to.deep.equal(declaredPositions(after));
        });
    }
});
