// Engine-path test harness: runs a real Pulumi program under the SDK's mock mode and sends each
// dynamic-provider registration to the real plugin server over gRPC. Test infrastructure for a
// machine without the Pulumi CLI; not a replacement for the Pulumi engine (see README.md).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fullKey, readProjectName, readStackConfigFile, type StackConfig } from "./config";
import { Deployment } from "./engine";
import { HarnessMonitor } from "./monitor";
import { PluginServer, PropertyMap } from "./plugin";
import { runProgram } from "./program";
import { combineErrors, refreshState } from "./refresh";
import { SecretBox } from "./secrets";
import { StateFile, decryptSecrets, emptyState, encryptSecrets, readStateFile, unwrapSecrets, writeStateFile } from "./state";
import { HarnessEvent, HarnessOptions, RunKind, RunResult, Step } from "./types";

export * from "./types";
export { StateFile, StateResource } from "./state";
export { UNKNOWN, SIG_KEY, SECRET_SIG, newPulumiEncryptionSalt, encryptPulumiConfigValue } from "./secrets";
export { CheckFailedError } from "./engine";
export { ProviderCallError } from "./plugin";

export class Harness {
    readonly projectDir: string;
    readonly stack: string;
    readonly project: string;
    readonly stateDir: string;
    readonly statePath: string;
    private readonly passphrase: string;
    private readonly configValues = new Map<string, { value: string; secret: boolean }>();
    private readonly activePlugins = new Set<PluginServer>();
    private running: Promise<unknown> = Promise.resolve();

