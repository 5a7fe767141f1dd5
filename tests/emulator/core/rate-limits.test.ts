import { expect } from "chai";
import { call, expectErrorBody, FakeClock, withEmulator } from "../support/emulator";

const HALF_HOUR_MS = 1800_000;
/** Logs without cursor: 40 per 30 minutes. */
const LOGS = { query: { filter: "language::en,workspace_id::w" } };

describe("emulator rate limits", () => {
    it("are on by default: X-RateLimit-* headers, then 429 with Retry-After once the documented limit is used up", async () => {
        const clock = new FakeClock();
        await withEmulator({ now: clock.now }, async (emu) => {
            const assistant = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Limited" } })).body;
            const exportPath = `/v2/assistants/${assistant.assistant_id}/skills_export`;
            const first = await call(emu.url, "GET", exportPath);
            expect(first.status).to.equal(200);
            expect(first.headers.get("x-ratelimit-limit")).to.equal("20");
            expect(first.headers.get("x-ratelimit-remaining")).to.equal("19");
            expect(Number(first.headers.get("x-ratelimit-reset"))).to.equal(Math.ceil((clock.time + HALF_HOUR_MS) / 1000));
            for (let i = 0; i < 19; i++) expect((await call(emu.url, "GET", exportPath)).status).to.equal(200);
            const limited = await call(emu.url, "GET", exportPath);
            expectErrorBody(limited, 429);
            expect(limited.body.error).to.match(/allows 20 requests per 30 minutes/);
            expect(limited.headers.get("retry-after")).to.equal("1800");
            expect(limited.headers.get("x-ratelimit-remaining")).to.equal("0");
            expect(emu.stats().rateLimited).to.equal(1);

            clock.advance(HALF_HOUR_MS);
            expect((await call(emu.url, "GET", exportPath)).status).to.equal(200);
        });
    });

    it("rateLimits: false turns them off: no 429 and no rate-limit headers", async () => {
        await withEmulator({ rateLimits: false }, async (emu) => {
            for (let i = 0; i < 31; i++) {
                const reply = await call(emu.url, "POST", "/v1/workspaces", { body: { name: `w${i}` } });
                expect(reply.status).to.equal(201);
                expect(reply.headers.get("x-ratelimit-limit")).to.equal(null);
            }
        });
    });

    it("sync and async workspace creates share one window of 30 per 30 minutes; updates and deletes count apart", async () => {
        await withEmulator({}, async (emu) => {
            for (let i = 0; i < 15; i++) expect((await call(emu.url, "POST", "/v1/workspaces", { body: { name: `s${i}` } })).status).to.equal(201);
            let last;
            for (let i = 0; i < 15; i++) {
                last = await call(emu.url, "POST", "/v1/workspaces_async", { body: { name: `a${i}` } });
                expect(last.status).to.equal(202);
            }
            expect(last!.headers.get("x-ratelimit-remaining")).to.equal("0");
            expectErrorBody(await call(emu.url, "POST", "/v1/workspaces", { body: { name: "one too many" } }), 429);
            expectErrorBody(await call(emu.url, "POST", "/v1/workspaces_async", { body: { name: "one too many" } }), 429);

            const id = last!.body.workspace_id;
            const update = await call(emu.url, "POST", `/v1/workspaces/${id}`, { body: { description: "still allowed" } });
            expect(update.status).to.equal(200);
            expect(update.headers.get("x-ratelimit-remaining")).to.equal("29");
            const asyncUpdate = await call(emu.url, "POST", `/v1/workspaces_async/${id}`, { body: { description: "async" } });
            expect(asyncUpdate.headers.get("x-ratelimit-remaining")).to.equal("28");
            const removed = await call(emu.url, "DELETE", `/v1/workspaces/${id}`);
            expect(removed.headers.get("x-ratelimit-remaining")).to.equal("29");

            const stats = emu.stats();
            expect(stats.rateLimitedByRoute).to.deep.equal({ "POST /v1/workspaces": 1, "POST /v1/workspaces_async": 1 });
            expect(stats.rateLimitedByBucket).to.deep.equal({ "workspace create": 2 });
        });
    });

    it("export=true reads and the async export share the export window of 20; plain reads have their own", async () => {
        await withEmulator({}, async (emu) => {
            const id = (await call(emu.url, "POST", "/v1/workspaces", { body: { name: "read me" } })).body.workspace_id;
            for (let i = 0; i < 10; i++) expect((await call(emu.url, "GET", `/v1/workspaces/${id}`, { query: { export: true } })).status).to.equal(200);
            let asyncExport;
            for (let i = 0; i < 10; i++) asyncExport = await call(emu.url, "GET", `/v1/workspaces_async/${id}/export`);
            expect(asyncExport!.status).to.equal(200);
            expect(asyncExport!.headers.get("x-ratelimit-limit")).to.equal("20");
            expect(asyncExport!.headers.get("x-ratelimit-remaining")).to.equal("0");
            expectErrorBody(await call(emu.url, "GET", `/v1/workspaces/${id}`, { query: { export: true } }), 429);
            expectErrorBody(await call(emu.url, "GET", `/v1/workspaces_async/${id}/export`), 429);

            const plain = await call(emu.url, "GET", `/v1/workspaces/${id}`);
            expect(plain.status).to.equal(200);
            expect(plain.headers.get("x-ratelimit-limit")).to.equal("6000");
            expect(plain.headers.get("x-ratelimit-remaining")).to.equal("5999");
            expect(emu.stats().rateLimitedByBucket).to.deep.equal({ "workspace export": 2 });
        });
    });

    it("every answer of a limited route carries the headers, errors included", async () => {
        await withEmulator({}, async (emu) => {
            const missing = await call(emu.url, "GET", "/v1/workspaces/nope");
            expectErrorBody(missing, 404);
            expect(missing.headers.get("x-ratelimit-limit")).to.equal("6000");
            const invalid = await call(emu.url, "POST", "/v1/workspaces", { body: { name: "a\nb" } });
            expectErrorBody(invalid, 400);
            expect(invalid.headers.get("x-ratelimit-remaining")).to.equal("29");
        });
    });

    it("a clock scale shortens the windows in wall time; headers and Retry-After tell the wall-clock wait", async () => {
        const clock = new FakeClock();
        // 600 service seconds per wall second: the 30-minute window lasts 3 s.
        await withEmulator({ clockScale: 600, now: clock.now }, async (emu) => {
            const first = await call(emu.url, "GET", "/v1/logs", LOGS);
            expect(Number(first.headers.get("x-ratelimit-reset"))).to.equal(Math.ceil((clock.time + 3000) / 1000));
            for (let i = 0; i < 39; i++) await call(emu.url, "GET", "/v1/logs", LOGS);
            clock.advance(1000);
            const limited = await call(emu.url, "GET", "/v1/logs", LOGS);
            expectErrorBody(limited, 429);
            expect(limited.headers.get("retry-after")).to.equal("2");
            const stats = emu.stats();
            expect(stats.rateLimitWaitWallMs).to.equal(2000);
            expect(stats.rateLimitWaitServiceS).to.equal(1200);

            clock.advance(2000);
            expect((await call(emu.url, "GET", "/v1/logs", LOGS)).status).to.equal(200);
        });
    });

    it("stats count 429s per route with the waits told, and /emulator/stats/reset clears them", async () => {
        const clock = new FakeClock();
        await withEmulator({ now: clock.now }, async (emu) => {
            for (let i = 0; i < 40; i++) await call(emu.url, "GET", "/v1/logs", LOGS);
            clock.advance(600_000);
            await call(emu.url, "GET", "/v1/logs", LOGS);
            await call(emu.url, "GET", "/v1/logs", LOGS);
            const stats = (await call(emu.url, "GET", "/emulator/stats", { version: null })).body;
            expect(stats.rateLimited).to.equal(2);
            expect(stats.rateLimitedByRoute).to.deep.equal({ "GET /v1/logs": 2 });
            expect(stats.rateLimitWaitWallMs).to.equal(2 * 1200_000);
            expect(stats.rateLimitWaitServiceS).to.equal(2 * 1200);

            const cleared = (await call(emu.url, "POST", "/emulator/stats/reset", { version: null })).body;
            expect(cleared).to.include({ rateLimited: 0, rateLimitWaitWallMs: 0, rateLimitWaitServiceS: 0 });
            expect(cleared.rateLimitedByRoute).to.deep.equal({});
        });
    });
});
