import { expect } from "chai";
import fc from "fast-check";
import { fromApi } from "../../../provider/casing";
import { canonicalCollection, dialogNodeKind } from "../../../resources/v1-elements/kinds";
import { applyEdits, editArbitrary, positionsOf, propertyRuns, toElements, treeArbitrary } from "../../support/dialog-trees";
import { recordFigures } from "../../reliability/support/figures";
import { contentDigests, storedDigests, storedNodes } from "../../support/stored-content";
import { createChecked, startV1Fixture, updateChecked, type V1Fixture } from "./support";

/** The service's dialog nodes, in the canonical input form the declared ones are compared in. */
async function liveNodes(fx: V1Fixture, workspaceId: string): Promise<any[]> {
    const live = await fx.api("GET", `/v1/workspaces/${workspaceId}?export=true`);
    return canonicalCollection(dialogNodeKind, fromApi<any[]>(live.dialog_nodes ?? []));
}

describe("Workspace dialog planner, random trees and edits (property)", function () {
    this.timeout(0);
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });

    const treeAndEdits = fc.record({ start: treeArbitrary(), edits: fc.array(editArbitrary, { minLength: 1, maxLength: 6 }) });

    it("one update reaches the declared tree exactly, with the service relinking siblings", async () => {
        let cases = 0;
        let elementCalls = 0;
        await fc.assert(fc.asyncProperty(treeAndEdits, async ({ start, edits }) => {
            await fx.emu.reset();
            const ws = fx.resource("Workspace");
            const before = toElements(start);
            const after = toElements(applyEdits(start, edits));
            const { id, outs } = await createChecked(ws, { name: "property", dialogNodes: before, waitForTraining: false });
            fx.emu.resetStats();
            const updated = await updateChecked(ws, id, outs, { name: "property", dialogNodes: after, waitForTraining: false });
            elementCalls += fx.writes();
            const live = await liveNodes(fx, id);
            expect(positionsOf(live)).to.deep.equal(positionsOf(after));
            expect(live).to.deep.equal(canonicalCollection(dialogNodeKind, after));
            expect(storedDigests(updated)).to.deep.equal(contentDigests({ name: "property", dialogNodes: live }));
            cases++;
        }), { numRuns: propertyRuns(150) });
        recordFigures("dialog-planner-property", { cases, writeCalls: elementCalls });
    });

    it("an update stopped by a failed call records what the service holds, and the next update finishes it", async () => {
        let cases = 0;
        const stoppedAt = fc.nat({ max: 8 });
        await fc.assert(fc.asyncProperty(treeAndEdits, stoppedAt, async ({ start, edits }, callsBeforeFailure) => {
            await fx.emu.reset();
            const ws = fx.resource("Workspace", { maxRetries: "0" });
            const before = toElements(start);
            const after = toElements(applyEdits(start, edits));
            const { id, outs } = await createChecked(ws, { name: "property", dialogNodes: before, waitForTraining: false });
            fx.emu.setFaults(`rate=1,count=1,after=${callsBeforeFailure},kinds=500,routes=/v1/workspaces/*/dialog_nodes*`);
            let olds = outs;
            try {
                olds = await updateChecked(ws, id, outs, { name: "property", dialogNodes: after, waitForTraining: false });
            } catch (err: any) {
                expect(err.properties, String(err)).to.be.an("object");
                olds = err.properties;
                expect(positionsOf(storedNodes(olds))).to.deep.equal(positionsOf(await liveNodes(fx, id)));
            }
            fx.emu.setFaults("");
            await updateChecked(ws, id, olds, { name: "property", dialogNodes: after, waitForTraining: false });
            expect(await liveNodes(fx, id)).to.deep.equal(canonicalCollection(dialogNodeKind, after));
            cases++;
        }), { numRuns: propertyRuns(100) });
        recordFigures("dialog-planner-stopped-property", { cases });
    });
});
