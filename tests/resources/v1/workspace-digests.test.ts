/**
 * The Workspace plans from the per-element digests its state keeps (no second copy of the
 * content): which elements an update sends, what it never touches, and drift on refresh.
 */
import { expect } from "chai";
import { pack } from "../../../provider/bridge/packing";
import { PlanReporter } from "../../../provider/bridge/plan-reporter";
import { WireOperations } from "../../../provider/bridge/wire";
import { operationsFor } from "../../../plugin/runtime";
import { COLLECTIONS } from "../../../resources/workspace/types";
import { contentDigests, storedDigests } from "../../support/stored-content";
import { createChecked, STAMP_READS, startV1Fixture, updateChecked, type V1Fixture } from "./support";

const intents = (n: number) => Array.from({ length: n }, (_, i) => ({ intent: `topic_${i}`, examples: [{ text: `question ${i}` }, { text: `asking about ${i}` }] }));

const base = () => ({
    name: "digests",
    waitForTraining: false,
    intents: intents(30),
    dialogNodes: [
        { dialogNode: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi!" }] }] } },
        { dialogNode: "help", conditions: "#topic_1", previousSibling: "welcome" },
        { dialogNode: "help_child", conditions: "true", parent: "help" },
    ],
    counterexamples: [{ text: "tell me a joke" }],
});

describe("Workspace planning from stored digests", () => {
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });
    beforeEach(async () => { await fx.emu.reset(); });

    it("stored outputs hold digests and no content; an edit of one example sends only that intent", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        expect(outs).not.to.have.any.keys(...COLLECTIONS);
        expect(outs).to.include.keys("intentsDigests", "dialogNodesDigests", "counterexamplesDigests", "contentJsonHash");
        expect(JSON.stringify(outs).length).to.be.lessThan(JSON.stringify(base()).length / 2);
        const news = base();
        news.intents[7].examples[1].text = "asking about seven";
        fx.emu.resetStats();
        const updated = await updateChecked(ws, id, outs, news);
        expect(fx.byRoute()).to.deep.equal({ ...STAMP_READS, "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
        const live = await fx.api("GET", `/v1/workspaces/${id}/intents/topic_7?export=true`);
        expect(live.examples.map((e: any) => e.text).sort()).to.deep.equal(["asking about seven", "question 7"]);
        expect(storedDigests(updated)).to.deep.equal(contentDigests(news));
    });

    it("outputs of the version before digests (the content itself) plan the same single call", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        const { intentsDigests: _i, dialogNodesDigests: _d, counterexamplesDigests: _c, contentJsonHash: _h, ...rest } = outs;
        // As the operations see them once the plugin has unpacked them (provider/bridge/wire.ts).
        const previousShape = { ...rest, ...base() };
        const news = base();
        news.intents[3].examples.push({ text: "one more about 3" });
        fx.emu.resetStats();
        await updateChecked(ws, id, previousShape, news);
        expect(fx.byRoute()).to.deep.equal({ ...STAMP_READS, "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
    });

    it("a collection dropped from the program is never wiped: no call, its elements stay, state forgets it", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        const { counterexamples: _dropped, ...news } = base();
        fx.emu.resetStats();
        const updated = await updateChecked(ws, id, outs, news);
        expect(fx.writes()).to.equal(0);
        expect((await fx.api("GET", `/v1/workspaces/${id}/counterexamples`)).counterexamples).to.have.length(1);
        expect(updated).not.to.have.property("counterexamplesDigests");
    });

    it("an element the state never knew (made in the tooling) is left alone; a removed declared one is deleted alone", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        await fx.api("POST", `/v1/workspaces/${id}/intents`, { intent: "made_by_hand", examples: [{ text: "by hand" }] });
        const news = base();
        news.intents.splice(5, 1);
        fx.emu.resetStats();
        await updateChecked(ws, id, outs, news);
        expect(fx.byRoute()).to.deep.equal({
            ...STAMP_READS,
            // The stamp moved (the element made by hand): the owned collections are listed to find what changed.
            "GET /v1/workspaces/{workspace_id}/intents": 1, "GET /v1/workspaces/{workspace_id}/dialog_nodes": 1, "GET /v1/workspaces/{workspace_id}/counterexamples": 1,
            "DELETE /v1/workspaces/{workspace_id}/intents/{intent}": 1,
        });
        const names = (await fx.api("GET", `/v1/workspaces/${id}/intents`)).intents.map((i: any) => i.intent);
        expect(names).to.include("made_by_hand").and.not.include("topic_5");
    });

    it("fields an element no longer declares are cleared, although state keeps no previous element", async () => {
        const ws = fx.resource("Workspace");
        const declared = base();
        declared.intents[0] = { ...declared.intents[0], description: "greeting" } as any;
        const { id, outs } = await createChecked(ws, declared);
        const news = base();
        const { conditions: _c, ...bare } = news.dialogNodes[2];
        news.dialogNodes[2] = bare as any;
        await updateChecked(ws, id, outs, news);
        expect((await fx.api("GET", `/v1/workspaces/${id}/intents/topic_0`)).description).to.equal(undefined);
        expect((await fx.api("GET", `/v1/workspaces/${id}/dialog_nodes/help_child`)).conditions).to.equal(undefined);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.dialog_nodes.find((n: any) => n.dialog_node === "help_child")).to.include({ parent: "help" });
    });

    it("refresh takes the digests of the service's content: drift shows in the next diff", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        await fx.api("POST", `/v1/workspaces/${id}/intents/topic_2`, { examples: [{ text: "edited in the tooling" }] });
        const read = await ws.read(id, outs);
        expect(read.props).not.to.have.any.keys(...COLLECTIONS);
        expect(read.props.intentsDigests).not.to.equal(outs.intentsDigests);
        const checked = await ws.check(base(), read.inputs);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(true);
        expect((await ws.diff(id, outs, checked.inputs)).changes).to.equal(false);
    });
});

describe("Workspace plan summary from stored digests", () => {
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });

    /** What the plugin prints for check (with the last deployment's inputs, or none) then diff. */
    function printed(olds: Record<string, any>, previousInputs: Record<string, any> | undefined, declared: Record<string, any>): string {
        const wire = new WireOperations(operationsFor("Workspace"));
        const out: string[] = [];
        const reporter = new PlanReporter(() => ({ write: (text) => out.push(text) }), (m) => out.push(`WARN ${m}`));
        const news = { ...pack(declared, COLLECTIONS), __urn: "urn:pulumi:dev::p::watson-assistant:Workspace::ws", __provider: "p" };
        const context = { versionV1: "2021-11-27", versionV2: "2021-11-27" };
        const checked = wire.check(previousInputs ?? {}, news, context).inputs!;
        reporter.diff("Workspace", wire, olds.workspaceId, { ...olds, __creationMarker: checked.__creationMarker }, checked);
        return out.join("");
    }

    it("names what changed inside an element from the last deployment's inputs, and says only 'content changed' without them", async () => {
        const ws = fx.resource("Workspace");
        const declared = base();
        const { outs } = await createChecked(ws, declared);
        const previousInputs = { ...pack(declared, COLLECTIONS), __provider: "p" };
        const news = base();
        news.intents[4].examples.push({ text: "a third about 4" });
        const lines = (text: string) => text.split("\n").slice(1, 3);
        expect(lines(printed(outs, previousInputs, news))).to.deep.equal(["  intents: 1 changed", "    ~ intent #topic_4: +1 example"]);
        expect(lines(printed(outs, undefined, news))).to.deep.equal(["  intents: 1 changed", "    ~ intent #topic_4: content changed"]);
    });
});
