/**
 * What the demo drives: the real Pulumi CLI when one is found (temp file backend, a scratch copy
 * of the quick start), else the engine-path harness. Both answer with the same small run record.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliSession, locatePulumiCli, removeStagedProject, stageProject, type CliResult, type CliStack, type PulumiCli } from "../../drivers/pulumi-cli";
import { Harness, type RunResult } from "../../drivers/harness";
import { projectConfigDefaults } from "./project-config";

export interface DemoStepRecord {
    name: string;
    type: string;
    /** create, update, replace, delete, same, read */
    op: string;
    /** Properties that forced a replacement. */
    replaces?: string[];
}

export interface DemoRun {
    steps: DemoStepRecord[];
    outputs: Record<string, unknown>;
    /** The provider's plan summaries (what the CLI shows as info). */
    planText: string;
    /** The CLI's own output (empty for the harness). */
    cliOutput: string;
}

export interface DemoEngine {
    /** Says which engine runs, for the demo's first line. */
    readonly description: string;
    readonly kind: "cli" | "harness";
    preview(): Promise<DemoRun>;
    up(): Promise<DemoRun>;
    destroy(): Promise<DemoRun>;
    setConfig(key: string, value: string): Promise<void>;
    close(): Promise<void>;
}

const STACK = "demo";

/** The real CLI, unless DEMO_ENGINE=harness; DEMO_ENGINE=cli fails when there is none. */
export async function chooseEngine(root: string, emulatorUrl: string): Promise<DemoEngine> {
    const wanted = process.env.DEMO_ENGINE;
    const cli = wanted === "harness" ? undefined : locatePulumiCli();
    if (cli?.hasNodeLanguageHost) return CliEngine.start(cli, root, emulatorUrl);
    if (wanted === "cli") throw new Error("DEMO_ENGINE=cli but no Pulumi CLI with a Node.js language host was found (npm run pulumi-cli builds one)");
    return new HarnessEngine(root, emulatorUrl);
}

class CliEngine implements DemoEngine {
    readonly kind = "cli";
    private constructor(readonly description: string, private readonly session: CliSession, private readonly stack: CliStack, private readonly projectDir: string) {}

    static async start(cli: PulumiCli, root: string, emulatorUrl: string): Promise<CliEngine> {
        const projectDir = stageProject(root, "demo", ["Pulumi.yaml", "quickstart"]);
        const session = new CliSession({ cli, passphrase: "demo" });
        const stack = session.stack(projectDir, STACK);
        await stack.init();
        await stack.setConfig("watson-assistant:url", emulatorUrl);
        return new CliEngine(`the Pulumi CLI ${cli.version} (${cli.binDir}), file backend in a temp folder`, session, stack, projectDir);
    }

    private async record(result: CliResult, withOutputs: boolean): Promise<DemoRun> {
        return {
            steps: result.steps.map((s) => ({ name: s.name, type: s.type, op: s.op, replaces: s.keys })),
            outputs: withOutputs ? await this.stack.outputs() : {},
            planText: "",
            cliOutput: result.stdout,
        };
    }
    async preview() {
        return this.record(await this.stack.preview(), false);
    }
    async up() {
        return this.record(await this.stack.run(["up", "--yes", "--stack", STACK]), true);
    }
    async destroy() {
        return this.record(await this.stack.run(["destroy", "--yes", "--stack", STACK]), false);
    }
    async setConfig(key: string, value: string) {
        await this.stack.setConfig(key, value);
    }
    async close() {
        this.session.close();
        removeStagedProject(this.projectDir);
    }
}

class HarnessEngine implements DemoEngine {
    readonly kind = "harness";
    readonly description = "the engine-path harness (no Pulumi CLI found; `npm run pulumi-cli` builds one)";
    private readonly harness: Harness;
    private readonly stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "watson-assistant-demo-"));

    constructor(root: string, emulatorUrl: string) {
        registerTypeScript(root);
        this.harness = new Harness({
            projectDir: root,
            stack: STACK,
            stateDir: this.stateDir,
            program: "quickstart",
            passphrase: "demo",
            // Pulumi.yaml's project defaults, with the service URL pointing at this emulator.
            config: { ...projectConfigDefaults(root), "watson-assistant:url": emulatorUrl },
        });
    }

    private record(result: RunResult): DemoRun {
        return {
            steps: result.steps.map((s) => ({ name: s.name, type: s.type, op: s.op, replaces: s.replaces })),
            outputs: result.outputs,
            planText: result.pluginOutput,
            cliOutput: "",
        };
    }
    async preview() {
        return this.record(await this.harness.preview());
    }
    async up() {
        return this.record(await this.harness.up());
    }
    async destroy() {
        return this.record(await this.harness.destroy());
    }
    async setConfig(key: string, value: string) {
        this.harness.setConfig(key, value);
    }
    async close() {
        await this.harness.close();
        fs.rmSync(this.stateDir, { recursive: true, force: true });
    }
}

/** The harness runs the TypeScript program in this process, as Pulumi's Node.js host would. */
function registerTypeScript(root: string): void {
    if ((process as any)[Symbol.for("ts-node.register.instance")]) return;
    require("ts-node").register({ transpileOnly: true, project: path.join(root, "tsconfig.json") });
}
