/**
 * A workspace of a few hundred elements (plus separate Intent resources in a second workspace)
 * deployed, edited and destroyed while the emulator fails 20% of requests (429 with Retry-After,
 * 500, 503, connection resets before and after the change is committed) with jittered latency.
 * After every step the service must hold exactly the declared content: no duplicate workspaces or
 * elements, nothing lost. Seeds 1..20 run in-process (directSession: the production client with
 * compressed waits); the engine-path runs are in faults-harness.test.ts.
 */
import { expect } from "chai";
import { declaredSummary, intentSummary, liveSummary } from "./support/content";
import { checked, type DirectResource } from "../support/direct";
import { directSession } from "./support/direct-session";
import { addInto } from "./support/figures";
import { faultSuite, SEEDS } from "./support/faults";
import { editedWorkspace, elementCount, largeWorkspace, separateIntents } from "./fixtures/large-workspace";


const APIKEY = "reliability-faults-key";

describe("reliability: a large workspace converges under 20% faults (seeds 1..20, in-process)", function () {
    this.timeout(120_000);
    const { emu, service, totals, faulty } = faultSuite(APIKEY, "faults-workspace-direct", () => ({ elements: elementCount(largeWorkspace("x")) }));

    async function expectService(declared: { workspaces: Record<string, any>; intents: any[] }): Promise<void> {
        const live = await service().list("/v1/workspaces", "workspaces");
        expect(live.map((w) => w.name).sort(), "workspaces on the service").to.deep.equal(Object.keys(declared.workspaces).sort());
        for (const w of live) {
            const exported = await service().get(`/v1/workspaces/${w.workspace_id}`, { export: "true" });
            const want = declared.workspaces[w.name];
            const summary = liveSummary(exported);
            if (want.intents === undefined) {
                // Intents owned by the separate Intent resources.
                expect(summary.intents, `intents of ${w.name}`).to.deep.equal(Object.fromEntries(declared.intents.map((i) => [i.intent, intentSummary(i)])));
                expect({ ...summary, intents: {} }).to.deep.equal({ ...declaredSummary(want), intents: {} });
            } else {
                expect(summary).to.deep.equal(declaredSummary(want));
            }
        }
    }

    for (const seed of SEEDS) {
        it(`seed ${seed}: deploy, edit and destroy end with exactly the declared content`, async () => {
            await emu().reset();
            const session = directSession({ url: emu().url, apikey: APIKEY, iamUrl: emu().url, maxRetries: "8" });
            const workspace = session.resource("Workspace");
            const intentResource = session.resource("Intent");
            const big = largeWorkspace(`big-${seed}`);
            const host = { name: `host-${seed}`, counterexamples: [{ text: "not for me" }], waitForTraining: false };

            // Deploy.
            const bigInputs = await checked(workspace, big);
            const hostInputs = await checked(workspace, host);
            const [bigState, hostState] = await faulty(seed, 1, async () => [await workspace.create(bigInputs), await workspace.create(hostInputs)]);
            const intents = new Map<string, { id: string; outs: any }>();
            await faulty(seed, 2, async () => {
                for (const [index, intent] of separateIntents("initial").entries()) {
                    intents.set(`r${index}`, await intentResource.create(await checked(intentResource, { ...intent, workspaceId: hostState.id })));
                }
            });
            await expectService({ workspaces: { [big.name]: big, [host.name]: host }, intents: separateIntents("initial") });

            // Edit: the engine's diff decides, then update / create / delete.
            const edited = editedWorkspace(big.name);
            const editedInputs = await checked(workspace, edited, bigState.outs);
            expect((await workspace.diff(bigState.id, bigState.outs, editedInputs)).changes).to.equal(true);
            await faulty(seed, 3, () => workspace.update(bigState.id, bigState.outs, editedInputs));
            const wanted = new Map(separateIntents("edited").map((intent, index) => [`r${index === 3 ? 4 : index}`, intent]));
            await faulty(seed, 4, () => converge(intentResource, intents, wanted, hostState.id));
            await expectService({ workspaces: { [big.name]: edited, [host.name]: host }, intents: separateIntents("edited") });

            // Destroy: dependents first.
            await faulty(seed, 5, async () => {
                for (const [, state] of intents) await intentResource.delete(state.id, state.outs);
                await workspace.delete(bigState.id, bigState.outs);
                await workspace.delete(hostState.id, hostState.outs);
            });
            expect(await service().list("/v1/workspaces", "workspaces")).to.deep.equal([]);
            addInto(totals, { retries: session.metrics.retries, reconciled: session.metrics.reconciled, throttled: session.metrics.throttled, clientRequests: session.metrics.requests });
        });
    }
});

/** What the engine does for a set of Intent resources: diff, then update, create or delete each. */
async function converge(resource: DirectResource, state: Map<string, { id: string; outs: any }>, wanted: Map<string, any>, workspaceId: string): Promise<void> {
    for (const [name, intent] of wanted) {
        const inputs = await checked(resource, { ...intent, workspaceId }, state.get(name)?.outs);
        const current = state.get(name);
        if (!current) {
            state.set(name, await resource.create(inputs));
            continue;
        }
        const diff = await resource.diff(current.id, current.outs, inputs);
        if (!diff.changes) continue;
        if (diff.replaces?.length) throw new Error(`unexpected replacement of ${name}: ${diff.replaces.join(", ")}`);
        const { outs } = await resource.update(current.id, current.outs, inputs);
        state.set(name, { id: current.id, outs });
    }
    for (const [name, current] of [...state]) {
        if (wanted.has(name)) continue;
        await resource.delete(current.id, current.outs);
        state.delete(name);
    }
}
