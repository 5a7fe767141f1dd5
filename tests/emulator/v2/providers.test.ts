import { expect } from "chai";
import { call, expectErrorBody, startEmulator, type RunningEmulator } from "../support/emulator";

const spec = (url: string) => ({ servers: [{ url }], components: { securitySchemes: { authentication_method: "basic" } } });
const secret = { authentication: { basic: { password: { type: "value", value: "not-a-real-password" } } } };

describe("emulator v2 conversational skill providers", () => {
    let emu: RunningEmulator;
    before(async () => (emu = await startEmulator({})));
    after(() => emu.stop());
    beforeEach(() => emu.reset());

    it("creates a provider and never returns its private part", async () => {
        const reply = await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "my_provider-1", specification: spec("https://a.example"), private: secret } });
        expect(reply.status).to.equal(200);
        expect(reply.body).to.deep.equal({ provider_id: "my_provider-1", specification: spec("https://a.example") });
        const list = await call(emu.url, "GET", "/v2/providers?include_audit=true");
        expect(list.body.conversational_skill_providers[0]).to.not.have.property("private");
        expect(list.body.conversational_skill_providers[0]).to.have.property("created");
        expect(list.body.pagination).to.have.property("refresh_url");
    });

    it("validates provider_id, specification.servers and private.authentication", async () => {
        const reply = await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "has spaces", specification: { servers: [] }, private: {} } });
        expectErrorBody(reply, 400);
        expect(reply.body.errors.map((e: any) => e.path)).to.deep.equal(["provider_id", "specification.servers", "private.authentication"]);
        expectErrorBody(await call(emu.url, "POST", "/v2/providers", { body: { specification: spec("https://a.example") } }), 400);
        expectErrorBody(await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "x".repeat(257), specification: spec("https://a") } }), 400);
    });

    it("rejects a duplicate provider_id with 409", async () => {
        await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "dup", specification: spec("https://a.example") } });
        expectErrorBody(await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "dup", specification: spec("https://b.example") } }), 409);
    });

    it("updates a provider by replacing its specification; unknown providers 404; there is no delete", async () => {
        await call(emu.url, "POST", "/v2/providers", { body: { provider_id: "p", specification: spec("https://a.example") } });
        const updated = await call(emu.url, "POST", "/v2/providers/p", { body: { specification: spec("https://b.example"), private: secret } });
        expect(updated.status).to.equal(200);
        expect(updated.body).to.deep.equal({ provider_id: "p", specification: spec("https://b.example") });
        expectErrorBody(await call(emu.url, "POST", "/v2/providers/nope", { body: { specification: spec("https://b") } }), 404);
        expectErrorBody(await call(emu.url, "DELETE", "/v2/providers/p"), 405);
    });
});
