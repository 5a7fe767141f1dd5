import { expect } from "chai";
import { startScriptedServer, ScriptedServer, RecordedRequest } from "./support/scripted-server";
import { failureOf, instantClient, testSettings } from "./support/settings";

const ALL = ["a", "b", "c", "d", "e"].map((intent) => ({ intent }));

function page(req: RecordedRequest, nextLink: (cursor: number) => Record<string, string>) {
    const start = Number(req.query.get("cursor") ?? 0);
    const limit = Number(req.query.get("page_limit") ?? 100);
    const end = start + limit;
    return {
        status: 200,
        body: { intents: ALL.slice(start, end), pagination: { refresh_url: "/v1/x", ...(end < ALL.length ? nextLink(end) : {}) } },
    };
}

describe("ApiClient.paginate", () => {
    let server: ScriptedServer;
    beforeEach(async () => {
        server = await startScriptedServer();
    });
    afterEach(() => server.close());

    it("follows relative next_url links and keeps its own path and version", async () => {
        server.setHandler((req) => page(req, (c) => ({ next_url: `/v1/workspaces/w1/intents?cursor=${c}&page_limit=2&version=2017-01-01` })));
        const { client } = instantClient(testSettings(server.url));
        const items = await client.paginate<{ intent: string }>({ api: "v1", path: "/v1/workspaces/w1/intents", query: { page_limit: 2 }, itemsKey: "intents" });
        expect(items.map((i) => i.intent)).to.deep.equal(["a", "b", "c", "d", "e"]);
        expect(server.apiRequests().map((r) => r.query.get("cursor"))).to.deep.equal([null, "2", "4"]);
        expect(server.apiRequests().every((r) => r.query.get("version") === "2021-11-27")).to.equal(true);
    });

    it("follows absolute next_url links when the service URL has a path", async () => {
        server.setHandler((req) => page(req, (c) => ({ next_url: `${server.url}/instances/i1/v1/workspaces/w1/intents?page_limit=3&cursor=${c}` })));
        const { client } = instantClient(testSettings(`${server.url}/instances/i1`));
        const items = await client.paginate({ api: "v1", path: "/v1/workspaces/w1/intents", query: { page_limit: 3 }, itemsKey: "intents" });
        expect(items).to.have.length(5);
        expect(server.apiRequests().map((r) => r.path)).to.deep.equal(["/instances/i1/v1/workspaces/w1/intents", "/instances/i1/v1/workspaces/w1/intents"]);
    });

    it("follows next_cursor when there is no next_url", async () => {
        server.setHandler((req) => page(req, (c) => ({ next_cursor: String(c) })));
        const { client } = instantClient(testSettings(server.url));
        const items = await client.paginate({ api: "v2", path: "/v2/assistants", query: { page_limit: 2 }, itemsKey: "intents" });
        expect(items).to.have.length(5);
    });

    it("stops with an error when the service repeats a cursor", async () => {
        server.setHandler(() => ({ status: 200, body: { intents: [{ intent: "x" }], pagination: { next_cursor: "same" } } }));
        const { client } = instantClient(testSettings(server.url));
        const err = await failureOf(client.paginate({ api: "v2", path: "/v2/assistants", itemsKey: "intents" }));
        expect(err.message).to.contain("same page cursor twice");
    });
});
