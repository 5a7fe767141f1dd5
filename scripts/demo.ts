/**
 * `npm run demo`: the quick-start program (Pulumi.yaml + quickstart/) played against an emulator
 * started in-process: preview, up, a content change, a new release deployed to live, a rollback and
 * a destroy. Runs the real Pulumi CLI when one is found (PATH or `npm run pulumi-cli`'s cache) and
 * shows its output; otherwise the engine-path harness (real program, real plugin server). Prints
 * one line per resource step and the API calls of every step; exits 1 on failure.
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { callsByRoute, summarizeCalls, writes } from "./demo/api-calls";
import { chooseEngine, type DemoEngine, type DemoRun } from "./demo/engines";
import { ServiceView } from "./demo/service";
import { stepLine } from "./demo/step-lines";
import { NEW_GREETING } from "./demo/content";

/** Why some delete steps of the quick start make no API call. */
const DELETE_NOTES: Record<string, string> = {
    "dialog-skill": "retainOnDelete: forgotten, removed with the assistant",
    release: "retainOnDelete: forgotten, removed with the assistant",
    live: "the API has no undeploy: the environment is left as it is",
};


/** The repository root: the folder with the quick-start Pulumi.yaml (works from scripts/ and dist/scripts/). */
function repoRoot(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml")) && fs.existsSync(path.join(dir, "quickstart"))) return dir;
    }
    throw new Error("cannot find the repository root (Pulumi.yaml next to quickstart/)");
}

interface Context {
    engine: DemoEngine;
    emu: RunningEmulator;
    service: ServiceView;
    outputs: Record<string, unknown>;
    out: (line: string) => void;
}

interface DemoStep {
    title: string;
    /** Shown under the title: what a CLI user would do. */
    command: string;
    run(ctx: Context): Promise<DemoRun>;
    /** Checks the effect on the service and returns a one-line account of it. */
    verify(ctx: Context, result: DemoRun): Promise<string>;
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

function changedSteps(result: DemoRun): string[] {
    return result.steps.filter((s) => s.op !== "same").map((s) => `${s.name}:${s.op}`).sort();
}

const steps: DemoStep[] = [
    {
        title: "Preview: what `pulumi up` would do",
        command: "pulumi preview",
        run: (ctx) => ctx.engine.preview(),
        async verify(_ctx, result) {
            expectEqual(result.steps.map((s) => s.op), result.steps.map(() => "create"), "preview plans");
            return `${result.steps.length} resources to create; a preview only checks and diffs, nothing is called or changed`;
        },
    },
    {
        title: "Up: create the assistant, its dialog skill content, release 1 and the live deployment",
        command: "pulumi up",
        detailCalls: true,
        run: (ctx) => ctx.engine.up(),
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
        async run(ctx) {
            await ctx.engine.setConfig("greeting", NEW_GREETING);
            await ctx.engine.setConfig("liveRelease", "1");
            return ctx.engine.up();
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
        async run(ctx) {
            await ctx.engine.setConfig("liveRelease", String(ctx.outputs.latestRelease));
            return ctx.engine.up();
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
        async run(ctx) {
            await ctx.engine.setConfig("liveRelease", "1");
            return ctx.engine.up();
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
        run: (ctx) => ctx.engine.destroy(),
        async verify(ctx) {
            expectEqual(await ctx.service.counts(), { assistants: 0, workspaces: 0 }, "left on the service");
            // release and dialog-skill are retainOnDelete: forgotten by Pulumi, removed with the assistant.
            return "the assistant is deleted with its skills and releases; nothing is left on the service";
        },
    },
];

/**
 * The CLI's output without its progress lines, the stack's running rows (the provider's messages
 * are shown again under Diagnostics) and runs of blank lines.
 */
function cliLines(text: string): string[] {
    const lines = text.trimEnd().split("\n").filter((line) => !/^@ /.test(line) && !/^ *[-+~]* +pulumi:pulumi:Stack \S+ \S+ +\S/.test(line));
    return lines.filter((line, i) => line.trim() !== "" || (i > 0 && lines[i - 1].trim() !== ""));
}

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

    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    let engine: DemoEngine;
    try {
        engine = await chooseEngine(root, emu.url);
    } catch (err) {
        await emu.stop();
        throw err;
    }
    const ctx: Context = { engine, emu, service: new ServiceView(emu.url), outputs: {}, out };

    out(`watsonx Assistant quick start (Pulumi.yaml, quickstart/index.ts) against an emulator at ${emu.url}`);
    out(`Engine: ${engine.description}`);
    let current = 0;
    try {
        for (const [index, step] of steps.entries()) {
            current = index;
            out("");
            out(`${index + 1}. ${step.title}`);
            out(`   $ ${step.command}`);
            const previewing = index === 0;
            emu.resetStats();
            const result = await step.run(ctx);
            if (result.cliOutput !== "") {
                out("   the CLI's output:");
                for (const line of cliLines(result.cliOutput)) out(`   | ${line}`);
            } else if (step.showPlan) {
                out("   plan, as the provider prints it:");
                for (const line of result.planText.trimEnd().split("\n")) out(`     ${line}`);
            }
            out("   steps:");
            for (const s of result.steps) out(stepLine(s, previewing, s.op === "delete" ? DELETE_NOTES[s.name] : undefined));
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
        await engine.close();
        await emu.stop();
    }
}

main().then(
    (code) => process.exit(code),
    (err) => {
        process.stderr.write(`Demo failed: ${(err as Error).message ?? err}\n`);
        process.exit(1);
    },
);
