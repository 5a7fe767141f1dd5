/**
 * The native section of the bench: the engine section's series (bench/engine/scenarios.ts) with
 * the native plugin instead of the dynamic providers, each beside a native floor (a plugin that
 * only compares one JSON string: floor-plugin.ts). The plugins are found by the engine on PATH.
 */
import * as path from "path";
import { locatePulumiCli } from "../../drivers/pulumi-cli";
import { REPO_ROOT } from "../paths";
import { intentsOnly, workspaceContent, type WorkspaceSize } from "../workload";
import type { EngineLimits } from "../engine/cli-stack";
import { series, type EnginePair } from "../engine/scenarios";
import { createMs, editMs, noopMs, peakMb, stateToContent } from "../engine/summary";

export interface NativeOptions {
    repeats: number;
    workspaceSize: WorkspaceSize;
    intentResources: number;
    limits: EngineLimits;
    log: (message: string) => void;
}

export interface NativeResults {
    cli: string;
    repeats: number;
    workspace: EnginePair;
    intentResources: number;
    intents: EnginePair;
}

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
    const pair = async (label: string, floorMode: "native-floor" | "intents-native-floor", oursMode: "native" | "intents-native", content: ReturnType<typeof workspaceContent>): Promise<EnginePair> => {
        options.log(`  ${label}`);
        return { label, floor: await series(cli, floorMode, content, options.repeats, engineOptions), ours: await series(cli, oursMode, content, options.repeats, engineOptions) };
    };
    const workspace = await pair("workspace", "native-floor", "native", workspaceContent(options.workspaceSize));
    const intents = await pair(`${options.intentResources} Intent resources`, "intents-native-floor", "intents-native", workspaceContent(intentsOnly(options.intentResources), `intents ${options.intentResources}`));
    return { cli: cli.version, repeats: options.repeats, workspace, intentResources: options.intentResources, intents };
}

const stateBytes = (p: EnginePair["ours"]) => p.state.resourceBytes.reduce((a, b) => a + b, 0) || null;

/** The `native` object: the engine object's keys, plus the creates and states of the Intent resources. */
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
        intentResources: n.intentResources,
    };
}
