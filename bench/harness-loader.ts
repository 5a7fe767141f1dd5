/**
 * Loads the engine-path harness (tests/harness, TypeScript that is not part of the build) at run
 * time through ts-node, so that the compiled bench does not pull test code into dist/. Only the
 * parts the bench uses are typed here.
 */
import * as path from "path";

export interface HarnessStep {
    urn: string;
    op: string;
    durationMs: number;
}

export interface HarnessRun {
    steps: HarnessStep[];
}

export interface HarnessStateResource {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
}

export interface BenchHarness {
    readonly statePath: string;
    up(): Promise<HarnessRun>;
    state(): { resources: HarnessStateResource[] };
    close(): Promise<void>;
}

export interface BenchHarnessOptions {
    projectDir: string;
    stack: string;
    config: Record<string, string>;
    program: () => unknown;
    parallel?: number;
}

/** The repository root, from both bench/ (ts-node) and dist/bench/ (compiled). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

/** The folder with the bench's Pulumi.yaml (inside the repo, so the plugin finds the package). */
export const PROJECT_DIR = path.join(REPO_ROOT, "bench", "project");

let loaded: { Harness: new (options: BenchHarnessOptions) => BenchHarness } | undefined;

export function newHarness(options: BenchHarnessOptions): BenchHarness {
    if (!loaded) {
        const alreadyRegistered = (process as unknown as Record<symbol, unknown>)[Symbol.for("ts-node.register.instance")];
        if (!alreadyRegistered) require("ts-node").register({ transpileOnly: true, project: path.join(REPO_ROOT, "tsconfig.json") });
        loaded = require(path.join(REPO_ROOT, "tests", "harness")) as typeof loaded;
    }
    return new loaded!.Harness(options);
}
