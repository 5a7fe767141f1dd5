import { expect } from "chai";
import { startV2Fixture, type V2Fixture } from "./support";

describe("v2 resources under faults", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture()));
    after(async () => fx.emu.stop());
    beforeEach(async () => {
        fx.emu.setFaults("");
        await fx.emu.reset();
    });
    afterEach(() => fx.emu.setFaults(""));

    const assistants = async () => (await fx.api("/v2/assistants")).assistants as any[];
    const releases = async (assistantId: string) => (await fx.api(`/v2/assistants/${assistantId}/releases`)).releases as any[];

    it("an assistant create whose response is lost after it took effect is not repeated", async () => {
        await fx.newAssistant("Existing twin");
        fx.emu.setFaults("rate=1,count=1,kinds=reset-after,routes=POST /v2/assistants");
        const outs = await fx.newAssistant("Existing twin");
        expect(fx.emu.stats().faultsInjected).to.equal(1);
        const live = await assistants();
        expect(live).to.have.length(2);
        expect(live.map((a) => a.assistant_id)).to.include(outs.assistantId);
    });

    it("a release create whose response is lost after it took effect is not repeated", async () => {
        const a = await fx.newAssistant();
        fx.emu.setFaults("rate=1,count=1,kinds=reset-after,routes=POST /v2/assistants/{assistant_id}/releases");
        const { outs } = await fx.create("Release", { assistantId: a.assistantId, description: "v1" });
        expect(fx.emu.stats().faultsInjected).to.equal(1);
        expect(outs).to.include({ release: "1", status: "Available" });
        expect((await releases(a.assistantId)).map((r) => r.release)).to.deep.equal(["1"]);
    });

    it("a provider create whose response is lost is found by its id instead of failing on a conflict", async () => {
        fx.emu.setFaults("rate=1,count=1,kinds=reset-after,routes=POST /v2/providers");
        const { id } = await fx.create("ConversationalSkillProvider", { providerId: "p", specification: { servers: [{ url: "https://x.example.com" }] }, private: { authentication: {} } });
        expect(id).to.equal("p");
        expect((await fx.api("/v2/providers")).conversational_skill_providers).to.have.length(1);
    });

    for (const seed of [11, 12]) {
        it(`with 30% of requests failing (seed ${seed}), assistant, content, release and deployment converge without duplicates`, async () => {
            fx.emu.setFaults(`rate=0.3,seed=${seed},kinds=500+503+reset+reset-after,routes=/v2/*`);
            const a = await fx.newAssistant("Faulty");
            await fx.create("Skill", { assistantId: a.assistantId, skillId: a.actionSkillId, workspace: { actions: [] } });
            const cut = await fx.create("Release", { assistantId: a.assistantId, triggers: ["x"] });
            await fx.create("EnvironmentDeployment", { assistantId: a.assistantId, environment: "live", release: cut.outs.release });
            fx.emu.setFaults("");
            expect(fx.emu.stats().faultsInjected).to.be.greaterThan(0);
            expect((await assistants()).map((x) => x.assistant_id)).to.deep.equal([a.assistantId]);
            expect((await releases(a.assistantId)).map((r) => r.release)).to.deep.equal(["1"]);
            const live = await fx.api(`/v2/assistants/${a.assistantId}/environments/${a.liveEnvironmentId}`);
            expect(live.release_reference).to.deep.equal({ release: "1" });
        });
    }
});
