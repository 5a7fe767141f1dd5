/**
 * The engine-path harness (drivers/harness) imitates the Pulumi engine for fast tests; the real CLI is
 * the ground truth. The same quick-start stages through both take the same step per resource and
 * make the same write calls per stage.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { projectConfigDefaults } from "../../scripts/demo/project-config";
import { ServiceView } from "../../scripts/demo/service";
import { Harness, type RunResult } from "../../drivers/harness";
import { changedSteps, cliFixture, describeWithCli, REPO_ROOT, writeCalls, type CliFixture } from "./support";
import { removeStagedProject, stageProject, type CliResult, type CliStack } from "../../drivers/pulumi-cli";

interface Stage {
    title: string;
    config?: Record<string, string>;
    run: "preview" | "up" | "destroy";
}

const STAGES: Stage[] = [
    { title: "preview", run: "preview" },
    { title: "first up", run: "up" },
    { title: "no-op up", run: "up" },
    { title: "content change kept off live", config: { greeting: "Parity greeting", liveRelease: "1" }, run: "up" },
    { title: "release 2 to live", config: { liveRelease: "2" }, run: "up" },
    { title: "an assistant rename replaces it", config: { assistantName: "Renamed assistant", liveRelease: "latest" }, run: "up" },
    { title: "destroy", run: "destroy" },
];

interface Observed {
    steps: Record<string, string>;
    /** Properties that forced each replacement. */
    replaceKeys: Record<string, string[]>;
    writes: Record<string, number>;
}

function harnessSteps(result: RunResult): Pick<Observed, "steps" | "replaceKeys"> {
    const changed = result.steps.filter((s) => s.op !== "same" && s.op !== "read");
    return {
        steps: Object.fromEntries(changed.map((s) => [s.name, s.op])),
        replaceKeys: Object.fromEntries(changed.filter((s) => s.op === "replace").map((s) => [s.name, [...(s.replaces ?? [])].sort()])),
    };
}

function engineSteps(result: CliResult): Pick<Observed, "steps" | "replaceKeys"> {
    return {
        steps: changedSteps(result),
        replaceKeys: Object.fromEntries(result.steps.filter((s) => s.op === "replace").map((s) => [s.name, [...(s.keys ?? [])].sort()])),
    };
}

describeWithCli("Harness and real engine take the same steps", (cli) => {
    const engine: Observed[] = [];
    const harness: Observed[] = [];

    it("the real CLI plays every quick-start stage and its destroy leaves the service empty", async () => {
        const fx: CliFixture = await cliFixture(cli, REPO_ROOT, { entries: ["Pulumi.yaml", "quickstart"] });
        try {
            const stack: CliStack = await fx.newStack("dev");
            for (const stage of STAGES) {
                await stack.setAllConfig(stage.config ?? {});
                fx.takeStats();
                const result = await stack[stage.run]();
                engine.push({ ...engineSteps(result), writes: writeCalls(fx.takeStats()) });
            }
            expect(engine).to.have.length(STAGES.length);
            expect(await new ServiceView(fx.emu.url).counts()).to.deep.equal({ assistants: 0, workspaces: 0 });
        } finally {
            await fx.close();
        }
    });

    it("the harness plays the same stages and its destroy leaves the service empty", async () => {
        const emu: RunningEmulator = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "parity-"));
        // A scratch copy: the harness reloads every module under its project folder, which for the
        // repository root would be the package itself and break later tests' instanceof checks.
        const projectDir = stageProject(REPO_ROOT, "parity", ["Pulumi.yaml", "quickstart"]);
        const h = new Harness({
            projectDir, stack: "dev", stateDir, program: "quickstart",
            config: { ...projectConfigDefaults(projectDir), "watson-assistant:url": emu.url },
        });
        try {
            for (const stage of STAGES) {
                for (const [key, value] of Object.entries(stage.config ?? {})) h.setConfig(key, value);
                emu.resetStats();
                const result = await h[stage.run]();
                harness.push({ ...harnessSteps(result), writes: writeCalls(emu.stats()) });
            }
            expect(harness).to.have.length(STAGES.length);
            expect(await new ServiceView(emu.url).counts()).to.deep.equal({ assistants: 0, workspaces: 0 });
        } finally {
            await h.close();
            await emu.stop();
            fs.rmSync(stateDir, { recursive: true, force: true });
            removeStagedProject(projectDir);
        }
    });

    const compared: [string, keyof Observed][] = [
        ["the same step per resource", "steps"],
        ["the same properties forcing each replacement", "replaceKeys"],
        ["the same write calls", "writes"],
    ];
    for (const [index, stage] of STAGES.entries()) {
        for (const [what, key] of compared) {
            it(`stage "${stage.title}": ${what}`, function () {
                if (engine.length !== STAGES.length || harness.length !== STAGES.length) this.skip();
                expect(harness[index][key]).to.deep.equal(engine[index][key]);
            });
        }
    }
});
