import { expect } from "chai";
import { call, expectErrorBody, FakeClock, withEmulator } from "../support/emulator";

describe("emulator rate limits", () => {
    it("sends X-RateLimit-* headers, then 429 with Retry-After once the documented limit is used up", async () => {
        const clock = new FakeClock();
        await withEmulator({ rateLimits: true, now: clock.now }, async (emu) => {
            const assistant = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Limited" } })).body;
            const exportPath = `/v2/assistants/${assistant.assistant_id}/skills_export`;
            const first = await call(emu.url, "GET", exportPath);
            expect(first.status).to.equal(200);
            expect(first.headers.get("x-ratelimit-limit")).to.equal("20");
            expect(first.headers.get("x-ratelimit-remaining")).to.equal("19");
            expect(Number(first.headers.get("x-ratelimit-reset"))).to.equal(Math.ceil((clock.time + 1800_000) / 1000));
            for (let i = 0; i < 19; i++) expect((await call(emu.url, "GET", exportPath)).status).to.equal(200);
            const limited = await call(emu.url, "GET", exportPath);
            expectErrorBody(limited, 429);
            expect(limited.headers.get("retry-after")).to.equal("1800");
            expect(limited.headers.get("x-ratelimit-remaining")).to.equal("0");
            expect(emu.stats().rateLimited).to.equal(1);

            clock.advance(1800_000);
            expect((await call(emu.url, "GET", exportPath)).status).to.equal(200);
        });
    });

    it("scales windows with rateLimitWindowScale so tests can cross them quickly", async () => {
        const clock = new FakeClock();
        await withEmulator({ rateLimits: true, rateLimitWindowScale: 0.001, now: clock.now }, async (emu) => {
            const first = await call(emu.url, "POST", "/v2/assistants", { body: {} });
            expect(Number(first.headers.get("x-ratelimit-reset"))).to.equal(Math.ceil((clock.time + 1800) / 1000));
        });
    });

    it("sends no rate-limit headers when limits are off", async () => {
        await withEmulator({}, async (emu) => {
            const reply = await call(emu.url, "POST", "/v2/assistants", { body: {} });
            expect(reply.headers.get("x-ratelimit-limit")).to.equal(null);
        });
    });
});
