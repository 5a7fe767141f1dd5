/**
 * Runs the real Pulumi CLI, always offline and isolated: a file backend and a PULUMI_HOME of its own
 * in a temp folder, a passphrase secrets provider, no update check, no plugin downloads, and none
 * of the caller's PULUMI_* / ASSISTANT_* settings. Never a bare `pulumi login` (Pulumi Cloud).
 */
import { descendantsOf } from "./process-tree";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { diagnosticsOf, readEvents, stepsOf, type EngineStep } from "./events";
import type { PulumiCli } from "./locate";

export interface CliResult {
    command: string;
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
    /** Steps from the engine's event log (up, preview, refresh, destroy). */
    steps: EngineStep[];
    /** Diagnostics from the event log: provider logs and errors, colour codes removed. */
    diagnostics: { urn?: string; severity: string; message: string }[];
}

export interface RunOptions {
    /** Extra environment for this command (and the plugins it starts). */
    env?: Record<string, string>;
    /** Text written to the CLI's stdin (e.g. a secret for `config set --secret`). */
    input?: string;
    /** Resolve with a non-zero exit instead of rejecting. */
    allowFailure?: boolean;
}

export interface RunningCommand {
    child: ChildProcess;
    /** Kills the CLI's whole process group (CLI, language host, program, plugins): a hard crash. */
    /** SIGKILL to the CLI's process group and every process under it; returns the descendants' pids. */
    killHard(): number[];
    done: Promise<CliResult>;
}

/** Commands whose engine events are captured with --event-log. */
const ENGINE_COMMANDS = new Set(["up", "preview", "refresh", "destroy"]);

export interface CliSessionOptions {
    cli: PulumiCli;
    passphrase?: string;
    /** Environment for every command. */
    env?: Record<string, string>;
    /** Keep temp folders (backend, home) after close(), for debugging. */
    keep?: boolean;
}

export class CliSession {
    readonly root: string;
    readonly backendDir: string;
    readonly homeDir: string;
    private readonly env: Record<string, string>;
    private eventLogs = 0;

    constructor(private readonly options: CliSessionOptions) {
        this.root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-cli-"));
        this.backendDir = path.join(this.root, "backend");
        this.homeDir = path.join(this.root, "home");
        fs.mkdirSync(this.backendDir);
        fs.mkdirSync(this.homeDir);
        const inherited = Object.fromEntries(Object.entries(process.env).filter(([key, value]) =>
            value !== undefined && !/^(PULUMI_|ASSISTANT_|WATSON_ASSISTANT_)/.test(key))) as Record<string, string>;
        this.env = {
            ...inherited,
            PATH: [options.cli.binDir, inherited.PATH ?? ""].join(path.delimiter),
            // metadata=skip: without it the file backend writes a `.attrs` sidecar per checkpoint
            // by truncate-then-write, and a kill -9 landing there leaves it empty, after which
            // every command fails with "failed to load checkpoint: EOF" (the README's advice).
            PULUMI_BACKEND_URL: `file://${this.backendDir}?metadata=skip`,
            PULUMI_HOME: this.homeDir,
            PULUMI_CONFIG_PASSPHRASE: options.passphrase ?? "e2e-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            // Enables --event-log (the engine's JSON events), as the Automation API does.
            PULUMI_DEBUG_COMMANDS: "true",
            // Type-checking is `npm run typecheck`'s job; here it would only add seconds per run.
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            ...options.env,
        };
    }

