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
import type { RunningEmulator } from "watson-assistant-emulator";
import { Assistant } from "../../resources/assistant";
import { Release } from "../../resources/release";
import { Workspace } from "../../resources/workspace";
import { Harness } from "../../drivers/harness";
import { recordFigures } from "./support/figures";
import { pluginTap } from "./support/plugin-tap";
import { URN_KEY } from "../../provider/bridge/creation-marker";
import { useAsyncEmulator } from "./support/async-emulator";
import { checked } from "../support/direct";
import { directSession } from "./support/direct-session";
import type { EmulatorClient } from "../../drivers/emulator-client";
import { PROJECT_DIR } from "./support/workspace-program";

const APIKEY = "reliability-interrupted-create-key";
const SLOW_ANSWER = "rate=0,latency=60000";

const workspaceInputs = (language = "en") => ({ name: "interrupted", language, intents: [{ intent: "hello", examples: [{ text: "hi" }] }], trainingTimeoutSeconds: 30 });

describe("reliability: creates interrupted by killing the plugin", function () {
    this.timeout(120_000);
    const emulator = useAsyncEmulator(APIKEY);
    let emu: RunningEmulator;
    let service: EmulatorClient;
    beforeEach(() => ({ emu, service } = emulator()));

    const workspaces = async () => (await service.list("/v1/workspaces", "workspaces")).map((w) => w.workspace_id);
    const assistants = async () => (await service.list("/v2/assistants", "assistants")).map((a) => a.assistant_id);
    const releasesOf = async (assistantId: string) => (await service.list(`/v2/assistants/${assistantId}/releases`, "releases")).map((r) => r.release);

    interface KillScenario {
        program: () => Record<string, unknown>;
        /** Runs before the interrupted `up` (e.g. an `up` that creates what the resource needs). */
        setup?: (h: Harness) => Promise<void>;
        /** Slows the service down where the kill should land. */
        prepare: () => Promise<unknown> | void;
        /** When to kill the plugin. */
        ready: () => Promise<boolean>;
        /** Undoes `prepare` before the next `up`. */
        recover: () => Promise<unknown> | void;
    }

    /** Runs `up`, kills the plugin (SIGKILL) once `ready()` holds, then runs `up` again. */
    async function killedThenRepeated(scenario: KillScenario): Promise<{ h: Harness; killed: boolean; done: () => Promise<void> }> {
        const tap = pluginTap();
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-interrupted-create-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "interrupted-create", stateDir, env: tap.env,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program: scenario.program,
        });
        const done = async () => {
            await h.close();
            tap.remove();
            fs.rmSync(stateDir, { recursive: true, force: true });
        };
        try {
            await scenario.setup?.(h);
            await scenario.prepare();
            const run = h.up().then(() => "finished", (err: Error) => err.message);
            let killed = false;
            for (let i = 0; i < 2000 && !killed; i++) {
                if (await scenario.ready()) {
                    process.kill(tap.pids().at(-1)!, "SIGKILL");
                    killed = true;
                } else {
                    await new Promise((resolve) => setTimeout(resolve, 10));
                }
            }
            expect(await run).not.to.equal("finished");
            await scenario.recover();
            await h.up();
            return { h, killed, done };
        } catch (err) {
            await done();
            throw err;
        }
    }

    it("a kill during the Workspace POST: the next up finishes the workspace the POST made", async () => {
        const { h, killed, done } = await killedThenRepeated({
            program: () => ({ id: new Workspace("ws", workspaceInputs()).workspaceId }),
            prepare: () => emu.setFaults(`${SLOW_ANSWER},routes=POST /v1/workspaces`),
            ready: async () => (await workspaces()).length > 0,
            recover: () => emu.setFaults(""),
        });
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
        const { h, killed, done } = await killedThenRepeated({
            program: () => ({ id: new Workspace("ws", workspaceInputs()).workspaceId }),
            prepare: () => emulator().neverFinish(),
            ready: async () => (await workspaces()).length > 0,
            recover: () => emulator().finishAll(),
        });
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

    it("a kill during the Assistant POST: the next up uses the assistant the POST made", async () => {
        const { h, killed, done } = await killedThenRepeated({
            program: () => ({ id: new Assistant("assistant", { name: "interrupted", description: "kept as declared" }).assistantId }),
            prepare: () => emu.setFaults(`${SLOW_ANSWER},routes=POST /v2/assistants`),
            ready: async () => (await assistants()).length > 0,
            recover: () => emu.setFaults(""),
        });
        try {
            expect(killed).to.equal(true);
            const ids = await assistants();
            expect(ids, "one assistant").to.have.length(1);
            const stored = h.plainState().resources.find((r) => r.name === "assistant");
            expect(stored?.id).to.equal(ids[0]);
            expect(stored?.outputs.description, "the marker is not part of the description in state").to.equal("kept as declared");
            expect((await h.up()).steps.filter((s) => s.op !== "same"), "no drift after").to.deep.equal([]);
            recordFigures("interrupted-create-assistant-post", { assistants: ids.length });
        } finally {
            await done();
        }
    });

    it("a kill during a Release's publishing wait: the next up waits for that release instead of cutting another", async () => {
        let withRelease = false;
        let assistantId = "";
        const { h, killed, done } = await killedThenRepeated({
            program: () => {
                const assistant = new Assistant("assistant", { name: "interrupted release" });
                if (withRelease) new Release("release", { assistantId: assistant.assistantId, description: "first", waitTimeoutSeconds: 30 });
                return { id: assistant.assistantId };
            },
            setup: async (h) => {
                await h.up();
                [assistantId] = await assistants();
                withRelease = true;
            },
            prepare: () => emulator().neverFinish(),
            ready: async () => (await releasesOf(assistantId)).length > 0,
            recover: () => emulator().finishAll(),
        });
        try {
            expect(killed).to.equal(true);
            const releases = await releasesOf(assistantId);
            expect(releases, "one release").to.deep.equal(["1"]);
            const stored = h.plainState().resources.find((r) => r.name === "release");
            expect(stored?.outputs).to.include({ release: "1", status: "Available", description: "first" });
            recordFigures("interrupted-create-release-publishing", { releases: releases.length });
        } finally {
            await done();
        }
    });

    it("a Workspace create whose answer was lost with maxRetries 0 fails, and the repeated create finds its workspace", async () => {
        const session = directSession({ url: emu.url, apikey: APIKEY, iamUrl: emu.url, maxRetries: "0" });
        const workspace = session.resource("Workspace");
        // The program passes the URN; a direct session passes it by hand.
        const inputs = await checked(workspace, { ...workspaceInputs(), [URN_KEY]: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/watson-assistant:Workspace::ws" });
        // After the marker lookup, the create's answer is lost, and so is the lookup that would have found its workspace.
        emu.setFaults("rate=1,after=1,count=2,kinds=reset-after,routes=/v1/workspaces");
        const lost = await workspace.create(inputs).then(() => undefined, (err: Error) => err);
        expect(lost, "the create failed").to.be.instanceOf(Error);
        emu.setFaults("");
        expect(await workspaces(), "the lost create made a workspace").to.have.length(1);
        const repeated = await workspace.create(inputs);
        const created = await workspaces();
        expect(created).to.deep.equal([repeated.id]);
        recordFigures("interrupted-create-max-retries-0", { workspaces: created.length });
    });

    for (const [what, change] of [
        ["a changed language", { language: "fr" }],
        ["the same identifying inputs (replaceOnChanges on the name)", { name: "renamed" }],
    ] as const) {
        it(`a replacement with ${what} still creates a new workspace`, async () => {
            let declared: Record<string, unknown> = workspaceInputs();
            const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-replace-"));
            const h = new Harness({
                projectDir: PROJECT_DIR, stack: "replace", stateDir,
                config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
                secretConfig: { "watson-assistant:apikey": APIKEY },
                program: () => ({ id: new Workspace("ws", declared as any, { replaceOnChanges: ["name"] }).workspaceId }),
            });
            try {
                await h.up();
                const [first] = await workspaces();
                declared = { ...declared, ...change };
                const replaced = await h.up();
                expect(replaced.steps.find((s) => s.name === "ws")?.op).to.equal("replace");
                const ids = await workspaces();
                expect(ids).to.have.length(1);
                expect(ids[0], "a new workspace").not.to.equal(first);
                expect(h.plainState().resources.find((r) => r.name === "ws")?.id).to.equal(ids[0]);
            } finally {
                await h.close();
                fs.rmSync(stateDir, { recursive: true, force: true });
            }
        });
    }
});
