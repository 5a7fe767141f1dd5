/**
 * The engine path under faults: the real examples/gitops-promotion program (three stacks) and the
 * large-workspace program, each driven through the harness (real plugin server, real program)
 * while the emulator fails 20% of requests with jittered latency. Fewer seeds than the in-process
 * runs (faults-workspace / faults-gitops): each harness run spawns a plugin and the plugin's
 * retries wait in real time (429s ask for 1 s).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { Harness } from "../../drivers/harness";
import { declaredSummary, intentSummary, liveSummary } from "./support/content";
import { faultyRunner } from "./support/faults";
import { everyTestPassed, recordFigures } from "./support/figures";
import { expectGitopsService, GITOPS_CONTENT, GITOPS_DIR, GITOPS_EDITED } from "./support/gitops";
import { EmulatorClient } from "../../drivers/emulator-client";
import { declaredBig, declaredIntents, hostWorkspace, PROJECT_DIR, type Variant, workspaceProgram } from "./support/workspace-program";
import { contentDigests, storedDigests } from "../support/stored-content";
import { unpack } from "../../provider/bridge/packing";
import { spec as intentSpec } from "../../resources/intent/spec";

const APIKEY = "reliability-harness-key";
const SEEDS = [1, 2];

describe("reliability: engine-path runs under 20% faults (harness)", function () {
    this.timeout(180_000);
    let emu: RunningEmulator;
    let service: EmulatorClient;
    let workDir: string;
    const totals: Record<string, number> = {};
    const harnesses: Harness[] = [];
    /** Seeded runs that reached their last assertion. */
    let runs = 0;

    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY, asyncDelayMs: 0 });
        service = new EmulatorClient(emu.url, { apikey: APIKEY });
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-harness-"));
    });
    after(async function () {
        for (const h of harnesses) await h.close();
        await emu.stop();
        fs.rmSync(workDir, { recursive: true, force: true });
        if (everyTestPassed(this)) recordFigures("faults-harness", { runs, ...totals });
    });

    function harness(options: { projectDir: string; stack: string; stateDir: string; config?: Record<string, string>; program?: any }): Harness {
        const h = new Harness({
            ...options,
            config: { "watson-assistant:url": emu.url, "watson-assistant:authType": "iam", "watson-assistant:iamUrl": emu.url, "watson-assistant:maxRetries": "8", ...options.config },
            secretConfig: { "watson-assistant:apikey": APIKEY },
        });
        harnesses.push(h);
        return h;
    }

    const faulty = faultyRunner(() => emu, totals, { engineRuns: 1 });

    for (const seed of SEEDS) {
        it(`seed ${seed}: the GitOps example (dev, staging, prod) deploys, promotes and destroys to exactly the declared state`, async () => {
            await emu.reset();
            const stateDir = path.join(workDir, `gitops-${seed}`);
            const contentFile = path.join(workDir, `actions-${seed}.json`);
            fs.writeFileSync(contentFile, JSON.stringify(GITOPS_CONTENT));
            const name = `GitOps ${seed}`;
            const dev = harness({ projectDir: GITOPS_DIR, stack: "dev", stateDir, config: { contentFile, assistantName: name } });
            const first = await faulty(seed, 1, () => dev.up());
            const assistantId = first.outputs.assistantId as string;
            await service.admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });
            const staging = harness({ projectDir: GITOPS_DIR, stack: "staging", stateDir, config: { release: "1" } });
            const prod = harness({ projectDir: GITOPS_DIR, stack: "prod", stateDir, config: { release: "1" } });
            await faulty(seed, 2, () => staging.up());
            await faulty(seed, 3, () => prod.up());
            await expectGitopsService(service, { assistantName: name, content: GITOPS_CONTENT, releases: ["1"], environments: { draft: undefined, live: "1", staging: "1" } });

            fs.writeFileSync(contentFile, JSON.stringify(GITOPS_EDITED));
            const second = await faulty(seed, 4, () => dev.up());
            expect(second.outputs.latestRelease).to.equal("2");
            staging.setConfig("release", "2");
            prod.setConfig("release", "2");
            await faulty(seed, 5, () => staging.up());
            await faulty(seed, 6, () => prod.up());
            expect(await expectGitopsService(service, { assistantName: name, content: GITOPS_EDITED, releases: ["1", "2"], environments: { draft: undefined, live: "2", staging: "2" } })).to.equal(assistantId);
            const stored = dev.plainState().resources.filter((r) => r.type.endsWith(":Release"));
            expect(stored.map((r) => r.outputs.release), "state holds the current release only").to.deep.equal(["2"]);

            await faulty(seed, 7, () => prod.destroy());
            await faulty(seed, 8, () => staging.destroy());
            await faulty(seed, 9, () => dev.destroy());
            expect(await service.list("/v2/assistants", "assistants")).to.deep.equal([]);
            runs++;
        });
    }

    for (const seed of SEEDS) {
        it(`seed ${seed}: the large-workspace program deploys, edits and destroys to exactly the declared state, and state matches the service`, async () => {
            await emu.reset();
            let variant: Variant = "initial";
            const names = { big: `big-${seed}`, host: `host-${seed}` };
            const h = harness({ projectDir: PROJECT_DIR, stack: `ws-${seed}`, stateDir: path.join(workDir, `ws-${seed}`), program: workspaceProgram(names, () => variant) });

            for (const [phase, next] of [[1, "initial"], [2, "edited"]] as const) {
                variant = next;
                await faulty(seed, phase, () => h.up());
                const big = declaredBig(names.big, variant);
                const intents = declaredIntents(variant).map(([, intent]) => intent);
                const live = await service.list("/v1/workspaces", "workspaces");
                expect(live.map((w) => w.name).sort()).to.deep.equal([names.big, names.host].sort());
                const byName = Object.fromEntries(live.map((w) => [w.name, w.workspace_id]));
                const bigLive = liveSummary(await service.get(`/v1/workspaces/${byName[names.big]}`, { export: "true" }));
                expect(bigLive).to.deep.equal(declaredSummary(big));
                const hostLive = liveSummary(await service.get(`/v1/workspaces/${byName[names.host]}`, { export: "true" }));
                expect(hostLive.intents).to.deep.equal(Object.fromEntries(intents.map((i) => [i.intent, intentSummary(i)])));
                expect({ ...hostLive, intents: {} }).to.deep.equal({ ...declaredSummary(hostWorkspace(names.host)), intents: {} });

                // The state claims exactly what the service has.
                const state = h.plainState().resources;
                const bigState = state.find((r) => r.name === "big")!;
                expect(storedDigests(bigState.outputs)).to.deep.equal(contentDigests(big));
                const intentStates = state.filter((r) => r.type.endsWith(":Intent")).map((r) => unpack(r.outputs as Record<string, unknown>, intentSpec.packed!));
                expect(Object.fromEntries(intentStates.map((i) => [i.intent, intentSummary(i)]))).to.deep.equal(hostLive.intents);
            }
            await faulty(seed, 3, () => h.destroy());
            expect(await service.list("/v1/workspaces", "workspaces")).to.deep.equal([]);
            runs++;
        });
    }
});
