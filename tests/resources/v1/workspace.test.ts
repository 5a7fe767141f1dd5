import { expect } from "chai";
import { createChecked, STAMP_READS, startV1Fixture, updateChecked, type V1Fixture } from "./support";

const base = () => ({
    name: "support bot",
    description: "handles support",
    intents: [
        { intent: "hello", examples: [{ text: "hi" }, { text: "good morning" }] },
        { intent: "bye", description: "leaving", examples: [{ text: "see you" }] },
    ],
    entities: [{ entity: "product", fuzzyMatch: true, values: [{ value: "phone", synonyms: ["mobile", "cell"] }] }],
    dialogNodes: [
        { dialogNode: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi!" }] }] } },
        { dialogNode: "help", conditions: "#hello", previousSibling: "welcome" },
        { dialogNode: "help_child", conditions: "true", parent: "help" },
    ],
    counterexamples: [{ text: "tell me a joke" }],
});

describe("Workspace resource (v1)", () => {
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });
    beforeEach(async () => { await fx.emu.reset(); });

    it("creates a workspace with its content in one call and waits for training", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        expect(outs.workspaceId).to.equal(id);
        expect(outs.status).to.equal("Available");
        expect(fx.byRoute()["POST /v1/workspaces"]).to.equal(1);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.intents.map((i: any) => i.intent).sort()).to.deep.equal(["bye", "hello"]);
        expect(live.dialog_nodes).to.have.length(3);
        expect(live.entities[0].fuzzy_match).to.equal(true);
    });

    it("reports no change when only order differs, and none after a refresh", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        const reordered = base();
        reordered.intents.reverse();
        reordered.intents[1].examples.reverse();
        reordered.entities[0].values[0].synonyms.reverse();
        reordered.dialogNodes.reverse();
        const checked = await ws.check(reordered, outs);
        expect((await ws.diff(id, outs, checked.inputs)).changes).to.equal(false);
        const read = await ws.read(id, outs);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(false);
    });

    it("changing one example of one intent is exactly one intent update call", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, { ...base(), waitForTraining: false });
        fx.emu.resetStats();
        const news = { ...base(), waitForTraining: false };
        news.intents[0].examples.push({ text: "hey there" });
        await updateChecked(ws, id, outs, news);
        expect(fx.byRoute()).to.deep.equal({ ...STAMP_READS, "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
        const live = await fx.api("GET", `/v1/workspaces/${id}/intents/hello?export=true`);
        expect(live.examples.map((e: any) => e.text)).to.include("hey there");
    });

    it("renames an intent in place with one call", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, { ...base(), waitForTraining: false });
        fx.emu.resetStats();
        const news = { ...base(), waitForTraining: false };
        news.intents[1].intent = "goodbye";
        await updateChecked(ws, id, outs, news);
        expect(fx.byRoute()).to.deep.equal({ ...STAMP_READS, "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.intents.map((i: any) => i.intent).sort()).to.deep.equal(["goodbye", "hello"]);
    });

    it("updates scalars with one workspace call that carries no collection", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        fx.emu.resetStats();
        await updateChecked(ws, id, outs, { ...base(), name: "renamed bot", description: "new" });
        expect(fx.writes()).to.equal(1);
        expect(fx.byRoute()["POST /v1/workspaces/{workspace_id}"]).to.equal(1);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.name).to.equal("renamed bot");
        expect(live.intents).to.have.length(2);
    });

    it("adds, removes and changes elements of every collection with element calls", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        fx.emu.resetStats();
        const news = base();
        news.intents = [news.intents[0], { intent: "order", examples: [{ text: "I want to buy" }] }] as any;
        news.entities[0].values.push({ value: "laptop", synonyms: ["notebook"] });
        news.dialogNodes = [
            news.dialogNodes[0],
            { dialogNode: "orders", conditions: "#order", previousSibling: "welcome" },
            { dialogNode: "orders_child", conditions: "true", parent: "orders" },
        ] as any;
        news.counterexamples = [];
        await updateChecked(ws, id, outs, news);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.intents.map((i: any) => i.intent).sort()).to.deep.equal(["hello", "order"]);
        expect(live.counterexamples).to.deep.equal([]);
        expect(live.dialog_nodes.map((n: any) => n.dialog_node).sort()).to.deep.equal(["orders", "orders_child", "welcome"]);
        expect(fx.byRoute()["POST /v1/workspaces/{workspace_id}"]).to.equal(undefined);
        const read = await ws.read(id, outs);
        const checked = await ws.check(news, outs);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(false);
    });

    it("changing the language replaces the workspace", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        const checked = await ws.check({ ...base(), language: "fr" }, outs);
        const diff = await ws.diff(id, outs, checked.inputs);
        expect(diff.replaces).to.deep.equal(["language"]);
    });

    it("deletes the workspace in the service", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, base());
        await ws.delete(id, outs);
        const list = await fx.api("GET", "/v1/workspaces");
        expect(list.workspaces).to.have.length(0);
        expect((await ws.read(id, outs)).id).to.equal("");
    });

    it("refresh shows edits made in the tooling as drift, only for owned collections", async () => {
        const ws = fx.resource("Workspace");
        const { intents: _i, ...withoutIntents } = base();
        const { id, outs } = await createChecked(ws, withoutIntents);
        await fx.api("POST", `/v1/workspaces/${id}/intents`, { intent: "extra", examples: [{ text: "unmanaged" }] });
        await fx.api("POST", `/v1/workspaces/${id}/counterexamples`, { text: "added in tooling" });
        const read = await ws.read(id, outs);
        expect(read.inputs.intents).to.equal(undefined);
        expect(read.inputs.counterexamples.map((c: any) => c.text)).to.include("added in tooling");
        const checked = await ws.check(withoutIntents, read.props);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(true);
        await ws.update(id, read.props, checked.inputs);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.counterexamples.map((c: any) => c.text)).to.deep.equal(["tell me a joke"]);
        expect(live.intents.map((i: any) => i.intent)).to.deep.equal(["extra"]);
    });

    it("adopts an existing workspace and brings it to the declared state", async () => {
        const existing = await fx.api("POST", "/v1/workspaces", {
            name: "legacy", language: "en", intents: [{ intent: "old", examples: [{ text: "old stuff" }] }, { intent: "hello", examples: [{ text: "hi" }] }],
        });
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, { ...base(), adoptWorkspaceId: existing.workspace_id });
        expect(id).to.equal(existing.workspace_id);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.name).to.equal("support bot");
        expect(live.intents.map((i: any) => i.intent).sort()).to.deep.equal(["bye", "hello"]);
        expect((await fx.api("GET", "/v1/workspaces")).workspaces).to.have.length(1);
        const read = await ws.read(id, outs);
        const checked = await ws.check({ ...base(), adoptWorkspaceId: existing.workspace_id }, read.props);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(false);
    });

    it("adopting a workspace leaves the settings the program does not declare as they are", async () => {
        const existing = await fx.api("POST", "/v1/workspaces", {
            name: "legacy", language: "en", description: "kept", metadata: { team: "support" },
            webhooks: [{ url: "https://hooks.example.com", name: "main" }],
            intents: [{ intent: "hello", examples: [{ text: "hi" }] }],
        });
        fx.emu.resetStats();
        const ws = fx.resource("Workspace");
        await createChecked(ws, {
            name: "legacy", intents: [{ intent: "hello", examples: [{ text: "hi" }] }], adoptWorkspaceId: existing.workspace_id, waitForTraining: false,
        });
        expect(fx.writes()).to.equal(0);
        expect(fx.byRoute()["GET /v1/workspaces/{workspace_id}"], "the export read, and the plain read of the stamp").to.equal(2);
        const live = await fx.api("GET", `/v1/workspaces/${existing.workspace_id}`);
        expect(live.description).to.equal("kept");
        expect(live.metadata).to.deep.equal({ team: "support" });
        expect(live.webhooks).to.have.length(1);
    });

    it("rejects bad input in check with property paths and makes no API call", async () => {
        const ws = fx.resource("Workspace");
        fx.emu.resetStats();
        const { failures } = await ws.check({
            name: "bad",
            intents: [{ intent: "sys-hello" }, { intent: "dup", examples: [{ text: "   " }] }, { intent: "dup" }],
            entities: [{ entity: "color", values: [{ value: "red", synonyms: ["crimson"], patterns: ["r.d"], type: "patterns" }] },
                { entity: "sys-made-up" }],
            dialogNodes: [{ dialogNode: "a", parent: "ghost" }, { dialogNode: "b", nextStep: { behavior: "jump_to", dialogNode: "nowhere" } },
                { dialogNode: "c", type: "weird" }],
            counterexamples: [{ text: "x\ty" }],
        });
        const properties = failures!.map((f) => f.property);
        expect(properties).to.include.members([
            "intents[0].intent", "intents[1].examples[0].text", "intents[2].intent", "entities[0].values[0].patterns",
            "entities[1].entity", "dialogNodes[0].parent", "dialogNodes[1].nextStep.dialogNode", "dialogNodes[2].type",
            "counterexamples[0].text",
        ]);
        expect(fx.emu.stats().total).to.equal(0);
    });
});
