import { expect } from "chai";
import * as http from "http";
import { call, expectErrorBody, startEmulator, type RunningEmulator } from "../support/emulator";

describe("emulator HTTP core", () => {
    let emu: RunningEmulator;
    before(async () => (emu = await startEmulator({})));
    after(() => emu.stop());
    beforeEach(() => emu.reset());

    it("binds to 127.0.0.1 and serves the API under the printed url", async () => {
        expect(emu.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect((await call(emu.url, "GET", "/v2/assistants")).status).to.equal(200);
    });

    it("rejects a missing version parameter with 400 in the documented error format", async () => {
        const reply = await call(emu.url, "GET", "/v2/assistants", { version: null });
        expectErrorBody(reply, 400);
        expect(reply.body.errors[0].path).to.equal("version");
    });

    it("rejects malformed and impossible version dates", async () => {
        for (const version of ["2024-8-25", "yesterday", "2024-02-30"]) {
            expectErrorBody(await call(emu.url, "GET", "/v2/assistants", { version }), 400);
        }
    });

    it("answers unknown routes with 404 and wrong methods with 405, both in the error format", async () => {
        expectErrorBody(await call(emu.url, "GET", "/v2/unknown"), 404);
        const wrongMethod = await call(emu.url, "PUT", "/v2/assistants");
        expectErrorBody(wrongMethod, 405);
        expect(wrongMethod.headers.get("allow")).to.contain("POST");
    });

    it("rejects invalid JSON bodies with 400", async () => {
        const response = await fetch(`${emu.url}/v2/assistants?version=2024-08-25`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: "{not json",
        });
        expect(response.status).to.equal(400);
        expect(((await response.json()) as any).code).to.equal(400);
    });

    it("rejects bodies over 50 MB with 413", async () => {
        const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
            const req = http.request(`${emu.url}/v2/assistants?version=2024-08-25`, {
                method: "POST",
                headers: { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024 + 1) },
            });
            req.on("response", (res) => {
                let body = "";
                res.on("data", (chunk) => (body += chunk));
                res.on("end", () => resolve({ status: res.statusCode!, body }));
            });
            req.on("error", reject);
            req.write("{");
        });
        expect(status.status).to.equal(413);
        expect(JSON.parse(status.body).code).to.equal(413);
    });

    it("counts a 413 under the route template, like every other answer", async () => {
        const status = await new Promise<number>((resolve, reject) => {
            const req = http.request(`${emu.url}/v1/workspaces/ws-1/intents?version=2021-06-14`, {
                method: "POST",
                headers: { "Content-Type": "application/json", "Content-Length": String(50 * 1024 * 1024 + 1) },
            });
            req.on("response", (res) => {
                res.resume();
                res.on("end", () => resolve(res.statusCode!));
            });
            req.on("error", reject);
            req.write("{");
        });
        expect(status).to.equal(413);
        expect(emu.stats().byRoute).to.deep.equal({ "POST /v1/workspaces/{workspace_id}/intents": 1 });
        expect(emu.stats().byStatus).to.deep.equal({ "413": 1 });
    });

    it("counts API calls by route template, method and status, but not admin calls", async () => {
        const created = await call(emu.url, "POST", "/v2/assistants", { body: { name: "Counted" } });
        await call(emu.url, "GET", `/v2/assistants/${created.body.assistant_id}/environments`);
        await call(emu.url, "GET", "/emulator/stats", { version: null });
        const stats = (await call(emu.url, "GET", "/emulator/stats", { version: null })).body;
        expect(stats.total).to.equal(2);
        expect(stats.byRoute).to.deep.equal({ "POST /v2/assistants": 1, "GET /v2/assistants/{assistant_id}/environments": 1 });
        expect(stats.byMethod).to.deep.equal({ POST: 1, GET: 1 });
        expect(stats.byStatus).to.deep.equal({ "200": 2 });
        expect(stats.bytesReceived).to.be.greaterThan(0);
        expect(stats.bytesSent).to.be.greaterThan(0);
        expect(emu.stats()).to.deep.equal(stats);
    });

    it("resetStats clears the counters but keeps the state", async () => {
        await call(emu.url, "POST", "/v2/assistants", { body: { name: "Kept" } });
        emu.resetStats();
        expect(emu.stats().total).to.equal(0);
        await call(emu.url, "POST", "/emulator/stats/reset", { version: null });
        const list = await call(emu.url, "GET", "/v2/assistants");
        expect(list.body.assistants).to.have.length(1);
    });

    it("POST /emulator/reset clears state and stats", async () => {
        await call(emu.url, "POST", "/v2/assistants", { body: { name: "Gone" } });
        await call(emu.url, "POST", "/emulator/reset", { version: null });
        expect(emu.stats().total).to.equal(0);
        expect((await call(emu.url, "GET", "/v2/assistants")).body.assistants).to.deep.equal([]);
    });
});
