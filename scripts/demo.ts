/**
 * `npm run demo`: the quick-start program (Pulumi.yaml + quickstart/) played against an emulator
 * started in-process, through the engine-path harness (real program, real plugin server; no
 * Pulumi CLI needed): preview, up, a content change, a new release deployed to live, a rollback and
 * a destroy. Prints one line per resource step and the API calls of every step; exits 1 on failure.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../emulator";
import { Harness, type RunResult } from "../tests/harness";
import { callsByRoute, summarizeCalls, writes } from "./demo/api-calls";
import { projectConfigDefaults } from "./demo/project-config";
import { ServiceView } from "./demo/service";
import { printSteps } from "./demo/step-lines";

/** Why some delete steps of the quick start make no API call. */
const DELETE_NOTES: Record<string, string> = {
    "dialog-skill": "retainOnDelete: forgotten, removed with the assistant",
    release: "retainOnDelete: forgotten, removed with the assistant",
    live: "the API has no undeploy: the environment is left as it is",
};

const NEW_GREETING = "Hi! Ask me where your order is, or say bye when you are done.";

/** The repository root: the folder with the quick-start Pulumi.yaml (works from scripts/ and dist/scripts/). */
function repoRoot(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml")) && fs.existsSync(path.join(dir, "quickstart"))) return dir;
    }
    throw new Error("cannot find the repository root (Pulumi.yaml next to quickstart/)");
}

/** The program is TypeScript and runs in this process, as Pulumi's Node.js host would run it. */
function registerTypeScript(root: string): void {
    if ((process as any)[Symbol.for("ts-node.register.instance")]) return;
    require("ts-node").register({ transpileOnly: true, project: path.join(root, "tsconfig.json") });
}

interface Context {
    harness: Harness;
    emu: RunningEmulator;
    service: ServiceView;
    outputs: Record<string, unknown>;
    out: (line: string) => void;
}

interface DemoStep {
    title: string;
    /** Shown under the title: what a CLI user would do. */
    command: string;
    run(ctx: Context): Promise<RunResult>;
    /** Checks the effect on the service and returns a one-line account of it. */
    verify(ctx: Context, result: RunResult): Promise<string>;
    /** Print the write calls route by route. */
    detailCalls?: boolean;
    /** Print the provider's plan summaries (what the Pulumi CLI shows as info). */
    showPlan?: boolean;
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
}

function changedSteps(result: RunResult): string[] {
    return result.steps.filter((s) => s.op !== "same").map((s) => `${s.name}:${s.op}`).sort();
}

const steps: DemoStep[] = [
    {
        title: "Preview: what `pulumi up` would do",
        command: "pulumi preview",
        run: (ctx) => ctx.harness.preview(),
        async verify(_ctx, result) {
            expectEqual(result.steps.map((s) => s.op), result.steps.map(() => "create"), "preview plans");
            return `${result.steps.length} resources to create; a preview only checks and diffs, nothing is called or changed`;
        },
    },
    {
        title: "Up: create the assistant, its dialog skill content, release 1 and the live deployment",
        command: "pulumi up",
        detailCalls: true,
        run: (ctx) => ctx.harness.up(),
        async verify(ctx, result) {
            expectEqual(changedSteps(result), ["assistant:create", "dialog-skill:create", "live:create", "release:create"], "created");
            const assistantId = String(result.outputs.assistantId);
            expectEqual((await ctx.service.environmentReleases(assistantId)).live, "1", "live release");
            return `assistant ${assistantId}: live runs release ${result.outputs.liveRunsRelease}`;
        },
    },
    {
        title: "Content change: a new greeting (one dialog node), with live kept on release 1",
        command: `pulumi config set greeting "${NEW_GREETING}" && pulumi config set liveRelease 1 && pulumi up`,
        detailCalls: true,
        showPlan: true,
        run(ctx) {
            ctx.harness.setConfig("greeting", NEW_GREETING);
            ctx.harness.setConfig("liveRelease", "1");
            return ctx.harness.up();
        },
        async verify(ctx, result) {
            expectEqual(changedSteps(result), ["dialog-skill:update", "release:replace"], "changed");
            const text = await ctx.service.nodeText(String(result.outputs.dialogSkillWorkspaceId), "welcome");
            expectEqual(text, NEW_GREETING, "welcome node text");
            const assistantId = String(result.outputs.assistantId);
            expectEqual(await ctx.service.releaseNumbers(assistantId), ["1", "2"], "releases");
            expectEqual((await ctx.service.environmentReleases(assistantId)).live, "1", "live release");
            return `welcome node says the new greeting; release ${result.outputs.latestRelease} cut from it; live still runs release 1`;
        },
    },
    {
        title: "Deploy the new release to live",
        command: "pulumi config set liveRelease 2 && pulumi up",
        detailCalls: true,
        run(ctx) {
            ctx.harness.setConfig("liveRelease", String(ctx.outputs.latestRelease));
            return ctx.harness.up();
        },
        async verify(ctx, result) {
            expectEqual(changedSteps(result), ["live:update"], "changed");
            expectEqual((await ctx.service.environmentReleases(String(result.outputs.assistantId))).live, "2", "live release");
            return "live runs release 2";
        },
    },
    {
        title: "Roll back: live runs release 1 again",
        command: "pulumi config set liveRelease 1 && pulumi up",
        detailCalls: true,
        run(ctx) {
            ctx.harness.setConfig("liveRelease", "1");
            return ctx.harness.up();
        },
        async verify(ctx, result) {
            expectEqual(changedSteps(result), ["live:update"], "changed");
            expectEqual((await ctx.service.environmentReleases(String(result.outputs.assistantId))).live, "1", "live release");
            return "live runs release 1 (release 2 is kept for a later roll forward)";
        },
    },
    {
        title: "Destroy",
        command: "pulumi destroy",
        run: (ctx) => ctx.harness.destroy(),
        async verify(ctx) {
            expectEqual(await ctx.service.counts(), { assistants: 0, workspaces: 0 }, "left on the service");
            // release and dialog-skill are retainOnDelete: forgotten by Pulumi, removed with the assistant.
            return "the assistant is deleted with its skills and releases; nothing is left on the service";
        },
    },
];

