import { expect } from "chai";
import * as https from "https";
import { agentFor } from "../../provider/http/transport";
import { startScriptedServer, ScriptedServer } from "./support/scripted-server";
import { failureOf, instantClient, testSettings } from "./support/settings";

const APIKEY = "test-apikey-0123456789";

describe("ApiClient authentication", () => {
    let server: ScriptedServer;
    beforeEach(async () => {
        server = await startScriptedServer();
    });
    afterEach(() => server.close());

    const iamSettings = () => testSettings(server.url, { authType: "iam", apikey: APIKEY, iamUrl: server.url });

    it("exchanges the API key at <iamUrl>/identity/token once and reuses the token", async () => {
        const { client } = instantClient(iamSettings());
        await client.request({ method: "GET", api: "v1", path: "/v1/a" });
        await client.request({ method: "GET", api: "v1", path: "/v1/b" });
        expect(server.tokensIssued).to.have.length(1);
        const exchange = server.requests.find((r) => r.path === "/identity/token")!;
        expect(exchange.method).to.equal("POST");
        expect(server.apiRequests().map((r) => r.headers.authorization)).to.deep.equal([`Bearer ${server.tokensIssued[0]}`, `Bearer ${server.tokensIssued[0]}`]);
    });

    it("clients with the same credentials share one token", async () => {
        await instantClient(iamSettings()).client.request({ method: "GET", api: "v1", path: "/v1/a" });
        await instantClient(iamSettings()).client.request({ method: "GET", api: "v1", path: "/v1/b" });
        expect(server.tokensIssued).to.have.length(1);
    });

    it("verifies TLS certificates unless verification is explicitly disabled", () => {
        expect(agentFor("https://api.example", false)).to.equal(undefined);
        const insecure = agentFor("https://api.example", true) as https.Agent;
        expect(insecure.options.rejectUnauthorized).to.equal(false);
        expect(agentFor("http://127.0.0.1:1", true)).to.equal(undefined);
    });

    it("refreshes the token once after a 401 and retries with the new one", async () => {
        const { client } = instantClient(iamSettings());
        server.enqueue({ status: 401, body: { code: 401, error: "Unauthorized" } });
        expect(await client.request({ method: "GET", api: "v1", path: "/v1/a" })).to.deep.equal({ ok: true });
        expect(server.tokensIssued).to.have.length(2);
        expect(server.apiRequests()[1].headers.authorization).to.equal(`Bearer ${server.tokensIssued[1]}`);
    });

    it("a second 401 fails with a hint to check the credentials, without the key", async () => {
        const { client, logs } = instantClient(iamSettings());
        server.enqueue({ status: 401, body: { code: 401, error: "Unauthorized" } }, { status: 401, body: { code: 401, error: "Unauthorized" } });
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/a" }));
        expect(err.status).to.equal(401);
        expect(err.message).to.contain("check your credentials");
        expect(err.message).not.to.contain(APIKEY);
        expect(logs.join("\n")).not.to.contain(APIKEY);
        expect(server.tokensIssued).to.have.length(2);
    });

    it("a rejected API key fails with the token service's message and the credentials hint", async () => {
        server.setHandler((req) =>
            req.path === "/identity/token"
                ? { status: 400, body: { errorCode: "BXNIM0415E", errorMessage: "Provided API key could not be found." } }
                : { status: 200, body: {} },
        );
        const { client } = instantClient(iamSettings());
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/a" }));
        expect(err.status).to.equal(401);
        expect(err.message).to.contain("token exchange (iam) failed");
        expect(err.message).to.contain("check your credentials");
        expect(err.message).not.to.contain(APIKEY);
        expect(server.apiRequests()).to.have.length(0);
    });

    it("sends a static bearer token and does not retry its 401", async () => {
        const { client } = instantClient(testSettings(server.url, { authType: "bearertoken", bearerToken: "static-token-abcdef" }));
        await client.request({ method: "GET", api: "v1", path: "/v1/a" });
        expect(server.apiRequests()[0].headers.authorization).to.equal("Bearer static-token-abcdef");
        server.enqueue({ status: 401, body: { error: "Unauthorized" } });
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/a" }));
        expect(err.message).to.contain("ASSISTANT_BEARER_TOKEN");
        expect(server.apiRequests()).to.have.length(2);
    });

    it("sends basic credentials", async () => {
        const { client } = instantClient(testSettings(server.url, { authType: "basic", username: "apikey", password: "pw-secret-1" }));
        await client.request({ method: "GET", api: "v1", path: "/v1/a" });
        expect(server.apiRequests()[0].headers.authorization).to.equal(`Basic ${Buffer.from("apikey:pw-secret-1").toString("base64")}`);
    });

    it("sends no Authorization header with noauth, and the version and opt-out per API", async () => {
        const { client } = instantClient(testSettings(server.url, { learningOptOut: true }));
        await client.request({ method: "POST", api: "v1", path: "/v1/a", body: { x: 1 } });
        await client.request({ method: "GET", api: "v2", path: "/v2/b", query: { page_limit: 5, cursor: undefined } });
        const [v1, v2] = server.apiRequests();
        expect(v1.headers.authorization).to.equal(undefined);
        expect(v1.headers["x-watson-learning-opt-out"]).to.equal("true");
        expect(v1.headers["content-type"]).to.equal("application/json");
        expect(v1.body).to.deep.equal({ x: 1 });
        expect(v1.query.get("version")).to.equal("2021-11-27");
        expect(v2.query.get("version")).to.equal("2024-08-25");
        expect(v2.query.get("page_limit")).to.equal("5");
        expect(v2.query.has("cursor")).to.equal(false);
    });
});
