/**
 * The whole benchmark: which scenarios run at which sizes, and the results object that the JSON
 * output and BENCHMARKS.md are made from.
 */
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { largeWorkspaceEdits } from "./edits";
import { runEngine, type EngineOptions, type EngineResults } from "./engine/scenarios";
import { runNative, type NativeResults } from "./native/scenarios";
import { growthCurve, type GrowthPoint } from "./growth";
import { intentResources, workspaceThroughPlugin, type IntentResourcesRun, type WorkspacePluginRun } from "./harness-scenarios";
import { machineInfo, type MachineInfo } from "./machine";
import { providerSizes, type ProviderSize } from "./provider-size";
import { runServiceLimits, type ServiceLimitsResults } from "./service-limits/scenarios";
import { measureStoreMutation, type StoreMutationResults } from "./store/mutation";
import { runWorkspaceScenarios, type WorkspaceRun } from "./workspace-scenarios";
import { HUGE, LARGE, STORE_20MB, workspaceContent, type WorkspaceSize } from "./workload";

export interface SuiteOptions {
    quick: boolean;
    latencies: number[];
    growthSizes: number[];
    harness: boolean;
    /** The engine section (whole `pulumi up`s through the real CLI), or undefined to skip it. */
    engine?: EngineFlags;
    /** Only the engine section (the in-process and harness sections are skipped). */
    engineOnly?: boolean;
    /** Only the native section (bench/native/), with the engine flags' repeats and Intent resources. */
    nativeOnly?: boolean;
    /** Whether to measure persisting one mutation in a large state (bench/store). */
    store?: boolean;
    /** Only that measure. */
    storeOnly?: boolean;
    /** Whether to run the section under the service's limits (bench/service-limits). */
    serviceLimits?: boolean;
    /** Only that section. */
    serviceLimitsOnly?: boolean;
    log: (message: string) => void;
}

/** What the command line chooses of the engine section (bench/run.ts); sizes come from the plan. */
export interface EngineFlags {
    repeats: number;
    growth: number[];
    intentGrowth: number[];
    huge: boolean;
    rssLimitMb: number;
    /** Intent resources of the many-resources case (default: the plan's). */
    intents: number | undefined;
}

export interface SuitePlan {
    size: WorkspaceSize;
    addRemove: number;
    intentResources: number;
    /** Requests spent on the intent-create budget (limit 2000) before the scaled-down run; 0 = no such run. */
    preSpend: number;
    /** rateLimitWindowScale of the scaled-down run (30 min x scale). */
    windowScale: number;
    /** Latency of the Intent-resource runs. */
    intentLatencyMs: number;
    /** The engine section's 20 MB workspace. */
    hugeSize: WorkspaceSize;
    /** The workspace whose stored state (about 20 MB of JSON) the store section mutates. */
    storeSize: WorkspaceSize;
}

export function planFor(quick: boolean): SuitePlan {
    if (quick) {
        return {
            size: { intents: 20, examplesPerIntent: 3, entities: 6, valuesPerEntity: 3, synonymsPerValue: 2, dialogNodes: 60, counterexamples: 5 },
            addRemove: 3, intentResources: 8, preSpend: 0, windowScale: 1, intentLatencyMs: 0,
            hugeSize: { intents: 200, examplesPerIntent: 20, entities: 20, valuesPerEntity: 10, synonymsPerValue: 5, dialogNodes: 200, counterexamples: 50 },
            storeSize: { intents: 40, examplesPerIntent: 5, entities: 5, valuesPerEntity: 3, synonymsPerValue: 2, dialogNodes: 40, counterexamples: 5 },
        };
    }
    return { size: LARGE, addRemove: 50, intentResources: 1000, preSpend: 1500, windowScale: 0.01, intentLatencyMs: 50, hugeSize: HUGE, storeSize: STORE_20MB };
}

export interface SuiteResults {
    machine: MachineInfo;
    plan: SuitePlan;
    latencies: { latencyMs: number; run: WorkspaceRun }[];
    plugin?: WorkspacePluginRun;
    intentResources: IntentResourcesRun[];
    providers: Record<string, ProviderSize>;
    growth: GrowthPoint[];
    engine?: EngineResults;
    /** The native plugin's series, run with the engine section or alone. */
    native?: NativeResults;
    store?: StoreMutationResults;
    serviceLimits?: ServiceLimitsResults;
    totalMs: number;
}

