/**
 * The Workspace under the service's limits (emulator defaults: the 1.5 MB cap on synchronous
 * writes, every documented rate limit on), with a clock scale so a window would pass in seconds.
 * Assertions are on the calls the emulator saw, never on timings.
 */
import { expect } from "chai";
import { EmulatorClient } from "../../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { ApiClient } from "../../../provider/http/client";
import { resolveSettings } from "../../../provider/config";
import { MAX_SYNC_WORKSPACE_BYTES } from "../../../resources/v1-elements/service-limits";
import { directResource } from "../../support/direct";
import { createChecked, updateChecked } from "./support";

const WORKSPACE = "/v1/workspaces/{workspace_id}";

/** About `bytes` of intents (20 examples each). */
function intentsOf(bytes: number): any[] {
    const count = Math.ceil(bytes / 1300);
    return Array.from({ length: count }, (_, i) => ({
        intent: `topic_${i}`,
        examples: Array.from({ length: 20 }, (_, j) => ({ text: `question number ${j} about topic ${i}, asked plainly` })),
    }));
}

/** `count` root dialog nodes of about `bytes` each, chained after `after`. */
function nodesOf(count: number, prefix: string, bytes: number, after?: string): any[] {
    return Array.from({ length: count }, (_, i) => ({
        dialogNode: `${prefix}_${i}`,
        conditions: `#topic_${i % 10}`,
        output: { generic: [{ response_type: "text", values: [{ text: `${"answer ".repeat(Math.floor((bytes - 150) / 7))}` }] }] },
        ...(i > 0 ? { previousSibling: `${prefix}_${i - 1}` } : after ? { previousSibling: after } : {}),
    }));
}

describe("Workspace under the service's size cap and rate limits", function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let api: EmulatorClient;
    const config = () => ({ url: emu.url, authType: "noauth", maxRetries: "2", maxRetryElapsedMs: "5000" });
    const routes = () => ({ ...emu.stats().byRoute });
    const writes = () => Object.entries(emu.stats().byRoute).filter(([r]) => !r.startsWith("GET ")).reduce((n, [, c]) => n + c, 0);

    beforeEach(async () => {
        emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, clockScale: 600 });
        api = new EmulatorClient(emu.url);
    });
    afterEach(async () => emu.stop());

    it("creates a 3 MB workspace through the asynchronous route, then edits one example with one write", async () => {
        const ws = directResource("Workspace", config());
        const inputs = { name: "big", intents: intentsOf(3_300_000) };
        expect(Buffer.byteLength(JSON.stringify(inputs))).to.be.greaterThan(3_000_000);
        const { id, outs } = await createChecked(ws, inputs);
        expect(routes()["POST /v1/workspaces_async"]).to.equal(1);
        expect(routes()["POST /v1/workspaces"]).to.equal(undefined);
        expect(outs.status).to.equal("Available");
        const live = await api.get(`/v1/workspaces/${id}?export=true`) as any;
        expect(live.intents).to.have.length(inputs.intents.length);

        emu.resetStats();
        const edited = { ...inputs, intents: inputs.intents.map((i, n) => (n === 3 ? { ...i, examples: [...i.examples, { text: "one more" }] } : i)) };
        await updateChecked(ws, id, outs, edited);
        expect(writes()).to.equal(1);
        expect(routes()[`POST ${WORKSPACE}/intents/{intent}`]).to.equal(1);
        expect(emu.stats().rateLimited).to.equal(0);
    });

    it("adds 600 dialog nodes of about 3 KB (1.8 MB) in one asynchronous append, keeping the nodes it had", async () => {
        const ws = directResource("Workspace", config());
        const kept = nodesOf(20, "kept", 500);
        const { id, outs } = await createChecked(ws, { name: "dialog", dialogNodes: kept });
        emu.resetStats();
        const added = nodesOf(600, "added", 3000, "kept_19");
        expect(Buffer.byteLength(JSON.stringify(added))).to.be.greaterThan(MAX_SYNC_WORKSPACE_BYTES);
        const logs: string[] = [];
        const logged = directResource("Workspace", config(), {}, (line) => logs.push(line));
        await updateChecked(logged, id, outs, { name: "dialog", dialogNodes: [...kept, ...added] });
        expect(writes()).to.equal(1);
        expect(routes()[`POST /v1/workspaces_async/{workspace_id}`]).to.equal(1);
        expect(emu.stats().rateLimited).to.equal(0);
        expect(logs.join("\n")).to.contain("600 dialog nodes added in 1 call (append, asynchronous)");
        const live = await api.get(`/v1/workspaces/${id}?export=true`) as any;
        expect(live.dialog_nodes).to.have.length(620);
        void ws;
    });

    it("refreshes an unchanged workspace with one plain read, and a changed one through list routes, never an export", async () => {
        const ws = directResource("Workspace", config());
        const { id, outs } = await createChecked(ws, { name: "small", intents: intentsOf(20_000), counterexamples: [{ text: "no" }] });
        emu.resetStats();
        const unchanged = await ws.read(id, outs);
        expect(routes()).to.deep.equal({ [`GET ${WORKSPACE}`]: 1 });
        expect(unchanged.inputs).to.equal(undefined);
        expect(unchanged.props.contentJsonHash).to.equal(outs.contentJsonHash);

        await api.post(`/v1/workspaces/${id}/counterexamples`, { text: "added in the tooling" });
        emu.resetStats();
        const changed = await ws.read(id, outs);
        expect(changed.inputs.counterexamples.map((c: any) => c.text)).to.include("added in the tooling");
        expect(Object.keys(routes()).sort()).to.deep.equal([`GET ${WORKSPACE}`, `GET ${WORKSPACE}/counterexamples`, `GET ${WORKSPACE}/intents`]);
    });

    it("with overwriteLiveChanges, an append that meets an intent someone else added converges element by element", async () => {
        const ws = directResource("Workspace", config());
        const { id, outs } = await createChecked(ws, { name: "append", intents: intentsOf(2_000) });
        await api.post(`/v1/workspaces/${id}/intents`, { intent: "added_0", description: "made in the tooling" });
        const added = Array.from({ length: 100 }, (_, i) => ({ intent: `added_${i}`, examples: [{ text: `new question ${i}` }] }));
        emu.resetStats();
        // Without overwriteLiveChanges the update refuses (live-changes.ts): the planner's fallback is what is tested here.
        await updateChecked(ws, id, outs, { name: "append", intents: [...intentsOf(2_000), ...added], overwriteLiveChanges: true });
        expect(emu.stats().byStatus["409"]).to.be.greaterThan(0);
        const live = await api.get(`/v1/workspaces/${id}?export=true`) as any;
        expect(live.intents).to.have.length(intentsOf(2_000).length + 100);
        const taken = live.intents.find((i: any) => i.intent === "added_0");
        expect(taken.description).to.equal(undefined);
        expect(taken.examples.map((e: any) => e.text)).to.deep.equal(["new question 0"]);
    });

    it("records what the service says is left of each rate-limit window", async () => {
        const client = new ApiClient(resolveSettings((key) => (config() as Record<string, string>)[key], {}));
        expect(client.budget("workspaceLists")).to.equal(undefined);
        await client.request({ method: "GET", api: "v1", path: "/v1/workspaces", bucket: "workspaceLists" });
        await client.request({ method: "GET", api: "v1", path: "/v1/workspaces", bucket: "workspaceLists" });
        const budget = client.budget("workspaceLists")!;
        expect(budget.limit).to.equal(500);
        expect(budget.remaining).to.equal(498);
        expect(budget.resetInMs).to.be.greaterThan(0);
    });
});