    /** Starts `pulumi <args>` in `cwd` in its own process group. */
    start(cwd: string, args: string[], options: RunOptions = {}): RunningCommand {
        const engine = ENGINE_COMMANDS.has(args[0]);
        const eventLog = engine ? path.join(this.root, `events-${++this.eventLogs}.jsonl`) : undefined;
        const fullArgs = ["--color", "never", ...args, ...(engine ? ["--non-interactive", "--event-log", eventLog!] : [])];
        const child = spawn(path.join(this.options.cli.binDir, "pulumi"), fullArgs, {
            cwd,
            env: { ...this.env, ...options.env },
            detached: true,
            stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout!.on("data", (chunk) => { stdout += chunk; });
        child.stderr!.on("data", (chunk) => { stderr += chunk; });
        child.stdin!.end(options.input ?? "");
        const command = `pulumi ${args.join(" ")}`;
        const done = new Promise<CliResult>((resolve, reject) => {
            child.on("error", reject);
            child.on("close", (code, signal) => {
                const events = eventLog ? readEvents(eventLog) : [];
                const result: CliResult = { command, code, signal, stdout, stderr, steps: stepsOf(events), diagnostics: diagnosticsOf(events) };
                if (code !== 0 && !options.allowFailure && signal === null) {
                    reject(Object.assign(new Error(`${command} exited with ${code}\n${stdout}\n${stderr}`), { result }));
                } else resolve(result);
            });
        });
        const killHard = () => {
            // The plugins run in process groups of their own: kill the whole tree, read first.
            const tree = descendantsOf(child.pid!);
            for (const target of [-child.pid!, ...tree]) {
                try {
                    process.kill(target, "SIGKILL");
                } catch { /* already gone */ }
            }
            return tree;
        };
        return { child, killHard, done };
    }

    run(cwd: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
        return this.start(cwd, args, options).done;
    }

    /** A stack of the project in `projectDir` (created by init()). */
    stack(projectDir: string, name: string): CliStack {
        return new CliStack(this, projectDir, name);
    }

    close(): void {
        if (!this.options.keep) fs.rmSync(this.root, { recursive: true, force: true });
    }
}

/** The commands a user types, bound to one stack of one project. */
export class CliStack {
    constructor(readonly session: CliSession, readonly projectDir: string, readonly name: string) {}

    run(args: string[], options?: RunOptions): Promise<CliResult> {
        return this.session.run(this.projectDir, args, options);
    }
    private withStack(args: string[]): string[] {
        return [...args, "--stack", this.name];
    }
    init(): Promise<CliResult> {
        return this.run(["stack", "init", this.name]);
    }
    async setConfig(key: string, value: string, options: { secret?: boolean } = {}): Promise<void> {
        // The value goes through stdin so that a secret never appears in a process list.
        await this.run(this.withStack(["config", "set", key, ...(options.secret ? ["--secret"] : [])]), { input: value });
    }
    async setAllConfig(values: Record<string, string>): Promise<void> {
        for (const [key, value] of Object.entries(values)) await this.setConfig(key, value);
    }
    preview(extra: string[] = [], options?: RunOptions): Promise<CliResult> {
        return this.run(this.withStack(["preview", ...extra]), options);
    }
    up(extra: string[] = [], options?: RunOptions): Promise<CliResult> {
        return this.run(this.withStack(["up", "--yes", "--skip-preview", ...extra]), options);
    }
    /** `pulumi up` left running, e.g. to kill it part-way. */
    startUp(extra: string[] = [], options?: RunOptions): RunningCommand {
        return this.session.start(this.projectDir, this.withStack(["up", "--yes", "--skip-preview", ...extra]), options);
    }
    refresh(extra: string[] = [], options?: RunOptions): Promise<CliResult> {
        return this.run(this.withStack(["refresh", "--yes", "--skip-preview", ...extra]), options);
    }
    destroy(extra: string[] = [], options?: RunOptions): Promise<CliResult> {
        return this.run(this.withStack(["destroy", "--yes", "--skip-preview", ...extra]), options);
    }
    remove(): Promise<CliResult> {
        return this.run(["stack", "rm", "--yes", this.name]);
    }
    /** Stack outputs, secrets shown. */
    async outputs(): Promise<Record<string, unknown>> {
        const result = await this.run(this.withStack(["stack", "output", "--json", "--show-secrets"]));
        return JSON.parse(result.stdout) as Record<string, unknown>;
    }
    /** `pulumi stack export` as text (secrets stay encrypted unless asked). */
    async exportState(options: { showSecrets?: boolean } = {}): Promise<string> {
        const result = await this.run(this.withStack(["stack", "export", ...(options.showSecrets ? ["--show-secrets"] : [])]));
        return result.stdout;
    }
    /** The resources in state (from `pulumi stack export`), without the stack and provider resources. */
    async resources(): Promise<{ urn: string; type: string; id?: string; inputs?: any; outputs?: any }[]> {
        const deployment = JSON.parse(await this.exportState()).deployment as { resources?: any[] };
        return (deployment.resources ?? []).filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"));
    }
}