async function withEmulator<T>(options: Parameters<typeof startEmulator>[0], work: (emu: RunningEmulator) => Promise<T>): Promise<T> {
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, ...options });
    try {
        return await work(emu);
    } finally {
        await emu.stop();
    }
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResults> {
    const started = performance.now();
    const plan = planFor(options.quick);
    const log = options.log;
    const empty = { machine: machineInfo(), plan, latencies: [], intentResources: [], providers: {}, growth: [] };
    if (options.serviceLimitsOnly) return { ...empty, serviceLimits: await runServiceLimits(options.quick, log), totalMs: performance.now() - started };
    if (options.nativeOnly) return { ...empty, native: options.engine && await runNative(engineOptions(plan, options.engine, log)), totalMs: performance.now() - started };
    const store = options.store || options.storeOnly ? await measureStoreMutation(plan.storeSize, options.quick ? 3 : 7, log) : undefined;
    if (options.storeOnly) return { ...empty, store, totalMs: performance.now() - started };
    const initial = workspaceContent(plan.size);

    log("serialized providers");
    const providers = await providerSizes();

    const latencies: SuiteResults["latencies"] = [];
    for (const latencyMs of options.engineOnly ? [] : options.latencies) {
        log(`large workspace, ${latencyMs} ms latency`);
        const run = await withEmulator({ latencyMs }, (emu) => runWorkspaceScenarios(emu, initial, largeWorkspaceEdits(plan.size.examplesPerIntent, plan.addRemove), log));
        latencies.push({ latencyMs, run });
    }

    log("growth curve (0 ms latency)");
    const growth = await withEmulator({}, (emu) => growthCurve(emu, options.engineOnly ? [] : options.growthSizes, log));

    let plugin: WorkspacePluginRun | undefined;
    const intentRuns: IntentResourcesRun[] = [];
    if (options.harness && !options.engineOnly) {
        log("large workspace through the plugin (harness, 0 ms latency)");
        plugin = await withEmulator({}, (emu) => workspaceThroughPlugin(emu, initial, log));
        log(`${plan.intentResources} Intent resources through the plugin, documented rate limits, ${plan.intentLatencyMs} ms latency`);
        intentRuns.push(await withEmulator({ rateLimits: true, latencyMs: plan.intentLatencyMs }, (emu) => intentResources(emu, {
            label: "documented limits", count: plan.intentResources, examplesPerIntent: plan.size.examplesPerIntent, editOne: true,
        }, log)));
        if (plan.preSpend > 0) {
            log(`${plan.intentResources} Intent resources, ${plan.preSpend} of 2000 intent creates already spent, windows x${plan.windowScale}`);
            intentRuns.push(await withEmulator({ rateLimits: true, latencyMs: plan.intentLatencyMs, clockScale: 1 / plan.windowScale }, (emu) => intentResources(emu, {
                label: `window ${plan.preSpend}/2000 spent`, count: plan.intentResources, examplesPerIntent: plan.size.examplesPerIntent, preSpend: plan.preSpend,
            }, log)));
        }
    }

    const engine = options.engine && await runEngine(engineOptions(plan, options.engine, log));
    const native = options.engine && await runNative(engineOptions(plan, options.engine, log));
    const serviceLimits = options.serviceLimits && !options.engineOnly ? await runServiceLimits(options.quick, log) : undefined;

    return { machine: machineInfo(), plan, latencies, plugin, intentResources: intentRuns, providers, growth, engine, native, store, serviceLimits, totalMs: performance.now() - started };
}

function engineOptions(plan: SuitePlan, flags: EngineFlags, log: (message: string) => void): EngineOptions {
    return {
        repeats: flags.repeats, workspaceSize: plan.size, intentResources: flags.intents ?? plan.intentResources, growth: flags.growth, intentGrowth: flags.intentGrowth,
        hugeSize: flags.huge ? plan.hugeSize : undefined, limits: { rssLimitMb: flags.rssLimitMb, timeoutMs: ENGINE_UP_TIMEOUT_MS }, log,
    };
}

/** One `up` that takes longer is stopped and reported as failed, so that the bench always ends. */
const ENGINE_UP_TIMEOUT_MS = 15 * 60_000;


