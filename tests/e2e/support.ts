/**
 * End-to-end tests with the real Pulumi CLI against an in-process emulator. Skipped (with a notice)
 * when no CLI is found; REQUIRE_PULUMI_CLI=1 (set by .ci/run) turns a missing CLI into a failure.
 * Needs `npm run build` (the plugin loads the compiled package by name).
 */
import * as path from "path";
import { startEmulator, type EmulatorOptions, type EmulatorStats, type RunningEmulator } from "watson-assistant-emulator";
import { CliSession, locatePulumiCli, removeStagedProject, stageProject, type CliResult, type CliStack, type EngineStep, type PulumiCli } from "../../drivers/pulumi-cli";

export const REPO_ROOT = path.resolve(__dirname, "../..");

/** `describe` when a Pulumi CLI is available; otherwise skipped, or failed under REQUIRE_PULUMI_CLI=1. */
export function describeWithCli(title: string, body: (cli: PulumiCli) => void): void {
    const cli = locatePulumiCli();
    if (cli === undefined || !cli.hasNodeLanguageHost) {
        const missing = cli === undefined ? "no Pulumi CLI found" : `the Pulumi CLI ${cli.version} has no Node.js language host beside it`;
        if (process.env.REQUIRE_PULUMI_CLI === "1") {
            describe(title, () => it("needs the Pulumi CLI", () => { throw new Error(`${missing}: run \`npm run pulumi-cli\``); }));
        } else {
            describe.skip(`${title} (skipped: ${missing}; \`npm run pulumi-cli\` builds it)`, () => body(undefined as never));
        }
        return;
    }
    describe(`${title} [pulumi ${cli.version}]`, function () {
        this.timeout(300_000);
        body(cli);
    });
}

export interface CliFixture {
    emu: RunningEmulator;
    session: CliSession;
    projectDir: string;
    stack(name: string): CliStack;
    /** `pulumi stack init`, the emulator's URL and `config` set: a stack ready for `up`. */
    newStack(name: string, config?: Record<string, string>): Promise<CliStack>;
    /** Stats since the last call (and resets them). */
    takeStats(): EmulatorStats;
    close(): Promise<void>;
}

/** A fresh emulator, an isolated CLI session and a scratch copy of the project. */
export async function cliFixture(cli: PulumiCli, sourceDir: string, options: { emulator?: EmulatorOptions; env?: Record<string, string>; entries?: string[] } = {}): Promise<CliFixture> {
    const projectDir = stageProject(sourceDir, path.basename(sourceDir), options.entries);
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, ...options.emulator });
    const session = new CliSession({ cli, env: options.env, keep: process.env.KEEP_E2E === "1" });
    emu.resetStats();
    return {
        emu,
        session,
        projectDir,
        stack: (name) => session.stack(projectDir, name),
        async newStack(name, config = {}) {
            const stack = session.stack(projectDir, name);
            await stack.init();
            await stack.setAllConfig({ "watson-assistant:url": emu.url, ...config });
            return stack;
        },
        takeStats() {
            const stats = emu.stats();
            emu.resetStats();
            return stats;
        },
        async close() {
            await emu.stop();
            session.close();
            if (process.env.KEEP_E2E !== "1") removeStagedProject(projectDir);
        },
    };
}

/** `body` run with a fixture of its own (cliFixture), closed afterwards whatever happens. */
export async function withCliFixture<T>(cli: PulumiCli, sourceDir: string, options: Parameters<typeof cliFixture>[2], body: (fx: CliFixture) => Promise<T>): Promise<T> {
    const fx = await cliFixture(cli, sourceDir, options);
    try {
        return await body(fx);
    } finally {
        await fx.close();
    }
}

/** Calls that change something, by route, IAM token calls left out. */
export function writeCalls(stats: EmulatorStats): Record<string, number> {
    return Object.fromEntries(Object.entries(stats.byRoute)
        .filter(([route]) => !route.startsWith("GET ") && !route.endsWith("/identity/token"))
        .sort(([a], [b]) => a.localeCompare(b)));
}

/** `{ name: op }` for the steps that did something (a StackReference's read of another stack left out). */
export function changedSteps(result: CliResult): Record<string, string> {
    return Object.fromEntries(result.steps
        .filter((s: EngineStep) => s.op !== "same" && s.type !== "pulumi:pulumi:StackReference")
        .map((s) => [s.name, s.op]));
}

/** Everything the CLI showed of a run: its output and the diagnostics (provider logs, warnings, errors). */
export function shown(result: CliResult): string {
    return `${result.stdout}\n${result.stderr}\n${result.diagnostics.map((d) => d.message).join("\n")}`;
}
