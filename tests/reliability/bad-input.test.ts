/**
 * The bad-input corpus (fixtures/invalid-inputs.ts): every invalid input is refused by check
 * with a failure that names the property and the rule, before any API call (the emulator's
 * stats stay at zero). A few go through the engine path to show the run reports them.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { Harness } from "../../drivers/harness";
import { directResource } from "../support/direct";
import { everyTestPassed, recordFigures } from "./support/figures";
import { PROJECT_DIR } from "./support/workspace-program";
import { INVALID_INPUTS } from "./fixtures/invalid-inputs";
import { Workspace } from "../../resources/workspace";
import { EnvironmentDeployment } from "../../resources/environment-deployment";
import { Intent } from "../../resources/intent";

const APIKEY = "reliability-bad-input-key";

describe("reliability: invalid inputs are refused before any API call", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY });
    });
    after(async function () {
        const apiCalls = emu.stats().total;
        expect(apiCalls, "API calls during the whole corpus").to.equal(0);
        await emu.stop();
        const types = new Set(INVALID_INPUTS.map((c) => c.type));
        if (everyTestPassed(this)) recordFigures("bad-input", { corpus: INVALID_INPUTS.length, resourceTypes: types.size, apiCalls });
    });

    it("holds at least 80 cases across all nine resource types", () => {
        expect(INVALID_INPUTS.length).to.be.at.least(80);
        expect(new Set(INVALID_INPUTS.map((c) => c.type)).size).to.equal(9);
    });

    for (const bad of INVALID_INPUTS) {
        it(`${bad.type}: ${bad.title} -> ${bad.property}`, async () => {
            const resource = directResource(bad.type, { url: emu.url, apikey: APIKEY, iamUrl: emu.url });
            const { failures } = await resource.check(bad.inputs);
            const named = (failures ?? []).filter((f) => f.property === bad.property);
            expect(named, `failures: ${JSON.stringify(failures)}`).not.to.be.empty;
            expect(named.some((f) => bad.reason.test(f.reason)), `reasons for ${bad.property}: ${JSON.stringify(named)}`).to.equal(true);
            expect(emu.stats().total).to.equal(0);
        });
    }

    it("through the engine, a run with invalid inputs fails listing each element by key, its value and rule, with no API call", async () => {
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-bad-input-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "bad-input", stateDir,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program: () => {
                new Workspace("ws", { name: "ws", intents: [{ intent: "sys-help" }], dialogNodes: [{ dialogNode: "a", parent: "ghost" }] });
                new EnvironmentDeployment("draft", { assistantId: "a1", environment: "draft", release: "1" });
                new Intent("blank", { workspaceId: "w1", intent: "ok", examples: [{ text: "   " }] });
            },
        });
        try {
            const err: Error = await h.up().then(() => undefined as any, (e) => e);
            expect(err).to.be.instanceOf(Error);
            // Elements named by their keys, with the offending value.
            expect(err.message).to.include('intents[#sys-help].intent = "sys-help"');
            expect(err.message).to.include('dialogNodes[a].parent = "ghost"');
            expect(emu.stats().total).to.equal(0);
            expect(fs.existsSync(h.statePath) ? h.plainState().resources.filter((r) => r.custom) : []).to.deep.equal([]);
        } finally {
            await h.close();
            fs.rmSync(stateDir, { recursive: true, force: true });
        }
    });
});
