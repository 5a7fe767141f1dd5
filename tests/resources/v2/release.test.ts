import { expect } from "chai";
import { startV2Fixture, type V2Fixture } from "./support";

describe("v2 Release resource", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture({ asyncDelayMs: 30 })));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    const releases = async (assistantId: string) => (await fx.api(`/v2/assistants/${assistantId}/releases`)).releases as any[];

    async function cut(assistantId: string, args: Record<string, unknown> = {}) {
        const created = await fx.create("Release", { assistantId, ...args });
        return { release: created.resource, ...created };
    }

    it("creating a release waits until it is Available and outputs its number and content", async () => {
        const assistant = await fx.newAssistant();
        const { id, outs } = await cut(assistant.assistantId, { description: "first" });
        expect(id).to.equal(`${assistant.assistantId}/1`);
        expect(outs).to.include({ release: "1", status: "Available", description: "first" });
        expect(outs.content.skills.map((s: any) => s.skillId)).to.include(assistant.actionSkillId);
        expect(outs.deployedTo).to.deep.equal([]);
        expect((await releases(assistant.assistantId)).map((r) => r.status)).to.deep.equal(["Available"]);
    });

    it("changing triggers or description cuts a new release; deleteWhenDeployed updates in place", async () => {
        const assistant = await fx.newAssistant();
        const { release, id, outs } = await cut(assistant.assistantId, { triggers: ["hash-a"] });
        const same = await release.check({ assistantId: assistant.assistantId, triggers: ["hash-a"] }, outs);
        expect((await release.diff(id, outs, same.inputs)).changes).to.equal(false);
        for (const change of [{ triggers: ["hash-b"] }, { triggers: ["hash-a"], description: "d" }]) {
            const next = await release.check({ assistantId: assistant.assistantId, ...change }, outs);
            expect((await release.diff(id, outs, next.inputs)).replaces).to.have.length(1);
        }
        const flag = await release.check({ assistantId: assistant.assistantId, triggers: ["hash-a"], deleteWhenDeployed: true }, outs);
        const diff = await release.diff(id, outs, flag.inputs);
        expect(diff).to.deep.include({ changes: true, replaces: [] });
        const updated = await release.update(id, outs, flag.inputs);
        expect(updated.outs).to.include({ release: "1", deleteWhenDeployed: true });
        const longerWait = await release.check({ assistantId: assistant.assistantId, triggers: ["hash-a"], waitTimeoutSeconds: 60 }, outs);
        expect((await release.diff(id, outs, longerWait.inputs)).changes).to.equal(false);
    });

    it("a release that fails publishing is reported with the service's status errors and removed", async () => {
        const assistant = await fx.newAssistant();
        await fx.admin("/emulator/next-failure", { kind: "release", description: "NLUError", errors: ["Classification Error: A runtime error occurred"] });
        const release = fx.resource("Release");
        const { inputs } = await release.check({ assistantId: assistant.assistantId });
        const error = await release.create(inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/release 1 .*failed: NLUError: Classification Error: A runtime error occurred/);
        expect(error?.message).to.match(/the failed release was deleted/);
        expect(await releases(assistant.assistantId)).to.deep.equal([]);
    });

    it("a release still publishing at the wait timeout is recorded, and the next update waits for it", async () => {
        await fx.admin("/emulator/async-delay", { ms: 500 });
        try {
            const assistant = await fx.newAssistant();
            const release = fx.resource("Release");
            const { inputs } = await release.check({ assistantId: assistant.assistantId, waitTimeoutSeconds: 0.1 });
            const error: any = await release.create(inputs).then(() => undefined, (e) => e);
            expect(error?.message).to.match(/Timed out .* release 1 .*"Processing"/);
            expect(error.id).to.equal(`${assistant.assistantId}/1`);
            expect(error.properties).to.include({ release: "1", status: "Processing" });
            const patient = await release.check({ assistantId: assistant.assistantId, waitTimeoutSeconds: 30 });
            const { outs } = await release.update(error.id, error.properties, patient.inputs);
            expect(outs).to.include({ release: "1", status: "Available" });
            expect(await releases(assistant.assistantId)).to.have.length(1);
        } finally {
            await fx.admin("/emulator/async-delay", { ms: 30 });
        }
    });

    it("refresh reports where the release is deployed, and gone once deleted elsewhere", async () => {
        const assistant = await fx.newAssistant();
        const { release, id, outs } = await cut(assistant.assistantId);
        await fx.post(`/v2/assistants/${assistant.assistantId}/releases/1/deploy`, { environment_id: assistant.liveEnvironmentId });
        expect((await release.read(id, outs)).props.deployedTo).to.deep.equal(["live"]);
        await fx.del(`/v2/assistants/${assistant.assistantId}/releases/1`);
        expect((await release.read(id, outs)).id).to.equal("");
    });

    it("refuses to delete a deployed release, naming the environment, unless deleteWhenDeployed", async () => {
        const assistant = await fx.newAssistant();
        const { release, id, outs } = await cut(assistant.assistantId);
        await fx.post(`/v2/assistants/${assistant.assistantId}/releases/1/deploy`, { environment_id: assistant.liveEnvironmentId });
        const error = await release.delete(id, outs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/release 1 is deployed to environment "live".*deleteWhenDeployed.*retainOnDelete/);
        expect(await releases(assistant.assistantId)).to.have.length(1);
        await release.delete(id, { ...outs, deleteWhenDeployed: true });
        expect(await releases(assistant.assistantId)).to.deep.equal([]);
    });

    it("deletes an undeployed release", async () => {
        const assistant = await fx.newAssistant();
        const { release, id, outs } = await cut(assistant.assistantId);
        await release.delete(id, outs);
        expect(await releases(assistant.assistantId)).to.deep.equal([]);
    });

    it("rejects bad input at check without calling the API", async () => {
        fx.emu.resetStats();
        const release = fx.resource("Release");
        const bad = await release.check({ assistantId: "", description: "x".repeat(501), deleteWhenDeployed: "yes", waitTimeoutSeconds: -1 });
        expect(bad.failures!.map((f) => f.property).sort()).to.deep.equal(["assistantId", "deleteWhenDeployed", "description", "waitTimeoutSeconds"]);
        expect(fx.calls()).to.equal(0);
    });
});

