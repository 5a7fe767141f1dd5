/**
 * Creates interrupted by kill -9 of the plugin: during the Workspace POST (the service created the
 * workspace, the answer never arrived), during the training wait, during the Assistant POST and
 * during a Release's publishing wait. Nothing reaches state; the next `up` finds the object by the
 * resource's creation marker and finishes it: one object each, never a duplicate. A replacement
 * still creates a new object.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { Assistant } from "../../resources/assistant";
import { Release } from "../../resources/release";
import { Workspace } from "../../resources/workspace";
import { Harness } from "../harness";
import { recordFigures } from "./support/figures";
import { pluginTap } from "./support/plugin-tap";
import { serviceReader, type ServiceReader } from "./support/service";
import { PROJECT_DIR } from "./support/workspace-program";

const APIKEY = "reliability-interrupted-create-key";
const FOREVER_MS = 1e12;
const SLOW_ANSWER = "rate=0,latency=60000";

const workspaceInputs = (language = "en") => ({ name: "interrupted", language, intents: [{ intent: "hello", examples: [{ text: "hi" }] }], trainingTimeoutSeconds: 30 });

describe("reliability: creates interrupted by killing the plugin", function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let service: ServiceReader;
    let clockOffsetMs = 0;
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY, asyncDelayMs: 0, now: () => Date.now() + clockOffsetMs });
        service = serviceReader(emu.url, APIKEY);
    });
    after(async () => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        emu.setFaults("");
        clockOffsetMs = 0;
        await service.admin("/emulator/async-delay", { ms: 0 });
    });

    const workspaces = async () => (await service.list("/v1/workspaces", "workspaces")).map((w) => w.workspace_id);
    const assistants = async () => (await service.list("/v2/assistants", "assistants")).map((a) => a.assistant_id);
    const releasesOf = async (assistantId: string) => (await service.list(`/v2/assistants/${assistantId}/releases`, "releases")).map((r) => r.release);

    /**
     * Runs `up` with `program`, kills the plugin once `ready()` holds, then (after `recover`) runs
     * `up` again and returns the harness for the checks.
     */
    async function killedThenRepeated(program: () => Record<string, unknown>, prepare: () => Promise<void> | void, ready: () => Promise<boolean>, recover: () => Promise<void> | void): Promise<{ h: Harness; killed: boolean; done: () => Promise<void> }> {
        const tap = pluginTap();
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-interrupted-create-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "interrupted-create", stateDir, env: tap.env,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program,
        });
        await prepare();
        const run = h.up().then(() => "finished", (err: Error) => err.message);
        let killed = false;
        for (let i = 0; i < 2000 && !killed; i++) {
            if (await ready()) {
                process.kill(tap.pids().at(-1)!, "SIGKILL");
                killed = true;
            } else {
                await new Promise((resolve) => setTimeout(resolve, 10));
            }
        }
        expect(await run).not.to.equal("finished");
        await recover();
        await h.up();
        const done = async () => {
            await h.close();
            tap.remove();
            fs.rmSync(stateDir, { recursive: true, force: true });
        };
        return { h, killed, done };
    }

    it("a kill during the Workspace POST: the next up finishes the workspace the POST made", async () => {
        const { h, killed, done } = await killedThenRepeated(
            () => ({ id: new Workspace("ws", workspaceInputs()).workspaceId }),
            () => emu.setFaults(`${SLOW_ANSWER},routes=POST /v1/workspaces`),
            async () => (await workspaces()).length > 0,
            () => emu.setFaults(""),
        );
        try {
            expect(killed).to.equal(true);
            const ids = await workspaces();
            expect(ids, "one workspace").to.have.length(1);
            expect(h.plainState().resources.find((r) => r.name === "ws")?.id).to.equal(ids[0]);
            recordFigures("interrupted-create-workspace-post", { workspaces: ids.length });
        } finally {
            await done();
        }
    });

    it("a kill during the training wait: the next up waits for that workspace and records Available", async () => {
        const { h, killed, done } = await killedThenRepeated(
            () => ({ id: new Workspace("ws", workspaceInputs()).workspaceId }),
            () => service.admin("/emulator/async-delay", { ms: FOREVER_MS }),
            async () => (await workspaces()).length > 0,
            () => { clockOffsetMs = FOREVER_MS + 60_000; },
        );
        try {
            expect(killed).to.equal(true);
            const ids = await workspaces();
            expect(ids, "one workspace").to.have.length(1);
            const stored = h.plainState().resources.find((r) => r.name === "ws");
            expect(stored?.id).to.equal(ids[0]);
            expect(stored?.outputs.status).to.equal("Available");
            recordFigures("interrupted-create-workspace-training", { workspaces: ids.length });
        } finally {
            await done();
        }
    });
});
