import { expect } from "chai";
import { ApiError, isConflict, isNotFound, parseErrorBody } from "../../provider/http/errors";
import { apiPath } from "../../provider/http/path";
import { debugEnabled } from "../../provider/http/log";
import { redactValue } from "../../provider/http/redact";
import { startScriptedServer, ScriptedServer } from "./support/scripted-server";
import { failureOf, instantClient, testSettings } from "./support/settings";

const SECRET = "super-secret-key-987654";

describe("ApiError rendering", () => {
    let server: ScriptedServer;
    beforeEach(async () => {
        server = await startScriptedServer();
    });
    afterEach(() => server.close());

    it("names method, path, status, the service message and each errors[] path", async () => {
        server.enqueue({
            status: 400,
            body: {
                code: 400,
                error: "Invalid request",
                errors: [
                    { message: "must be no longer than 1024 characters", path: "intents[0].examples[1].text" },
                    { message: "duplicate intent", path: "intents[3].intent" },
                ],
            },
            headers: { "X-Global-Transaction-Id": "tx-123" },
        });
        const { client } = instantClient(testSettings(server.url));
        const err = await failureOf(client.request({ method: "POST", api: "v1", path: "/v1/workspaces/w1/intents", body: {} }));
        expect(err.message).to.equal(
            "POST /v1/workspaces/w1/intents failed: 400 Bad Request: Invalid request " +
                "(intents[0].examples[1].text: must be no longer than 1024 characters; intents[3].intent: duplicate intent) [request id tx-123]",
        );
        expect(err).to.include({ status: 400, method: "POST", path: "/v1/workspaces/w1/intents", serviceMessage: "Invalid request", code: 400, requestId: "tx-123" });
        expect(err.errors).to.have.length(2);
    });

    it("quotes a short snippet of an HTML error page", async () => {
        server.enqueue({ status: 404, raw: `<html><head><title>Not Found</title></head><body>${"x".repeat(500)}</body></html>` });
        const { client } = instantClient(testSettings(server.url));
        const err = await failureOf(client.request({ method: "GET", api: "v2", path: "/v2/assistants" }));
        expect(err.message).to.match(/^GET \/v2\/assistants failed: 404 Not Found: the service sent a non-JSON body \(text\/html\): "<html><head><title>Not Found/);
        expect(err.message.length).to.be.lessThan(320);
        expect(isNotFound(err)).to.equal(true);
        expect(isConflict(err)).to.equal(false);
    });

    it("explains a truncated JSON error body", () => {
        const parsed = parseErrorBody('{"error": "Conflict", "code": 4', "application/json");
        expect(parsed.serviceMessage).to.equal('the service sent unparseable JSON: "{"error": "Conflict", "code": 4"');
    });

    it("keeps configured secrets out of messages even when the service echoes them", () => {
        const err = new ApiError({ status: 400, method: "POST", path: "/v2/providers", serviceMessage: `bad key ${SECRET}`, errors: [{ message: `client_secret ${SECRET} invalid` }], secrets: [SECRET] });
        expect(err.message).not.to.contain(SECRET);
        expect(err.message).to.contain("[redacted]");
    });
});

describe("debug logging", () => {
    let server: ScriptedServer;
    beforeEach(async () => {
        server = await startScriptedServer();
    });
    afterEach(() => server.close());

    it("logs method, path, status and bodies with credentials redacted", async () => {
        server.setHandler(() => ({ status: 200, body: { provider_id: "p1", specification: {}, private: { authentication: { bearer: { token: { value: "tkn-1" } } } } } }));
        const { client, logs } = instantClient(testSettings(server.url, { authType: "basic", username: "u", password: SECRET }));
        await client.request({ method: "POST", api: "v2", path: "/v2/providers", body: { private: { authentication: { basic: { password: { value: "pw-body-1" } } } }, note: SECRET, apikey: "k-2" } });
        const text = logs.join("\n");
        expect(text).to.match(/-> POST \/v2\/providers/);
        expect(text).to.match(/<- 200 POST \/v2\/providers \d+ ms/);
        for (const secret of [SECRET, "pw-body-1", "tkn-1", "k-2", Buffer.from(`u:${SECRET}`).toString("base64")]) {
            expect(text).not.to.contain(secret);
        }
    });

    it("is enabled by WATSON_ASSISTANT_DEBUG=1 or DEBUG=watson-assistant only", () => {
        expect(debugEnabled({ WATSON_ASSISTANT_DEBUG: "1" })).to.equal(true);
        expect(debugEnabled({ DEBUG: "express,watson-assistant" })).to.equal(true);
        expect(debugEnabled({ WATSON_ASSISTANT_DEBUG: "0" })).to.equal(false);
        expect(debugEnabled({})).to.equal(false);
    });

    it("redacts secret fields at any depth", () => {
        expect(redactValue({ a: [{ Password: "x", api_key: "y", name: "n" }], headers: { Authorization: "Bearer z" } })).to.deep.equal({
            a: [{ Password: "[redacted]", api_key: "[redacted]", name: "n" }],
            headers: { Authorization: "[redacted]" },
        });
    });

    it("redacts the value of a name/value pair that names a secret (webhook headers)", () => {
        const webhook = { url: "https://hooks.example.com", headers: [{ name: "Authorization", value: "Bearer abc" }, { name: "X-Team", value: "support" }] };
        expect(redactValue(webhook)).to.deep.equal({
            url: "https://hooks.example.com",
            headers: [{ name: "Authorization", value: "[redacted]" }, { name: "X-Team", value: "support" }],
        });
    });
});

describe("apiPath", () => {
    it("encodes each interpolated value as one path segment", () => {
        const id = "w 1";
        const value = "a/b?c#d é";
        expect(apiPath`/v1/workspaces/${id}/entities/${value}/values`).to.equal("/v1/workspaces/w%201/entities/a%2Fb%3Fc%23d%20%C3%A9/values");
    });

    it("refuses an empty segment", () => {
        expect(() => apiPath`/v1/workspaces/${""}/intents`).to.throw(/empty path segment/);
    });
});