    constructor(private readonly options: HarnessOptions) {
        this.projectDir = path.resolve(options.projectDir);
        this.stack = options.stack;
        this.project = readProjectName(this.projectDir);
        this.stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "harness-state-"));
        this.statePath = path.join(this.stateDir, `${this.stack}.json`);
        this.passphrase = options.passphrase ?? process.env.PULUMI_CONFIG_PASSPHRASE ?? "harness";
        for (const [k, v] of Object.entries(options.config ?? {})) this.setConfig(k, v);
        for (const [k, v] of Object.entries(options.secretConfig ?? {})) this.setConfig(k, v, { secret: true });
    }

    /** Overrides a config value (and Pulumi.<stack>.yaml) for the following runs. */
    setConfig(key: string, value: string, options: { secret?: boolean } = {}): void {
        this.configValues.set(fullKey(this.project, key), { value, secret: options.secret === true });
    }

    /** The state file as stored (secrets as ciphertexts); an empty state before the first run. */
    state(): StateFile {
        return readStateFile(this.statePath) ?? emptyState(this.project, this.stack, "");
    }

    /** The state with secrets decrypted and unwrapped, for assertions. */
    plainState(): StateFile {
        const stored = readStateFile(this.statePath);
        if (!stored) return this.state();
        return unwrapSecrets(decryptSecrets(stored, new SecretBox(this.passphrase, stored.secretsProvider.salt)));
    }

    preview(): Promise<RunResult> {
        return this.exclusive("preview", () => this.deploy(true));
    }

    up(): Promise<RunResult> {
        return this.exclusive("up", () => this.deploy(false));
    }

    refresh(): Promise<RunResult> {
        return this.exclusive("refresh", () =>
            this.withPlugin(async ({ plugin, previous, save }) => {
                const steps = await refreshState({ plugin, previous, parallel: this.parallel, persist: save, onEvent: this.options.onEvent });
                return result(steps, previous.outputs);
            }),
        );
    }

    destroy(): Promise<RunResult> {
        return this.exclusive("destroy", () =>
            this.withPlugin(async ({ plugin, previous, save }) => {
                const deployment = this.newDeployment(plugin, previous, false, save);
                deployment.stackOutputs = {};
                await deployment.finish();
                if (deployment.errors.length > 0) throw combineErrors(deployment.errors);
                return result(deployment.steps, {});
            }),
        );
    }

    /** Stops any plugin server still running (each run starts and stops its own). */
    async close(): Promise<void> {
        await Promise.allSettled([...this.activePlugins].map((p) => p.close()));
        this.activePlugins.clear();
    }

    private get parallel(): number {
        return this.options.parallel ?? 0;
    }

    private async deploy(dryRun: boolean): Promise<RunResult> {
        return this.withPlugin(async ({ plugin, previous, save, config }) => {
            const deployment = this.newDeployment(plugin, previous, dryRun, save);
            const monitor = new HarnessMonitor({
                project: this.project,
                stack: this.stack,
                deployment,
                readStackOutputs: (stack) => this.readStackOutputs(stack),
                readDynamic: async (urn, _type, id, inputs) => {
                    const read = await plugin.read(urn, id, inputs, inputs);
                    if (!read.id) throw new Error(`harness: ${urn}: resource "${id}" does not exist`);
                    return read.properties;
                },
            });
            let programError: unknown;
            try {
                await runProgram({
                    project: this.project,
                    stack: this.stack,
                    dryRun,
                    projectDir: this.projectDir,
                    program: this.options.program ?? ".",
                    config: config.values,
                    secretKeys: [...config.secretKeys],
                    monitor,
                });
            } catch (err) {
                programError = err;
            }
            // A failed step also fails the program (its outputs reject); report the step's own error.
            if (deployment.errors.length > 0) throw combineErrors(deployment.errors);
            if (programError !== undefined) throw programError;
            await deployment.finish();
            return result(deployment.steps, unwrapSecrets(deployment.stackOutputs));
        });
    }

    private newDeployment(plugin: PluginServer, previous: StateFile, dryRun: boolean, persist: (s: StateFile) => void): Deployment {
        return new Deployment({ plugin, previous, dryRun, parallel: this.parallel, persist, onEvent: this.options.onEvent });
    }

    /** Starts a configured plugin server for one run, with the state loaded, a saver for it and the stack config. */
    private async withPlugin(work: (run: RunContext) => Promise<RunResult>): Promise<RunResult> {
        const stored = readStateFile(this.statePath);
        const box = new SecretBox(this.passphrase, stored?.secretsProvider.salt);
        const previous = stored ? decryptSecrets(stored, box) : emptyState(this.project, this.stack, box.salt);
        const save = (state: StateFile) => writeStateFile(this.statePath, encryptSecrets(state, box));
        // Read once per run (Pulumi.<stack>.yaml with its secure values): the plugin and the program see the same config.
        const config = this.stackConfig();
        const plugin = await PluginServer.start({ cwd: this.projectDir, project: this.project, stack: this.stack, env: this.options.env });
        this.activePlugins.add(plugin);
        let outcome: RunResult;
        try {
            // Like the engine: the provider gets the whole stack config, secrets in plain text.
            await plugin.configure(config.values);
            outcome = await work({ plugin, previous, save, config });
        } catch (err) {
            throw withPluginOutput(err, plugin);
        } finally {
            this.activePlugins.delete(plugin);
            await plugin.close();
        }
        return { ...outcome, pluginOutput: plugin.standardOutput };
    }

    private stackConfig(): StackConfig {
        const fromFile = readStackConfigFile(this.projectDir, this.project, this.stack, this.passphrase);
        for (const [key, { value, secret }] of this.configValues) {
            fromFile.values[key] = value;
            if (secret) fromFile.secretKeys.add(key);
            else fromFile.secretKeys.delete(key);
        }
        return fromFile;
    }

    private readStackOutputs(stack: string): PropertyMap | undefined {
        const stored = readStateFile(path.join(this.stateDir, `${stack}.json`));
        if (!stored) return undefined;
        return decryptSecrets(stored.outputs, new SecretBox(this.passphrase, stored.secretsProvider.salt));
    }

    /** Runs of one harness never overlap, as runs of one stack never do. */
    private exclusive(kind: RunKind, run: () => Promise<RunResult>): Promise<RunResult> {
        const emit = (event: HarnessEvent) => this.options.onEvent?.(event);
        const next = this.running.then(async () => {
            emit({ type: "run-start", kind });
            try {
                const outcome = await run();
                emit({ type: "run-done", kind, result: outcome });
                return outcome;
            } catch (err) {
                emit({ type: "run-done", kind, error: (err as Error).message });
                throw err;
            }
        });
        this.running = next.catch(() => undefined);
        return next;
    }
}

interface RunContext {
    plugin: PluginServer;
    /** The state before the run, secrets decrypted (wrapped). */
    previous: StateFile;
    save: (state: StateFile) => void;
    config: StackConfig;
}

function result(steps: Step[], outputs: PropertyMap): RunResult {
    return { steps: [...steps], outputs, changed: steps.some((s) => s.op !== "same"), pluginOutput: "" };
}

/** Provider stack traces go to the plugin's stderr; keep the tail on the error for debugging. */
function withPluginOutput(err: unknown, plugin: PluginServer): unknown {
    if (err instanceof Error && plugin.errorOutput.trim()) {
        (err as Error & { pluginStderr?: string }).pluginStderr = plugin.errorOutput.slice(-4000);
    }
    return err;
}
