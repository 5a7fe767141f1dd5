// Runs a Pulumi program in this process against the harness monitor, the way the automation API's
// inline language host does: a fresh runtime store per run, options reset, config set, the program
// executed inside the root stack resource, then every outstanding RPC awaited.
import * as path from "path";
import { HarnessMonitor } from "./monitor";
import { Program } from "./types";

// Internal modules of @pulumi/pulumi 3.248 (the public setMocks cannot take a custom monitor).
/* eslint-disable @typescript-eslint/no-var-requires */
const settings = require("@pulumi/pulumi/runtime/settings") as {
    setMockOptions(monitor: unknown, project: string, stack: string, preview: boolean): void;
    waitForRPCs(): Promise<void>;
};
const runtimeState = require("@pulumi/pulumi/runtime/state") as {
    withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
    getStore(): Record<string, unknown>;
};
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as {
    setAllConfig(config: Record<string, string>, secretKeys: string[]): void;
};
const stackModule = require("@pulumi/pulumi/runtime/stack") as {
    runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
};

export interface ProgramRun {
    project: string;
    stack: string;
    dryRun: boolean;
    projectDir: string;
    program: Program;
    config: Record<string, string>;
    secretKeys: string[];
    monitor: HarnessMonitor;
}

/** Only one program runs at a time per process: the require cache and process hooks are shared. */
let queue: Promise<unknown> = Promise.resolve();

export function runProgram(run: ProgramRun): Promise<void> {
    const result = queue.then(() => runExclusive(run));
    queue = result.catch(() => undefined);
    return result;
}

async function runExclusive(run: ProgramRun): Promise<void> {
    const unhandled: unknown[] = [];
    const restore = captureUnhandledRejections(unhandled);
    try {
        await runtimeState.withLocalStorage(async () => {
            settings.setMockOptions(run.monitor, run.project, run.stack, run.dryRun);
            const store = runtimeState.getStore();
            store.supportsSecrets = true;
            store.supportsResourceReferences = true;
            store.supportsOutputValues = false;
            runtimeConfig.setAllConfig(run.config, run.secretKeys);
            let programError: unknown;
            try {
                await stackModule.runInPulumiStack(() => loadProgram(run));
            } catch (err) {
                programError = err;
            }
            // Registrations still in flight (outputs nobody awaited) must finish before the run ends.
            await settings.waitForRPCs();
            if (programError !== undefined) throw programError;
        });
    } finally {
        // Let rejections of outputs nobody awaited surface before handing the hooks back.
        await new Promise((resolve) => setImmediate(resolve));
        restore();
    }
    if (unhandled.length > 0) throw unhandled[0];
}

async function loadProgram(run: ProgramRun): Promise<unknown> {
    if (typeof run.program === "function") return run.program();
    const entry = require.resolve(path.resolve(run.projectDir, run.program));
    forgetProjectModules([run.projectDir, path.dirname(entry)]);
    const exported = require(entry);
    // As Pulumi's Node.js host: a module exporting a function is called and its result exported.
    if (typeof exported === "function") return exported();
    if (exported && exported.__esModule && typeof exported.default === "function") return exported.default();
    return exported;
}

/** Clears the program's own modules (not node_modules) so each run executes the program afresh. */
function forgetProjectModules(dirs: string[]): void {
    const roots = dirs.map((d) => path.resolve(d) + path.sep);
    for (const file of Object.keys(require.cache)) {
        if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        if (roots.some((root) => file.startsWith(root))) delete require.cache[file];
    }
}

/**
 * A failed registration rejects the outputs of its resource; where the program never awaits them
 * that becomes an unhandled rejection. Collect those for the run instead of letting them reach the
 * test runner's global handler.
 */
function captureUnhandledRejections(sink: unknown[]): () => void {
    const previous = process.listeners("unhandledRejection");
    process.removeAllListeners("unhandledRejection");
    const collect = (reason: unknown) => sink.push(reason);
    process.on("unhandledRejection", collect);
    return () => {
        process.off("unhandledRejection", collect);
        for (const listener of previous) process.on("unhandledRejection", listener);
    };
}
