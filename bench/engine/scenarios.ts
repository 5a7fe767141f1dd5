/**
 * The engine section of the bench: every figure is a whole `pulumi up` through the real CLI, ours
 * side by side with its floor (bench/engine/floor-provider.ts) in the same run, each series on a
 * fresh emulator and a fresh stack.
 */
import { startEmulator } from "watson-assistant-emulator";
import { locatePulumiCli, type PulumiCli } from "../../drivers/pulumi-cli";
import type { WorkspaceInputs } from "../../resources/workspace/types";
import { editOneExample } from "../edits";
import { createEmptyWorkspace } from "../harness-scenarios";
import { intentsOnly, workspaceContent, type WorkspaceSize } from "../workload";
import { EngineStack, type EngineLimits, type UpCost } from "./cli-stack";
import type { EngineMode } from "./program";

export interface EngineSeries {
    mode: EngineMode;
    contentBytes: number;
    create: UpCost;
    noop: UpCost[];
    edit: UpCost[];
    state: { fileBytes: number; resourceBytes: number[] };
    /** The first failed `up` (the series stops there). */
    failed?: string;
}

export interface EnginePair {
    label: string;
    floor: EngineSeries;
    ours: EngineSeries;
}

export interface EngineOptions {
    /** No-op and edit `up`s per series (their medians are reported). */
    repeats: number;
    workspaceSize: WorkspaceSize;
    intentResources: number;
    /** Intents (× 20 examples) of the workspace growth curve. */
    growth: number[];
    /** Intent-resource counts of the many-resources growth curve. */
    intentGrowth: number[];
    /** The 20 MB workspace, or undefined to skip it. */
    hugeSize?: WorkspaceSize;
    limits: EngineLimits;
    log: (message: string) => void;
}

export interface EngineResults {
    cli: string;
    repeats: number;
    workspace: EnginePair;
    intentResources: number;
    intents: EnginePair;
    growth: (EnginePair & { intents: number })[];
    intentGrowth: (EnginePair & { resources: number })[];
    huge?: EngineSeries;
}

export async function series(cli: PulumiCli, mode: EngineMode, content: WorkspaceInputs, repeats: number, options: EngineOptions): Promise<EngineSeries> {
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    let stack: EngineStack | undefined;
    const result: EngineSeries = {
        mode, contentBytes: Buffer.byteLength(JSON.stringify(content)), create: undefined as never, noop: [], edit: [], state: { fileBytes: 0, resourceBytes: [] },
    };
    const step = (label: string, cost: UpCost) => {
        options.log(`    ${mode} ${label}: ${Math.round(cost.wallMs)} ms, ${cost.calls} call(s), plugin ${Math.round(cost.peakRssMb.plugin ?? 0)} MB${cost.failed ? ` FAILED ${cost.failed}` : ""}`);
        result.failed ??= cost.failed;
        return cost.failed === undefined;
    };
    try {
        const workspaceId = mode.startsWith("intents") ? await createEmptyWorkspace(emu, `engine ${mode}`) : undefined;
        stack = await EngineStack.open(cli, emu, mode, options.limits, workspaceId);
        result.create = await stack.up(content);
        if (!step("create", result.create)) return result;
        for (let i = 0; i < repeats; i++) {
            const noop = await stack.up(content);
            result.noop.push(noop);
            if (!step("no-op", noop)) return result;
        }
        let declared = content;
        for (let i = 0; i < repeats; i++) {
            declared = editOneExample(declared);
            const edit = await stack.up(declared);
            result.edit.push(edit);
            if (!step("edit", edit)) return result;
        }
        result.state = stack.stateSize();
        return result;
    } finally {
        stack?.close();
        await emu.stop();
    }
}

async function pair(cli: PulumiCli, label: string, modes: [EngineMode, EngineMode], content: WorkspaceInputs, repeats: number, options: EngineOptions): Promise<EnginePair> {
    options.log(`  ${label}`);
    const floor = await series(cli, modes[0], content, repeats, options);
    const ours = await series(cli, modes[1], content, repeats, options);
    return { label, floor, ours };
}

/** Undefined when no Pulumi CLI with a Node.js language host is found (`npm run pulumi-cli` builds one). */
export async function runEngine(options: EngineOptions): Promise<EngineResults | undefined> {
    const cli = locatePulumiCli();
    if (!cli?.hasNodeLanguageHost) {
        options.log("engine: no Pulumi CLI with a Node.js language host (npm run pulumi-cli); section skipped");
        return undefined;
    }
    const workspaceModes: [EngineMode, EngineMode] = ["floor", "workspace"];
    const intentModes: [EngineMode, EngineMode] = ["intents-floor", "intents"];
    const intentsContent = (count: number) => workspaceContent(intentsOnly(count), `intents ${count}`);
    options.log(`engine (real Pulumi CLI ${cli.version})`);
    const workspace = await pair(cli, "workspace", workspaceModes, workspaceContent(options.workspaceSize), options.repeats, options);
    const intents = await pair(cli, `${options.intentResources} Intent resources`, intentModes, intentsContent(options.intentResources), options.repeats, options);
    const growth = [];
    for (const count of options.growth) {
        growth.push({ intents: count, ...await pair(cli, `growth: workspace of ${count} intents`, workspaceModes, intentsContent(count), 1, options) });
    }
    const intentGrowth = [];
    for (const count of options.intentGrowth) {
        const reused = count === options.intentResources ? intents : await pair(cli, `growth: ${count} Intent resources`, intentModes, intentsContent(count), 1, options);
        intentGrowth.push({ resources: count, ...reused });
    }
    let huge: EngineSeries | undefined;
    if (options.hugeSize) {
        options.log("  20 MB workspace");
        huge = await series(cli, "workspace", workspaceContent(options.hugeSize, "huge"), 1, options);
    }
    return { cli: cli.version, repeats: options.repeats, workspace, intentResources: options.intentResources, intents, growth, intentGrowth, huge };
}
