import { expect } from "chai";
import { startV2Fixture, type V2Fixture } from "./support";
import { operationContext, wireOperationsFor } from "../../../plugin/runtime";

describe("v2 EnvironmentDeployment resource", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture()));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    /** An assistant with a staging environment and two releases. */
    async function assistantWithReleases() {
        const assistant = await fx.newAssistant();
        const staging = await fx.admin(`/emulator/assistants/${assistant.assistantId}/environments`, { name: "QA" });
        for (const triggers of ["a", "b"]) await fx.create("Release", { assistantId: assistant.assistantId, triggers });
        return { ...assistant, stagingId: staging.environment_id as string };
    }
    const environment = async (assistantId: string, environmentId: string) => fx.api(`/v2/assistants/${assistantId}/environments/${environmentId}`);

    async function deploy(args: Record<string, unknown>) {
        const created = await fx.create("EnvironmentDeployment", args);
        return { deployment: created.resource, ...created };
    }

    it("deploys a release to the live environment named by its type", async () => {
        const a = await assistantWithReleases();
        const { id, outs } = await deploy({ assistantId: a.assistantId, environment: "live", release: "1" });
        expect(id).to.equal(`${a.assistantId}/${a.liveEnvironmentId}`);
        expect(outs).to.include({ release: "1", targetEnvironmentId: a.liveEnvironmentId, environmentType: "live" });
        expect((await environment(a.assistantId, a.liveEnvironmentId)).release_reference).to.deep.equal({ release: "1" });
    });

    it("resolves a staging environment by type, by name or by id", async () => {
        const a = await assistantWithReleases();
        for (const target of [{ environment: "staging" }, { environment: "QA" }, { environmentId: a.stagingId }]) {
            const { outs } = await deploy({ assistantId: a.assistantId, release: "2", ...target });
            expect(outs.targetEnvironmentId, JSON.stringify(target)).to.equal(a.stagingId);
        }
    });

    it("promotes and rolls back by changing the release in place, with one deploy call each", async () => {
        const a = await assistantWithReleases();
        const { deployment, id, outs } = await deploy({ assistantId: a.assistantId, environment: "live", release: "1" });
        const same = await deployment.check({ assistantId: a.assistantId, environment: "live", release: "1" }, outs);
        expect((await deployment.diff(id, outs, same.inputs)).changes).to.equal(false);
        const promote = await deployment.check({ assistantId: a.assistantId, environment: "live", release: "2" }, outs);
        expect(await deployment.diff(id, outs, promote.inputs)).to.deep.include({ changes: true, replaces: [] });
        fx.emu.resetStats();
        const promoted = (await deployment.update(id, outs, promote.inputs)).outs;
        expect(fx.emu.stats().byRoute).to.deep.equal({ "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1 });
        expect((await environment(a.assistantId, a.liveEnvironmentId)).release_reference).to.deep.equal({ release: "2" });
        const rollback = await deployment.check({ assistantId: a.assistantId, environment: "live", release: "1" }, promoted);
        await deployment.update(id, promoted, rollback.inputs);
        expect((await environment(a.assistantId, a.liveEnvironmentId)).release_reference).to.deep.equal({ release: "1" });
    });

    it("changing the target environment replaces the deployment", async () => {
        const a = await assistantWithReleases();
        const { deployment, id, outs } = await deploy({ assistantId: a.assistantId, environment: "live", release: "1" });
        const next = await deployment.check({ assistantId: a.assistantId, environment: "staging", release: "1" }, outs);
        expect((await deployment.diff(id, outs, next.inputs)).replaces).to.deep.equal(["environment"]);
    });

    it("manages the declared environment settings and leaves the others alone", async () => {
        const a = await assistantWithReleases();
        const { deployment, id, outs } = await deploy({
            assistantId: a.assistantId, environmentId: a.stagingId, release: "1",
            description: "QA for the help desk", sessionTimeout: 600, orchestration: { searchSkillFallback: true },
        });
        let live = await environment(a.assistantId, a.stagingId);
        expect(live).to.deep.include({ name: "QA", description: "QA for the help desk", session_timeout: 600, orchestration: { search_skill_fallback: true } });
        const next = await deployment.check({ assistantId: a.assistantId, environmentId: a.stagingId, release: "1", description: "QA", sessionTimeout: 900, orchestration: { searchSkillFallback: true } }, outs);
        fx.emu.resetStats();
        await deployment.update(id, outs, next.inputs);
        expect(fx.emu.stats().byRoute).to.deep.equal({ "POST /v2/assistants/{assistant_id}/environments/{environment_id}": 1 });
        live = await environment(a.assistantId, a.stagingId);
        expect(live).to.deep.include({ description: "QA", session_timeout: 900 });
    });

    it("refresh shows a release switched in the tooling as drift, and the next update deploys the declared one", async () => {
        const a = await assistantWithReleases();
        const { deployment, id, outs } = await deploy({ assistantId: a.assistantId, environment: "live", release: "1", sessionTimeout: 300 });
        await fx.post(`/v2/assistants/${a.assistantId}/releases/2/deploy`, { environment_id: a.liveEnvironmentId });
        await fx.post(`/v2/assistants/${a.assistantId}/environments/${a.liveEnvironmentId}`, { session_timeout: 1200 });
        const read = await deployment.read(id, outs);
        // The refreshed inputs: the drift over the declared inputs, nothing dropped and nothing added.
        expect(read.inputs).to.deep.equal({ assistantId: a.assistantId, environment: "live", release: "2", sessionTimeout: 1200 });
        const config: Record<string, string> = { url: fx.emu.url, authType: "noauth" };
        const wired = await wireOperationsFor("EnvironmentDeployment").read(operationContext((key) => config[key], {}, () => undefined), id, outs);
        expect(wired.inputs).to.deep.equal(read.inputs);
        const declared = await deployment.check({ assistantId: a.assistantId, environment: "live", release: "1", sessionTimeout: 300 }, read.props);
        expect((await deployment.diff(id, read.props, declared.inputs)).changes).to.equal(true);
        await deployment.update(id, read.props, declared.inputs);
        expect(await environment(a.assistantId, a.liveEnvironmentId)).to.deep.include({ release_reference: { release: "1" }, session_timeout: 300 });
    });

    it("delete leaves the environment running its release and says so", async () => {
        const a = await assistantWithReleases();
        const { deployment, id, outs } = await deploy({ assistantId: a.assistantId, environment: "live", release: "2" });
        fx.emu.resetStats();
        await deployment.delete(id, outs);
        expect(fx.calls()).to.equal(0);
        expect((await environment(a.assistantId, a.liveEnvironmentId)).release_reference).to.deep.equal({ release: "2" });
    });

    it("rejects a draft target at check when it is named, and through the API's error when only its id is given", async () => {
        const a = await assistantWithReleases();
        const deployment = fx.resource("EnvironmentDeployment");
        fx.emu.resetStats();
        const named = await deployment.check({ assistantId: a.assistantId, environment: "draft", release: "1" });
        expect(named.failures).to.deep.equal([{ property: "environment", reason: "cannot deploy to the draft environment: releases are deployed to live or staging environments" }]);
        expect(fx.calls()).to.equal(0);
        const byId = await deployment.check({ assistantId: a.assistantId, environmentId: a.draftEnvironmentId, release: "1" });
        const error = await deployment.create(byId.inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/400 .*Deploy to the draft environment is not permitted/);
    });

    it("rejects bad input at check without calling the API", async () => {
        const deployment = fx.resource("EnvironmentDeployment");
        fx.emu.resetStats();
        const cases: [Record<string, unknown>, string][] = [
            [{ assistantId: "a", release: "1" }, "environment"],
            [{ assistantId: "a", environment: "live", environmentId: "e", release: "1" }, "environment"],
            [{ assistantId: "a", environment: "live", release: "latest" }, "release"],
            [{ assistantId: "a", environment: "live", release: "1", sessionTimeout: 5 }, "sessionTimeout"],
            [{ assistantId: "a", environment: "live", release: "1", sessionTimeout: 604801 }, "sessionTimeout"],
            [{ assistantId: "a", environment: "live", release: "1", name: "x".repeat(65) }, "name"],
            [{ assistantId: "a", environment: "live", release: "1", orchestration: { fallback: true } }, "orchestration.fallback"],
            [{ assistantId: "a", environment: "live", release: "1", skillReferences: [{ skillId: "s" }, { skillId: "s" }] }, "skillReferences[1].skillId"],
            [{ assistantId: "a", environment: "live", release: "1", skillReferences: [{ skillId: "s", type: "voice" }] }, "skillReferences[0].type"],
        ];
        for (const [args, property] of cases) {
            const { failures } = await deployment.check(args);
            expect(failures?.map((f) => f.property), JSON.stringify(args)).to.include(property);
        }
        expect(fx.calls()).to.equal(0);
    });
});