/** A failed step rejects outputs the harness handles late; Node's warning about that is noise here. */
function quietLateRejectionWarnings(): void {
    process.removeAllListeners("warning");
    process.on("warning", (warning) => {
        if (warning.name !== "PromiseRejectionHandledWarning") process.stderr.write(`${warning.name}: ${warning.message}\n`);
    });
}

async function main(): Promise<number> {
    const started = Date.now();
    quietLateRejectionWarnings();
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const root = repoRoot();
    registerTypeScript(root);

    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "watson-assistant-demo-"));
    let previewing = false;
    const harness = new Harness({
        projectDir: root,
        stack: "demo",
        stateDir,
        program: "quickstart",
        passphrase: "demo",
        // Pulumi.yaml's project defaults, with the service URL pointing at this emulator.
        config: { ...projectConfigDefaults(root), "watson-assistant:url": emu.url },
        onEvent: printSteps(out, () => previewing, (step) => (step.op === "delete" ? DELETE_NOTES[step.name] : undefined)),
    });
    const ctx: Context = { harness, emu, service: new ServiceView(emu.url), outputs: {}, out };

    out(`watsonx Assistant quick start (Pulumi.yaml, quickstart/index.ts) against an emulator at ${emu.url}`);
    let current = 0;
    try {
        for (const [index, step] of steps.entries()) {
            current = index;
            out("");
            out(`${index + 1}. ${step.title}`);
            out(`   $ ${step.command}`);
            previewing = index === 0;
            emu.resetStats();
            const result = await step.run(ctx);
            if (step.showPlan) {
                out("   plan, as the provider prints it:");
                for (const line of result.pluginOutput.trimEnd().split("\n")) out(`     ${line}`);
            }
            const calls = callsByRoute(emu.stats());
            if (!previewing) ctx.outputs = { ...ctx.outputs, ...result.outputs };
            out(`   API calls: ${summarizeCalls(calls)}`);
            if (step.detailCalls) {
                for (const { route, count } of writes(calls)) out(`     ${String(count).padStart(3)} x ${route}`);
            }
            out(`   -> ${await step.verify(ctx, result)}`);
        }
        out("");
        out(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: every step did what it says.`);
        return 0;
    } catch (err) {
        process.stderr.write(`\nDemo failed at step ${current + 1} (${steps[current].title}):\n${(err as Error).message ?? err}\n`);
        return 1;
    } finally {
        await harness.close();
        await emu.stop();
        fs.rmSync(stateDir, { recursive: true, force: true });
    }
}

main().then(
    (code) => process.exit(code),
    (err) => {
        process.stderr.write(`Demo failed: ${(err as Error).message ?? err}\n`);
        process.exit(1);
    },
);
