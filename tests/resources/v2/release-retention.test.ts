import { expect } from "chai";
import { directResource } from "../../support/direct";
import { startV2Fixture, type V2Fixture } from "./support";

describe("Release retention (keepReleases)", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture()));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    const releaseNumbers = async (assistantId: string) => ((await fx.api(`/v2/assistants/${assistantId}/releases`)).releases as any[]).map((r) => r.release);

    it("keeps the newest N releases, deletes older ones no environment runs, never a deployed one, and says what it deleted", async () => {
        const { assistantId } = await fx.newAssistant();
        for (let i = 0; i < 4; i++) await fx.create("Release", { assistantId, description: `r${i + 1}` });
        await fx.create("EnvironmentDeployment", { assistantId, environment: "live", release: "1" });
        const logs: string[] = [];
        const release = directResource("Release", { url: fx.emu.url, authType: "noauth" }, {}, (line) => logs.push(line));
        const { inputs } = await release.check({ assistantId, description: "r5", keepReleases: 2 });
        const { outs } = await release.create(inputs);
        expect(outs).to.include({ release: "5", keepReleases: 2 });
        expect(outs.retentionDeleted).to.deep.equal(["2", "3"]);
        expect(await releaseNumbers(assistantId)).to.deep.equal(["1", "4", "5"]);
        expect(logs).to.include(`release retention (keep the newest 2) on assistant ${assistantId}: deleted releases 2, 3; kept older release 1 because an environment runs it`);
    });

    it("changing keepReleases updates in place and applies it; a value outside 1-50 fails at check", async () => {
        const { assistantId } = await fx.newAssistant();
        for (let i = 0; i < 2; i++) await fx.create("Release", { assistantId, description: `r${i + 1}` });
        const created = await fx.create("Release", { assistantId, description: "r3" });
        const next = await created.resource.check({ assistantId, description: "r3", keepReleases: 1 }, created.outs);
        expect(await created.resource.diff(created.id, created.outs, next.inputs)).to.deep.include({ changes: true, replaces: [] });
        const updated = await created.resource.update(created.id, created.outs, next.inputs);
        expect(updated.outs.retentionDeleted).to.deep.equal(["1", "2"]);
        expect(await releaseNumbers(assistantId)).to.deep.equal(["3"]);
        const bad = await created.resource.check({ assistantId, keepReleases: 0 });
        expect(bad.failures).to.deep.equal([{ property: "keepReleases", reason: "must be >= 1 (plans allow 2 (Lite) to 50 (Enterprise) releases per assistant)" }]);
    });
});
