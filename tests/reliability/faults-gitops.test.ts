/**
 * The GitOps promotion story (examples/gitops-promotion: assistant, action content, one release
 * per content version, staging and prod deployments, promotion, destroy) under 20% faults with
 * jittered latency, seeds 1..20, played in-process with the same resources and inputs as the
 * example program. The example itself runs through the engine-path harness in
 * faults-harness.test.ts. After every step: one assistant, exactly the expected releases, the
 * declared deployments and content.
 */
import { expect } from "chai";
import { checked } from "../support/direct";
import { directSession, type DirectSession } from "./support/direct-session";
import { addInto } from "./support/figures";
import { contentHash, expectGitopsService, GITOPS_CONTENT, GITOPS_EDITED } from "./support/gitops";
import { faultSuite, SEEDS } from "./support/faults";

const APIKEY = "reliability-gitops-key";

describe("reliability: the GitOps promotion converges under 20% faults (seeds 1..20, in-process)", function () {
    this.timeout(120_000);
    const { emu, service, totals, faulty } = faultSuite(APIKEY, "faults-gitops-direct");

    async function create(session: DirectSession, type: string, inputs: Record<string, unknown>) {
        const resource = session.resource(type);
        return { resource, ...(await resource.create(await checked(resource, inputs))) };
    }

    for (const seed of SEEDS) {
        it(`seed ${seed}: release, deploy, promote and destroy leave exactly the declared assistant, releases and deployments`, async () => {
            await emu().reset();
            const session = directSession({ url: emu().url, apikey: APIKEY, iamUrl: emu().url, maxRetries: "8" });
            const name = "GitOps demo";

            // dev: assistant, content, release 1.
            const assistant = await faulty(seed, 1, () => create(session, "Assistant", { name, description: "Managed by the gitops-promotion example" }));
            const a = assistant.outs;
            const skillInputs = { assistantId: a.assistantId, skillId: a.actionSkillId, workspace: GITOPS_CONTENT };
            const skill = await faulty(seed, 2, () => create(session, "Skill", skillInputs));
            const hash = contentHash(GITOPS_CONTENT);
            const release1 = await faulty(seed, 3, () => create(session, "Release", { assistantId: a.assistantId, description: `content ${hash}`, triggers: [hash] }));
            expect(release1.outs.release).to.equal("1");
            await service().admin(`/emulator/assistants/${a.assistantId}/environments`, { name: "staging" });

            // staging and prod deploy release 1.
            const deploy = (environment: string, release: string) => ({ assistantId: a.assistantId, environment, release });
            const staging = await faulty(seed, 4, () => create(session, "EnvironmentDeployment", deploy("staging", "1")));
            const prod = await faulty(seed, 5, () => create(session, "EnvironmentDeployment", deploy("live", "1")));
            await expectGitopsService(service(), { assistantName: name, content: GITOPS_CONTENT, releases: ["1"], environments: { draft: undefined, live: "1", staging: "1" } });

            // dev edits the content: skill update, release replaced (the old one retained), then promotion.
            const edited = await checked(skill.resource, { ...skillInputs, workspace: GITOPS_EDITED }, skill.outs);
            expect((await skill.resource.diff(skill.id, skill.outs, edited)).changes).to.equal(true);
            await faulty(seed, 6, () => skill.resource.update(skill.id, skill.outs, edited));
            const newHash = contentHash(GITOPS_EDITED);
            const releaseInputs = { assistantId: a.assistantId, description: `content ${newHash}`, triggers: [newHash] };
            expect((await release1.resource.diff(release1.id, release1.outs, await checked(release1.resource, releaseInputs))).replaces).to.include("triggers");
            const release2 = await faulty(seed, 7, () => create(session, "Release", releaseInputs));
            expect(release2.outs.release).to.equal("2");
            for (const [state, environment] of [[staging, "staging"], [prod, "live"]] as const) {
                const news = await checked(state.resource, deploy(environment, "2"), state.outs);
                await faulty(seed, 8, () => state.resource.update(state.id, state.outs, news));
            }
            await expectGitopsService(service(), { assistantName: name, content: GITOPS_EDITED, releases: ["1", "2"], environments: { draft: undefined, live: "2", staging: "2" } });

            // Destroy all three stacks (deployments and the skill leave things as they are; releases are retained).
            await faulty(seed, 9, async () => {
                await prod.resource.delete(prod.id, prod.outs);
                await staging.resource.delete(staging.id, staging.outs);
                await skill.resource.delete(skill.id, skill.outs);
                await assistant.resource.delete(assistant.id, assistant.outs);
            });
            expect(await service().list("/v2/assistants", "assistants")).to.deep.equal([]);
            addInto(totals, { retries: session.metrics.retries, reconciled: session.metrics.reconciled, throttled: session.metrics.throttled, clientRequests: session.metrics.requests });
        });
    }
});
