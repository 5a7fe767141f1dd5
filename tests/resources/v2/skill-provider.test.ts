import { expect } from "chai";
import { INSTANCE_KEY } from "../../../provider/bridge/service-instance";
import { startV2Fixture, type V2Fixture } from "./support";

const SECRET = "s3cr3t-provider-password";
const SPEC = {
    servers: [{ url: "https://skills.example.com" }],
    components: { securitySchemes: { authentication_method: "basic", basic: { username: { type: "value", value: "bot" } } } },
};
const PRIVATE = { authentication: { password: { type: "value", value: SECRET } } };

describe("v2 ConversationalSkillProvider resource", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture()));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    const providers = async () => (await fx.api("/v2/providers")).conversational_skill_providers as any[];

    async function register() {
        const created = await fx.create("ConversationalSkillProvider", { providerId: "pro-code", specification: SPEC, private: PRIVATE });
        return { provider: created.resource, ...created };
    }

    it("registers a provider and never keeps its credentials in outputs, only their hash", async () => {
        const { id, outs } = await register();
        expect(id).to.equal("pro-code");
        // Besides the outputs, the service instance every state records (provider/bridge/service-instance.ts).
        expect(outs).to.have.keys("providerId", "specification", "privateHash", INSTANCE_KEY);
        expect(JSON.stringify(outs)).not.to.include(SECRET);
        expect(outs.privateHash).to.match(/^[0-9a-f]{64}$/);
        expect(await providers()).to.deep.equal([{ provider_id: "pro-code", specification: SPEC }]);
    });

    it("reports no change for the same credentials and an in-place update for new ones", async () => {
        const { provider, id, outs } = await register();
        const same = await provider.check({ providerId: "pro-code", specification: SPEC, private: PRIVATE }, outs);
        expect((await provider.diff(id, outs, same.inputs)).changes).to.equal(false);
        const rotated = { authentication: { password: { type: "value", value: "rotated" } } };
        const next = await provider.check({ providerId: "pro-code", specification: SPEC, private: rotated }, outs);
        expect(await provider.diff(id, outs, next.inputs)).to.deep.include({ changes: true, replaces: [] });
        fx.emu.resetStats();
        const updated = (await provider.update(id, outs, next.inputs)).outs;
        expect(fx.emu.stats().byRoute).to.deep.equal({ "POST /v2/providers/{provider_id}": 1 });
        expect(updated.privateHash).not.to.equal(outs.privateHash);
        expect(JSON.stringify(updated)).not.to.include("rotated");
    });

    it("updates the specification in place", async () => {
        const { provider, id, outs } = await register();
        const moved = { ...SPEC, servers: [{ url: "https://skills2.example.com" }] };
        const next = await provider.check({ providerId: "pro-code", specification: moved, private: PRIVATE }, outs);
        await provider.update(id, outs, next.inputs);
        expect((await providers())[0].specification).to.deep.equal(moved);
    });

    it("refuses a providerId change at check with an explanation", async () => {
        const { provider, outs } = await register();
        fx.emu.resetStats();
        const { failures } = await provider.check({ providerId: "other", specification: SPEC, private: PRIVATE }, { ...outs, private: PRIVATE });
        expect(failures).to.have.length(1);
        expect(failures![0].property).to.equal("providerId");
        expect(failures![0].reason).to.match(/cannot change from "pro-code" to "other": the API cannot delete providers/);
        expect(fx.calls()).to.equal(0);
    });

    it("refresh reports a specification changed in the tooling, keeps the credential hash, and never reads credentials", async () => {
        const { provider, id, outs } = await register();
        const changed = { servers: [{ url: "https://elsewhere.example.com" }] };
        await fx.post("/v2/providers/pro-code", { specification: changed, private: PRIVATE });
        const read = await provider.read(id, outs);
        expect(read.inputs).to.deep.equal({ providerId: "pro-code", specification: changed });
        expect(read.props.privateHash).to.equal(outs.privateHash);
        expect(JSON.stringify(read)).not.to.include(SECRET);
    });

    it("refresh of a provider that is not listed reports it gone", async () => {
        const provider = fx.resource("ConversationalSkillProvider");
        expect((await provider.read("never-made", { providerId: "never-made", specification: SPEC })).id).to.equal("");
    });

    it("creating a provider whose id exists already adopts and updates it", async () => {
        await fx.post("/v2/providers", { provider_id: "pro-code", specification: { servers: [{ url: "https://old.example.com" }] }, private: PRIVATE });
        const { outs } = await register();
        expect(outs.providerId).to.equal("pro-code");
        expect(await providers()).to.deep.equal([{ provider_id: "pro-code", specification: SPEC }]);
    });

    it("delete forgets the provider without an API call", async () => {
        const { provider, id, outs } = await register();
        fx.emu.resetStats();
        await provider.delete(id, outs);
        expect(fx.calls()).to.equal(0);
        expect(await providers()).to.have.length(1);
    });

    it("rejects bad input at check without calling the API", async () => {
        const provider = fx.resource("ConversationalSkillProvider");
        fx.emu.resetStats();
        const bad = await provider.check({ providerId: "has spaces", specification: { servers: [] }, private: {} });
        expect(bad.failures!.map((f) => f.property).sort()).to.deep.equal(["private.authentication", "providerId", "specification.servers"]);
        expect(JSON.stringify(bad.failures)).not.to.include(SECRET);
        expect(fx.calls()).to.equal(0);
    });
});
