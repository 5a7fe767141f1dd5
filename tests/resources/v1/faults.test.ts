import { expect } from "chai";
import { startV1Fixture, type V1Fixture } from "./support";

const stage1 = {
    name: "faulty",
    intents: Array.from({ length: 6 }, (_, i) => ({ intent: `i${i}`, examples: [{ text: `example ${i}` }, { text: `other ${i}` }] })),
    entities: [{ entity: "color", values: [{ value: "red", synonyms: ["crimson"] }] }],
    dialogNodes: [{ dialogNode: "a" }, { dialogNode: "b", previousSibling: "a" }, { dialogNode: "b1", parent: "b" }],
    counterexamples: [{ text: "joke" }],
};
const stage2 = {
    ...stage1,
    intents: [...stage1.intents.slice(1, 5).map((i, n) => (n === 0 ? { ...i, intent: "renamed" } : n === 1 ? { ...i, examples: [{ text: "changed" }] } : i)), { intent: "new", examples: [{ text: "fresh" }] }],
    entities: [{ entity: "color", values: [{ value: "blue" }] }, { entity: "size", values: [{ value: "large" }] }],
    dialogNodes: [{ dialogNode: "b" }, { dialogNode: "a", previousSibling: "b" }, { dialogNode: "c", parent: "a" }],
    counterexamples: [{ text: "weather" }],
};

/** Runs an operation the way repeated `pulumi up`s would: a partial failure's outputs become the next run's state. */
async function converge<T>(attempt: (state: any) => Promise<T>, state: any): Promise<T> {
    for (let run = 1; ; run++) {
        try {
            return await attempt(state);
        } catch (err: any) {
            const partial = err?.properties;
            if (run >= 5) throw err;
            if (partial) state = partial;
        }
    }
}

describe("v1 resources under faults", function () {
    this.timeout(120_000);
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });

    for (const seed of [7, 42]) {
        it(`creates and updates a workspace to exactly the declared state with 20% faults (seed ${seed})`, async () => {
            await fx.emu.reset();
            fx.emu.setFaults(`rate=0.2,seed=${seed},kinds=500+503+reset+reset-after`);
            const ws = fx.resource("Workspace");
            const created = await converge(async () => ws.create((await ws.check(stage1)).inputs), undefined);
            const id = created.id;
            const checked = (await ws.check(stage2, created.outs)).inputs;
            const updated = await converge(async (olds) => (await ws.update(id, olds, checked)).outs, created.outs);
            expect(fx.emu.stats().faultsInjected).to.be.greaterThan(0);
            fx.emu.setFaults("");
            const list = await fx.api("GET", "/v1/workspaces");
            expect(list.workspaces).to.have.length(1);
            const read = await ws.read(id, updated);
            expect((await ws.diff(id, read.props, checked)).changes).to.equal(false);
            const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
            expect(live.intents.map((i: any) => i.intent).sort()).to.deep.equal(["i2", "i3", "i4", "new", "renamed"]);
            expect(live.dialog_nodes.map((n: any) => `${n.dialog_node}:${n.parent ?? ""}:${n.previous_sibling ?? ""}`).sort()).to.deep.equal(["a::b", "b::", "c:a:"]);
        });
    }
});
