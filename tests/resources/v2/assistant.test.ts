import { expect } from "chai";
import { startV2Fixture, type V2Fixture } from "./support";

describe("v2 Assistant resource", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture()));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    const listAssistants = async () => (await fx.api("/v2/assistants")).assistants as any[];

    it("creates an assistant and outputs its environment and skill ids", async () => {
        const assistant = fx.resource("Assistant");
        const { inputs } = await assistant.check({ name: "Support", description: "Help desk" });
        const { id, outs } = await assistant.create(inputs);
        expect(id).to.equal(outs.assistantId);
        expect(outs).to.include({ name: "Support", description: "Help desk", language: "en" });
        expect(outs.draftEnvironmentId).to.be.a("string");
        expect(outs.liveEnvironmentId).to.be.a("string");
        expect(outs.environments).to.have.keys("draft", "live");
        expect(outs.actionSkillId).to.be.a("string");
        const live = await listAssistants();
        expect(live.map((a) => a.assistant_id)).to.deep.equal([id]);
    });

    it("reports no change when nothing is declared differently", async () => {
        const assistant = fx.resource("Assistant");
        const { inputs } = await assistant.check({ name: "Support" });
        const { id, outs } = await assistant.create(inputs);
        const again = await assistant.check({ name: "Support" }, outs);
        expect((await assistant.diff(id, outs, again.inputs)).changes).to.equal(false);
    });

    it("replaces the assistant on any change, because the API has no update", async () => {
        const assistant = fx.resource("Assistant");
        const { inputs } = await assistant.check({ name: "Support" });
        const { id, outs } = await assistant.create(inputs);
        for (const change of [{ name: "Support 2" }, { name: "Support", description: "new" }, { name: "Support", language: "fr" }]) {
            const next = await assistant.check(change, outs);
            const diff = await assistant.diff(id, outs, next.inputs);
            expect(diff.changes, JSON.stringify(change)).to.equal(true);
            expect(diff.replaces, JSON.stringify(change)).to.have.length.greaterThan(0);
            expect(diff.deleteBeforeReplace).to.equal(false);
        }
    });

    it("refresh finds the assistant beyond the first page of the list and reports it gone once deleted", async () => {
        const assistant = fx.resource("Assistant");
        for (let i = 0; i < 101; i++) await fx.post("/v2/assistants", { name: `other ${i}` });
        const { inputs } = await assistant.check({ name: "Support" });
        const { id, outs } = await assistant.create(inputs);
        const read = await assistant.read(id, outs);
        expect(read.id).to.equal(id);
        expect(read.props).to.deep.include({ assistantId: id, name: "Support" });
        expect(read.inputs).to.deep.equal({ name: "Support", language: "en" });
        await assistant.delete(id, outs);
        expect((await listAssistants()).map((a) => a.assistant_id)).not.to.include(id);
        expect((await assistant.read(id, outs)).id).to.equal("");
    });

    it("refresh shows a staging environment added outside Pulumi", async () => {
        const outs = await fx.newAssistant("Support");
        await fx.admin(`/emulator/assistants/${outs.assistantId}/environments`, { name: "QA" });
        const read = await fx.resource("Assistant").read(outs.assistantId, outs);
        expect(read.props.environments).to.have.keys("draft", "live", "QA");
    });

    it("rejects bad input at check without calling the API", async () => {
        const assistant = fx.resource("Assistant");
        fx.emu.resetStats();
        const bad = await assistant.check({ name: "a\tb", description: "x".repeat(129), language: "english!" });
        expect(bad.failures!.map((f) => f.property).sort()).to.deep.equal(["description", "language", "name"]);
        expect((await assistant.check({})).failures!.map((f) => f.property)).to.deep.equal(["name"]);
        expect(fx.calls()).to.equal(0);
    });

    it("deleting an already deleted assistant succeeds on the service's 404 and leaves no assistant", async () => {
        const outs = await fx.newAssistant("Support");
        const assistant = fx.resource("Assistant");
        await assistant.delete(outs.assistantId, outs);
        fx.emu.resetStats();
        await assistant.delete(outs.assistantId, outs);
        expect(fx.emu.stats().byStatus).to.deep.equal({ "404": 1 });
        expect(await listAssistants()).to.deep.equal([]);
    });
});
