import { expect } from "chai";
import { startEmulator, RunningEmulator } from "watson-assistant-emulator";
import { isNotFound } from "../../provider/http/errors";
import { apiPath } from "../../provider/http/path";
import type { ApiClient } from "../../provider/http/client";
import { failureOf, instantClient, testSettings } from "./support/settings";

interface Workspace {
    workspace_id: string;
    name: string;
}

async function findIntent(client: ApiClient, workspaceId: string, intent: string): Promise<unknown> {
    try {
        return await client.request({ method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}/intents/${intent}` });
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

describe("ApiClient against the emulator", () => {
    let emu: RunningEmulator;
    afterEach(() => emu?.stop());

    it("creates every object exactly once under injected 429s, 5xx and resets", async () => {
        emu = await startEmulator({ port: 0, auth: "none", faults: "rate=0.3,seed=42,kinds=429+500+503+reset+reset-after" });
        const { client } = instantClient(testSettings(emu.url, { retry: { maxAttempts: 10, maxElapsedMs: 600_000, baseDelayMs: 1, maxDelayMs: 1 } }));

        const workspace = await client.request<Workspace>({
            method: "POST",
            api: "v1",
            path: "/v1/workspaces",
            body: { name: "faulty", language: "en" },
            idempotent: false,
            reconcile: async () => (await client.paginate<Workspace>({ api: "v1", path: "/v1/workspaces", itemsKey: "workspaces" })).find((w) => w.name === "faulty"),
        });
        const names = Array.from({ length: 30 }, (_, i) => `intent_${i}`);
        for (const intent of names) {
            await client.request({
                method: "POST",
                api: "v1",
                path: apiPath`/v1/workspaces/${workspace.workspace_id}/intents`,
                body: { intent, examples: [{ text: `example of ${intent}` }] },
                idempotent: false,
                reconcile: () => findIntent(client, workspace.workspace_id, intent),
            });
        }

        expect(emu.stats().faultsInjected).to.be.greaterThan(0);
        emu.setFaults("");
        const workspaces = await client.paginate<Workspace>({ api: "v1", path: "/v1/workspaces", itemsKey: "workspaces" });
        expect(workspaces.filter((w) => w.name === "faulty")).to.have.length(1);
        const intents = await client.paginate<{ intent: string }>({ api: "v1", path: apiPath`/v1/workspaces/${workspace.workspace_id}/intents`, query: { page_limit: 7 }, itemsKey: "intents" });
        expect(intents.map((i) => i.intent).sort()).to.deep.equal([...names].sort());
        expect(client.metrics.retries).to.be.greaterThan(0);
        expect(client.metrics.reconciled).to.be.greaterThan(0); // some creates were committed before the reset
    });

    it("exchanges an API key with the emulator's IAM and reports a wrong key clearly", async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: "emulator-key-123" });
        const good = instantClient(testSettings(emu.url, { authType: "iam", apikey: "emulator-key-123", iamUrl: emu.url })).client;
        await good.request({ method: "GET", api: "v2", path: "/v2/assistants" });

        const bad = instantClient(testSettings(emu.url, { authType: "iam", apikey: "wrong-key-456", iamUrl: emu.url })).client;
        const err = await failureOf(bad.request({ method: "GET", api: "v2", path: "/v2/assistants" }));
        expect(err.status).to.equal(401);
        expect(err.message).to.contain("check your credentials");
        expect(err.message).not.to.contain("wrong-key-456");
    });
});
