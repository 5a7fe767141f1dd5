/**
 * The native section of the bench: the engine section's series (bench/engine/scenarios.ts) with
 * the native plugin instead of the dynamic providers, each beside two native floors
 * (floor-plugin.ts): one that only compares one JSON string, and one that takes the same nested
 * inputs as ours and only compares them. The plugins are found by the engine on PATH.
 */
import * as path from "path";
import { locatePulumiCli } from "../../drivers/pulumi-cli";
import { REPO_ROOT } from "../paths";
import { intentsOnly, workspaceContent, type WorkspaceSize } from "../workload";
import type { EngineLimits } from "../engine/cli-stack";
import type { EngineMode } from "../engine/program";
import { series, type EnginePair, type EngineSeries } from "../engine/scenarios";
import { createMs, editMs, noopMs, peakMb, stateToContent } from "../engine/summary";

export interface NativeOptions {
    repeats: number;
    workspaceSize: WorkspaceSize;
    intentResources: number;
    limits: EngineLimits;
    log: (message: string) => void;
}

/** Ours beside the one-string floor (`floor`, the floor) and the same-inputs floor. */
export interface NativeTrio extends EnginePair {
    nestedFloor: EngineSeries;
}

export interface NativeResults {
    cli: string;
    repeats: number;
    workspace: NativeTrio;
    intentResources: number;
    intents: NativeTrio;
}

type NativeModes = { floor: EngineMode; nestedFloor: EngineMode; ours: EngineMode };

/** Undefined without a Pulumi CLI with a Node.js language host (the bench program is Node.js). */
export async function runNative(options: NativeOptions): Promise<NativeResults | undefined> {
    const cli = locatePulumiCli();
    if (!cli?.hasNodeLanguageHost) {
        options.log("native: no Pulumi CLI with a Node.js language host (npm run pulumi-cli); section skipped");
        return undefined;
    }
    const ambient = [path.join(REPO_ROOT, "bin"), path.join(REPO_ROOT, "bench", "native", "bin")];
    process.env.PATH = [...ambient, process.env.PATH ?? ""].join(path.delimiter);
    const engineOptions = { ...options, growth: [], intentGrowth: [] };
    options.log(`native (real Pulumi CLI ${cli.version})`);
    const trio = async (label: string, modes: NativeModes, content: ReturnType<typeof workspaceContent>): Promise<NativeTrio> => {
        options.log(`  ${label}`);
        const run = (mode: EngineMode) => series(cli, mode, content, options.repeats, engineOptions);
        return { label, floor: await run(modes.floor), nestedFloor: await run(modes.nestedFloor), ours: await run(modes.ours) };
    };
    const workspace = await trio("workspace", { floor: "native-floor", nestedFloor: "native-nested-floor", ours: "native" }, workspaceContent(options.workspaceSize));
    const intents = await trio(`${options.intentResources} Intent resources`, { floor: "intents-native-floor", nestedFloor: "intents-native-nested-floor", ours: "intents-native" },
        workspaceContent(intentsOnly(options.intentResources), `intents ${options.intentResources}`));
    return { cli: cli.version, repeats: options.repeats, workspace, intentResources: options.intentResources, intents };
}

/** Bytes the series' resources take in the state (their entries, inputs and outputs), or null before any. */
export const stateBytes = (s: EngineSeries) => s.state.resourceBytes.reduce((a, b) => a + b, 0) || null;

/**
 * The `native` object: the engine object's keys (`floor*` is the one-string floor), plus the creates
 * and states of the Intent resources, and the same figures of the same-inputs floor (`nestedFloor*`).
 */
export function nativeSummary(n: NativeResults): Record<string, unknown> {
    return {
        floorNoopUpMs: noopMs(n.workspace.floor),
        workspaceNoopUpMs: noopMs(n.workspace.ours),
        floorEditUpMs: editMs(n.workspace.floor),
        workspaceEditUpMs: editMs(n.workspace.ours),
        floorPluginPeakRssMb: peakMb(n.workspace.floor, "plugin"),
        pluginPeakRssMb: peakMb(n.workspace.ours, "plugin"),
        intentsFloorNoopUpMs: noopMs(n.intents.floor),
        intentsNoopUpMs: noopMs(n.intents.ours),
        intentsFloorEditUpMs: editMs(n.intents.floor),
        intentsEditUpMs: editMs(n.intents.ours),
        stateToContentRatio: stateToContent(n.workspace.ours),
        intentsCreateUpMs: createMs(n.intents.ours),
        intentsFloorCreateUpMs: createMs(n.intents.floor),
        intentsStateBytes: stateBytes(n.intents.ours),
        intentsFloorStateBytes: stateBytes(n.intents.floor),
        nestedFloorNoopUpMs: noopMs(n.workspace.nestedFloor),
        nestedFloorEditUpMs: editMs(n.workspace.nestedFloor),
        nestedFloorPluginPeakRssMb: peakMb(n.workspace.nestedFloor, "plugin"),
        intentsNestedFloorNoopUpMs: noopMs(n.intents.nestedFloor),
        intentsNestedFloorEditUpMs: editMs(n.intents.nestedFloor),
        intentsNestedFloorCreateUpMs: createMs(n.intents.nestedFloor),
        intentsNestedFloorStateBytes: stateBytes(n.intents.nestedFloor),
        intentResources: n.intentResources,
    };
}
