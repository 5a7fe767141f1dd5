/**
 * The promotion story of examples/gitops-promotion, played through the engine-path harness (real
 * program, real plugin server) against the emulator. Needs `npm run build` (the plugin requires the
 * compiled package by name).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Harness, type RunResult } from "../../../drivers/harness";
import { startV2Fixture, type V2Fixture } from "./support";

const PROJECT_DIR = path.resolve(__dirname, "../../../examples/gitops-promotion");
const CONTENT = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "content/actions.json"), "utf8"));

describe("GitOps promotion example (dev -> staging -> prod)", function () {
    this.timeout(120_000);
    let fx: V2Fixture;
    let workDir: string;
    let contentFile: string;
    const stacks: Harness[] = [];

    before(async () => {
        fx = await startV2Fixture({ asyncDelayMs: 20 });
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "gitops-"));
        contentFile = path.join(workDir, "actions.json");
        fs.writeFileSync(contentFile, JSON.stringify(CONTENT));
    });
    after(async () => {
        for (const stack of stacks) await stack.close();
        await fx.emu.stop();
        fs.rmSync(workDir, { recursive: true, force: true });
    });

    function stack(name: string, config: Record<string, string> = {}): Harness {
        const h = new Harness({
            projectDir: PROJECT_DIR,
            stack: name,
            stateDir: path.join(workDir, "state"),
            config: { "watson-assistant:url": fx.emu.url, "watson-assistant:maxRetries": "3", ...config },
        });
        stacks.push(h);
        return h;
    }
    const ops = (result: RunResult) => Object.fromEntries(result.steps.map((s) => [s.name, s.op]));
    const environments = async (assistantId: string) =>
        Object.fromEntries(((await fx.api(`/v2/assistants/${assistantId}/environments`)).environments as any[]).map((e) => [e.environment, e.release_reference?.release]));
    const releaseNumbers = async (assistantId: string) => ((await fx.api(`/v2/assistants/${assistantId}/releases`)).releases as any[]).map((r) => r.release);

    it("plays content change, release, staging, promotion and rollback", async () => {
        // dev: assistant, content and release 1.
        const dev = stack("dev", { contentFile });
        const first = await dev.up();
        expect(ops(first)).to.deep.include({ assistant: "create", actions: "create", release: "create" });
        const assistantId = first.outputs.assistantId as string;
        expect(first.outputs.latestRelease).to.equal("1");
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: undefined });

        // The staging environment (Enterprise plans; the emulator's admin route here).
        await fx.admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });

        const staging = stack("staging");
        const staged = await staging.up();
        expect(ops(staged)).to.deep.include({ staging: "create", "staging-tests": "create" });
        expect(staged.outputs).to.deep.include({ verifiedReleases: ["1"], testAccuracy: 1 });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: undefined, staging: "1" });

        const prod = stack("prod");
        expect(ops(await prod.up())).to.deep.include({ live: "create" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "1" });

        // Nothing changed: nothing happens.
        const again = await dev.up();
        expect(again.steps.filter((s) => s.op !== "same" && s.op !== "read")).to.deep.equal([]);

        // A content change in dev cuts release 2; release 1 is kept (still deployed, and for rollbacks).
        const edited = { ...CONTENT, actions: [...CONTENT.actions, { action: "goodbye", title: "Say goodbye", steps: [] }] };
        fs.writeFileSync(contentFile, JSON.stringify(edited));
        const second = await dev.up();
        expect(ops(second)).to.deep.include({ assistant: "same", actions: "update", release: "replace" });
        expect(second.outputs.latestRelease).to.equal("2");
        expect(await releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "1" });

        // One config line deploys release 2 to staging, then promotes it to prod.
        staging.setConfig("release", "2");
        expect(ops(await staging.up())).to.deep.include({ staging: "update", "staging-tests": "update" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "2" });
        prod.setConfig("release", "2");
        expect(ops(await prod.up())).to.deep.include({ live: "update" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "2", staging: "2" });

        // Roll prod back.
        prod.setConfig("release", "1");
        const rollback = await prod.up();
        expect(ops(rollback)).to.deep.include({ live: "update" });
        expect(rollback.outputs.deployedRelease).to.equal("1");
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "2" });

        // Someone switches prod in the tooling: refresh shows it, up puts the declared release back.
        await fx.post(`/v2/assistants/${assistantId}/releases/2/deploy`, { environment_id: (first.outputs.environments as Record<string, string>).live });
        expect(ops(await prod.refresh())).to.deep.include({ live: "refresh-drift" });
        expect(ops(await prod.up())).to.deep.include({ live: "update" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "2" });

        // Tearing down: deployments leave their environments; dev deletes the assistant.
        await prod.destroy();
        await staging.destroy();
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "2" });
        await dev.destroy();
        expect((await fx.api("/v2/assistants")).assistants).to.deep.equal([]);
    });

    it("staging's conversation tests gate prod: a failing release is refused at preview, a fixed one passes and moves prod, rollback works", async () => {
        const hours = (text: string) => ({
            ...CONTENT,
            actions: CONTENT.actions.map((a: any) => (a.action === "opening_hours" ? { ...a, steps: [{ step: "step_1", output: { generic: [{ response_type: "text", values: [{ text }] }] } }] } : a)),
        });
        fs.writeFileSync(contentFile, JSON.stringify(CONTENT));
        const dev = stack("dev", { contentFile });
        const assistantId = (await dev.up()).outputs.assistantId as string;
        await fx.admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });
        const staging = stack("staging", { release: "1" });
        expect((await staging.up()).outputs.verifiedReleases).to.deep.equal(["1"]);
        const prod = stack("prod", { release: "1" });
        await prod.up();

        // A content change breaks the opening hours answer: release 2 fails staging's tests.
        fs.writeFileSync(contentFile, JSON.stringify(hours("Sorry, we are closed.")));
        expect((await dev.up()).outputs.latestRelease).to.equal("2");
        staging.setConfig("release", "2");
        const failed = await staging.up().then(() => undefined, (e: Error) => e);
        expect(failed?.message).to.include('conversation tests on environment "staging" (release 2): 2 of 3 passed (66.7%), below the threshold of 100.0%');
        expect(failed?.message).to.match(/opening hours +1 +textMatches +\/9:00 to 17:00\/ +Sorry, we are closed\./);

        // prod cannot take release 2: refused at preview, before any API call.
        prod.setConfig("release", "2");
        const refused = await prod.preview().then(() => undefined, (e: Error) => e);
        expect(refused?.message).to.include("release: release 2 is not in allowedReleases: the allowed releases are 1 (deploy only a release that passed its conversation tests)");
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "2" });

        // The fix cuts release 3; staging's tests run again and pass; prod moves to it.
        fs.writeFileSync(contentFile, JSON.stringify(hours("We are open 9:00 to 17:00, Monday to Saturday.")));
        expect((await dev.up()).outputs.latestRelease).to.equal("3");
        staging.setConfig("release", "3");
        const passed = await staging.up();
        expect(ops(passed)).to.deep.include({ staging: "update", "staging-tests": "update" });
        expect(passed.outputs.verifiedReleases).to.deep.equal(["1", "3"]);
        expect(ops(await staging.up())).to.deep.include({ "staging-tests": "same" });
        prod.setConfig("release", "3");
        expect(ops(await prod.up())).to.deep.include({ live: "update" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "3", staging: "3" });

        // Rollback to a verified release stays a one-line change.
        prod.setConfig("release", "1");
        expect(ops(await prod.up())).to.deep.include({ live: "update" });
        expect(await environments(assistantId)).to.deep.equal({ draft: undefined, live: "1", staging: "3" });
        await prod.destroy();
        await staging.destroy();
        await dev.destroy();
    });
});
