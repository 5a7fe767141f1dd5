/**
 * Asynchronous work that never finishes (the emulator's async delay set to "forever"): waits time
 * out after the configured `waitTimeoutSeconds` with a message naming the object and its last
 * status. A release that timed out is recorded in state (PartialFailure), so that the next `up`
 * waits for it instead of cutting a second one.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RunningEmulator } from "watson-assistant-emulator";
import { Harness } from "../../drivers/harness";
import { Assistant } from "../../resources/assistant";
import { Release } from "../../resources/release";
import { checked } from "../support/direct";
import { directSession } from "./support/direct-session";
import { useAsyncEmulator } from "./support/async-emulator";
import type { EmulatorClient } from "../../drivers/emulator-client";
import { PROJECT_DIR } from "./support/workspace-program";

const APIKEY = "reliability-async-key";

describe("reliability: asynchronous waits that never finish", function () {
    this.timeout(60_000);
    const emulator = useAsyncEmulator(APIKEY);
    let emu: RunningEmulator;
    let service: EmulatorClient;
    beforeEach(() => ({ emu, service } = emulator()));

    const session = () => directSession({ url: emu.url, apikey: APIKEY, iamUrl: emu.url });

    it("a release that stays Processing times out naming the release, its assistant and the status", async () => {
        const s = session();
        const assistant = await s.resource("Assistant").create(await checked(s.resource("Assistant"), { name: "slow" }));
        await emulator().neverFinish();
        const release = s.resource("Release");
        const err: Error = await release.create(await checked(release, { assistantId: assistant.id, waitTimeoutSeconds: 0.3 })).then(() => undefined as any, (e) => e);
        expect(err.message).to.match(/Timed out after [\d.]+ (ms|s) waiting for release 1 of assistant /);
        expect(err.message).to.include(assistant.id);
        expect(err.message).to.include('status is still "Processing"');
        expect((err as any).id, "the release is recorded, not forgotten").to.equal(`${assistant.id}/1`);
        expect((await service.list(`/v2/assistants/${assistant.id}/releases`, "releases")).map((r) => r.release)).to.deep.equal(["1"]);
    });

    it("training that never finishes times out naming the workspace and its last status, and keeps the workspace", async () => {
        const s = session();
        await emulator().neverFinish();
        const workspace = s.resource("Workspace");
        const inputs = await checked(workspace, { name: "slow training", intents: [{ intent: "hello", examples: [{ text: "hi" }] }], trainingTimeoutSeconds: 0.3 });
        const err: Error = await workspace.create(inputs).then(() => undefined as any, (e) => e);
        expect(err.message).to.match(/waiting for training of workspace \S+/);
        expect(err.message).to.include('status is still "Training"');
        expect((err as any).id, "the workspace is recorded, not forgotten").to.be.a("string").and.not.equal("");
        expect((await service.list("/v1/workspaces", "workspaces")).map((w) => w.workspace_id)).to.deep.equal([(err as any).id]);
    });

    it("a skill update that stays Processing times out naming the skill and the status", async () => {
        const s = session();
        const a = (await s.resource("Assistant").create(await checked(s.resource("Assistant"), { name: "slow skill" }))).outs;
        await emulator().neverFinish();
        const skill = s.resource("Skill");
        const inputs = await checked(skill, { assistantId: a.assistantId, skillId: a.actionSkillId, workspace: { actions: [] }, waitTimeoutSeconds: 0.3 });
        const err: Error = await skill.create(inputs).then(() => undefined as any, (e) => e);
        expect(err.message).to.include(`waiting for skill ${a.actionSkillId} of assistant ${a.assistantId}`);
        expect(err.message).to.include('status is still "Processing"');
    });

    it("through the engine: the timed-out release is kept in state and the next up waits for it instead of cutting another", async () => {
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-async-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "slow-release", stateDir,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program: () => {
                const assistant = new Assistant("assistant", { name: "slow release" });
                const release = new Release("release", { assistantId: assistant.assistantId, waitTimeoutSeconds: 0.3 });
                return { release: release.release, status: release.status };
            },
        });
        try {
            await emulator().neverFinish();
            const err: Error = await h.up().then(() => undefined as any, (e) => e);
            expect(err.message).to.match(/waiting for release 1 of assistant .*status is still "Processing"/);
            const stored = h.plainState().resources.find((r) => r.name === "release");
            expect(stored?.outputs).to.include({ release: "1", status: "Processing" });

            // The publishing finishes (the service's clock passes the delay); the next up adopts it.
            emulator().finishAll();
            const next = await h.up();
            expect(next.outputs).to.deep.include({ release: "1", status: "Available" });
            const assistantId = h.plainState().resources.find((r) => r.name === "assistant")!.id;
            expect((await service.list(`/v2/assistants/${assistantId}/releases`, "releases")).map((r) => r.release), "no second release").to.deep.equal(["1"]);
            await h.destroy();
        } finally {
            await h.close();
            fs.rmSync(stateDir, { recursive: true, force: true });
        }
    });
});
