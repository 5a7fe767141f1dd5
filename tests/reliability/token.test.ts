/**
 * Credentials at run time: an IAM token that expires in the middle of a run is exchanged again
 * exactly once and the run goes on; a wrong API key fails at once with a clear 401 message, with
 * no retry loop and no API call.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { Harness } from "../../drivers/harness";
import { declaredSummary, liveSummary } from "./support/content";
import { checked } from "../support/direct";
import { directSession } from "./support/direct-session";
import { recordFigures } from "./support/figures";
import { EmulatorClient } from "../../drivers/emulator-client";
import { PROJECT_DIR } from "./support/workspace-program";
import { editedWorkspace, largeWorkspace } from "./fixtures/large-workspace";
import { Workspace } from "../../resources/workspace";

const APIKEY = "reliability-token-key";
const TOKEN_ROUTE = "POST /identity/token";

describe("reliability: tokens and wrong credentials", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    /** The emulator's clock runs this far ahead of real time (token expiry is judged on it). */
    let clockOffsetMs = 0;
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY, asyncDelayMs: 0, tokenTtlSeconds: 3600, now: () => Date.now() + clockOffsetMs });
    });
    after(async () => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        clockOffsetMs = 0;
    });

    it("an IAM token that expires mid-update is refreshed once and the update completes", async () => {
        const session = directSession({ url: emu.url, apikey: APIKEY, iamUrl: emu.url });
        const workspace = session.resource("Workspace");
        const created = await workspace.create(await checked(workspace, largeWorkspace("token")));
        emu.resetStats();
        // Two hours pass on the service's clock after the 5th element call: the cached token is now expired.
        const watcher = setInterval(() => {
            const calls = Object.entries(emu.stats().byRoute).filter(([r]) => r.includes("/v1/workspaces/{workspace_id}/")).reduce((n, [, c]) => n + c, 0);
            if (calls >= 5 && clockOffsetMs === 0) clockOffsetMs = 2 * 3600_000;
        }, 1);
        try {
            await workspace.update(created.id, created.outs, await checked(workspace, editedWorkspace("token"), created.outs));
        } finally {
            clearInterval(watcher);
        }
        const stats = emu.stats();
        expect(clockOffsetMs, "the clock jumped mid-run").to.be.greaterThan(0);
        expect(stats.byStatus["401"], "one request met the expired token").to.equal(1);
        expect(stats.byRoute[TOKEN_ROUTE], "one new token exchange").to.equal(1);
        const exported = await new EmulatorClient(emu.url, { apikey: APIKEY }).get(`/v1/workspaces/${created.id}`, { export: "true" });
        expect(liveSummary(exported)).to.deep.equal(declaredSummary(editedWorkspace("token")));
        recordFigures("token-expiry", { unauthorizedResponses: stats.byStatus["401"], tokenExchangesAfterExpiry: stats.byRoute[TOKEN_ROUTE], elementCalls: stats.total - 2 });
    });

    it("a wrong API key fails at once with a clear 401 message and no API call (IAM)", async () => {
        const session = directSession({ url: emu.url, apikey: "not-the-right-key", iamUrl: emu.url, maxRetries: "8" });
        const workspace = session.resource("Workspace");
        const err: Error = await workspace.create(await checked(workspace, { name: "never" })).then(() => undefined as any, (e) => e);
        expect(err, "the create failed").to.be.instanceOf(Error);
        expect(err.message).to.match(/401/);
        expect(err.message).to.match(/check your credentials/i);
        expect(err.message).to.include("watson-assistant:apikey");
        const stats = emu.stats();
        expect(Object.keys(stats.byRoute).filter((r) => r !== TOKEN_ROUTE), "no API call").to.deep.equal([]);
        expect(stats.byRoute[TOKEN_ROUTE], "at most one fresh exchange after the first refusal").to.be.at.most(2);
        recordFigures("wrong-key-iam", { tokenAttempts: stats.byRoute[TOKEN_ROUTE], apiCalls: stats.total - stats.byRoute[TOKEN_ROUTE] });
    });

    it("a wrong API key sent as basic credentials fails at once with a clear 401 message (one API call)", async () => {
        const session = directSession({ url: emu.url, authType: "basic", username: "apikey", password: "not-the-right-key", maxRetries: "8" });
        const workspace = session.resource("Workspace");
        const err: Error = await workspace.create(await checked(workspace, { name: "never" })).then(() => undefined as any, (e) => e);
        expect(err.message).to.match(/401/);
        expect(err.message).to.match(/username and password/);
        expect(emu.stats().total, "one refused call, not retried").to.equal(1);
    });

    it("a wrong API key fails an engine run with the 401 message", async () => {
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-token-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "wrong-key", stateDir,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": "not-the-right-key" },
            program: () => {
                new Workspace("never", { name: "never" });
            },
        });
        try {
            const err: Error = await h.up().then(() => undefined as any, (e) => e);
            expect(err.message).to.match(/401/);
            expect(err.message).to.match(/check your credentials/i);
            expect(err.message).not.to.include("not-the-right-key");
            expect(Object.keys(emu.stats().byRoute).filter((r) => r !== TOKEN_ROUTE)).to.deep.equal([]);
        } finally {
            await h.close();
            fs.rmSync(stateDir, { recursive: true, force: true });
        }
    });
});
