import { expect } from "chai";
import { IamAuthenticator } from "ibm-cloud-sdk-core";
import { call, expectErrorBody, FakeClock, startEmulator, type RunningEmulator } from "../support/emulator";

const KEY = "test-key-not-a-secret";

function basic(user: string, password: string): Record<string, string> {
    return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
}

async function requestToken(url: string, apikey: string): Promise<Response> {
    return fetch(`${url}/identity/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: new URLSearchParams({ grant_type: "urn:ibm:params:oauth:grant-type:apikey", apikey }).toString(),
    });
}

describe("emulator auth (apikey mode)", () => {
    const clock = new FakeClock();
    let emu: RunningEmulator;
    before(async () => (emu = await startEmulator({ auth: "apikey", apikey: KEY, tokenTtlSeconds: 60, now: clock.now })));
    after(() => emu.stop());

    it("accepts HTTP Basic apikey:<key>", async () => {
        expect((await call(emu.url, "GET", "/v2/assistants", { headers: basic("apikey", KEY) })).status).to.equal(200);
    });

    it("rejects a wrong key, another user name and a missing header with 401 in the error format", async () => {
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants", { headers: basic("apikey", "wrong") }), 401);
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants", { headers: basic("someone", KEY) }), 401);
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants"), 401);
    });

    it("issues JWT-shaped tokens from POST /identity/token that work as Bearer tokens", async () => {
        const response = await requestToken(emu.url, KEY);
        expect(response.status).to.equal(200);
        const token: any = await response.json();
        expect(token).to.include({ token_type: "Bearer", expires_in: 60 });
        expect(token.refresh_token).to.be.a("string");
        const [, payload] = token.access_token.split(".");
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        expect(claims.exp - claims.iat).to.equal(60);
        expect(token.expiration).to.equal(claims.exp);
        const reply = await call(emu.url, "GET", "/v2/assistants", { headers: { Authorization: `Bearer ${token.access_token}` } });
        expect(reply.status).to.equal(200);
    });

    it("refuses a token for a wrong API key", async () => {
        expect((await requestToken(emu.url, "wrong")).status).to.equal(400);
    });

    it("rejects an expired token with 401 and a tampered one too", async () => {
        const token: any = await (await requestToken(emu.url, KEY)).json();
        const tampered = token.access_token.slice(0, -2) + (token.access_token.endsWith("AA") ? "BB" : "AA");
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants", { headers: { Authorization: `Bearer ${tampered}` } }), 401);
        clock.advance(61_000);
        const expired = await call(emu.url, "GET", "/v2/assistants", { headers: { Authorization: `Bearer ${token.access_token}` } });
        expectErrorBody(expired, 401);
        expect(expired.body.errors[0].message).to.contain("expired");
    });

    it("refreshes an expired access token with its refresh token, once", async () => {
        const first: any = await (await requestToken(emu.url, KEY)).json();
        clock.advance(61_000);
        const refresh = () => fetch(`${emu.url}/identity/token`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
            body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: first.refresh_token }).toString(),
        });
        const renewed = await refresh();
        expect(renewed.status).to.equal(200);
        const token: any = await renewed.json();
        expect(token.access_token).not.to.equal(first.access_token);
        expect((await call(emu.url, "GET", "/v2/assistants", { headers: { Authorization: `Bearer ${token.access_token}` } })).status).to.equal(200);
        expect((await refresh()).status, "a refresh token is single-use").to.equal(400);
    });

    it("works with ibm-cloud-sdk-core's IamAuthenticator unchanged", async () => {
        const authenticator = new IamAuthenticator({ apikey: KEY, url: emu.url });
        const request: { headers: Record<string, string> } = { headers: {} };
        await authenticator.authenticate(request);
        expect(request.headers.Authorization).to.match(/^Bearer /);
        expect((await call(emu.url, "GET", "/v2/assistants", { headers: request.headers })).status).to.equal(200);
    });
});
