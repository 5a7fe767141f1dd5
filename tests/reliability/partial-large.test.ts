/**
 * A Workspace whose create or update succeeded but whose training wait failed is recorded through
 * the engine path (the plugin's ErrorResourceInitFailed trailer) even when its content is large,
 * and the next `up` finishes it: no second workspace, the real training status in state.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workspace } from "../../resources/workspace";
import { Harness } from "../../drivers/harness";
import { recordFigures } from "./support/figures";
import { useAsyncEmulator } from "./support/async-emulator";
import type { EmulatorClient } from "../../drivers/emulator-client";
import { PROJECT_DIR } from "./support/workspace-program";

const APIKEY = "reliability-partial-key";

/** About 2 MB of intents: 400 intents of 25 examples of ~200 characters. */
function bigIntents() {
    const filler = "words that make every example of this workspace about two hundred characters long, ".repeat(3);
    return Array.from({ length: 400 }, (_, i) => ({
        intent: `topic_${i}`,
        examples: Array.from({ length: 25 }, (_, j) => ({ text: `example ${j} of topic ${i}: ${filler}`.slice(0, 200) })),
    }));
}

describe("reliability: partial state of a large workspace", function () {
    this.timeout(120_000);
    const emulator = useAsyncEmulator(APIKEY);
    let service: EmulatorClient;
    let stateDir: string;
    let h: Harness;
    let declared: Record<string, unknown>;
    beforeEach(async () => {
        const { emu } = emulator();
        service = emulator().service;
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-partial-"));
        declared = { name: "big", description: "first", intents: bigIntents(), trainingTimeoutSeconds: 0.3 };
        h = new Harness({
            projectDir: PROJECT_DIR, stack: "partial-large", stateDir,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program: () => {
                const ws = new Workspace("big", declared as any);
                return { workspaceId: ws.workspaceId, status: ws.status };
            },
        });
    });
    afterEach(async () => {
        await h.close();
        fs.rmSync(stateDir, { recursive: true, force: true });
    });

    const workspaces = async () => (await service.list("/v1/workspaces", "workspaces")).map((w) => w.workspace_id);
    // Work still pending (an asynchronous write is applied when next seen) trains with the delay then in force: none.
    const finishTraining = async () => {
        await service.admin("/emulator/async-delay", { ms: 0 });
        emulator().finishAll();
    };

    it("a 2 MB create whose training wait times out is kept in state, and the next up finishes it without a second workspace", async () => {
        expect(JSON.stringify(declared.intents).length).to.be.greaterThan(2_000_000);
        await emulator().neverFinish();
        const err: Error = await h.up().then(() => undefined as any, (e) => e);
        // Over 1.5 MB the create is asynchronous: it never leaves Processing here.
        expect(err?.message).to.match(/status is still "Processing"/);
        const stored = h.plainState().resources.find((r) => r.name === "big");
        const [workspaceId] = await workspaces();
        expect(stored?.id, "the workspace is recorded").to.equal(workspaceId);
        expect(stored?.outputs.status).to.equal("Processing");

        await finishTraining();
        const next = await h.up();
        expect(next.outputs).to.deep.equal({ workspaceId, status: "Available" });
        expect(await workspaces(), "no second workspace").to.deep.equal([workspaceId]);
        const live = await service.get(`/v1/workspaces/${workspaceId}`, { export: "true" });
        expect(live.intents).to.have.length(400);
        recordFigures("partial-large-create", {
            declaredBytes: JSON.stringify(declared).length,
            partialStateBytes: JSON.stringify(stored?.outputs).length,
            workspaces: (await workspaces()).length,
        });
    });

    it("a 2 MB update whose training wait times out is kept in state, and the next up records the real status", async () => {
        await h.up();
        const [workspaceId] = await workspaces();
        await emulator().neverFinish();
        const intents = bigIntents();
        intents[0].examples.push({ text: "one more example" });
        declared = { ...declared, description: "second", intents };
        const err: Error = await h.up().then(() => undefined as any, (e) => e);
        expect(err?.message).to.match(/status is still "Training"/);
        const stored = h.plainState().resources.find((r) => r.name === "big");
        expect(stored?.outputs).to.include({ description: "second", status: "Training" });
        const partialStateBytes = JSON.stringify(stored?.outputs).length;

        await finishTraining();
        const next = await h.up();
        expect(next.outputs).to.deep.equal({ workspaceId, status: "Available" });
        expect(h.plainState().resources.find((r) => r.name === "big")?.outputs.status).to.equal("Available");
        const created = await workspaces();
        expect(created).to.deep.equal([workspaceId]);
        recordFigures("partial-large-update", { declaredBytes: JSON.stringify(declared).length, partialStateBytes, workspaces: created.length });
    });

    for (const waitForTraining of [true, false]) {
        it(`after a timed-out training wait, the next up with no change records the real status (waitForTraining: ${waitForTraining})`, async () => {
            declared = { name: "small", intents: bigIntents().slice(0, 2), trainingTimeoutSeconds: 0.3 };
            await emulator().neverFinish();
            await h.up().then(() => expect.fail("the training wait should time out"), () => undefined);
            expect(h.plainState().resources.find((r) => r.name === "big")?.outputs.status).to.equal("Training");

            await finishTraining();
            if (!waitForTraining) declared = { ...declared, waitForTraining };
            const next = await h.up();
            expect(next.outputs.status).to.equal("Available");
            expect(h.plainState().resources.find((r) => r.name === "big")?.outputs.status).to.equal("Available");
        });
    }
});
