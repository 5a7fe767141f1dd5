/**
 * The `--json` object: the headline keys of issue 7 (nested: `{"oneExampleEdit": {"calls": 1}}`)
 * plus every scenario, so that runs can be compared key by key.
 */
import { engineDetail, engineSummary } from "./engine/summary";
import { nativeSummary } from "./native/scenarios";
import { round } from "./measure";
import type { SuiteResults } from "./suite";
import type { ScenarioResult, WorkspaceRun } from "./workspace-scenarios";

export interface ScenarioSummary {
    calls: number;
    writeCalls: number;
    bytesSent: number;
    bytesReceived: number;
    wallMs: number;
    checkCpuMs: number;
    diffCpuMs: number;
    baselineCalls: number;
    baselineBytesSent: number;
    baselineWallMs: number;
    /** baselineBytesSent / bytesSent (Infinity serializes as null when we send nothing). */
    bytesRatio: number | null;
}

export function scenarioSummary(s: ScenarioResult): ScenarioSummary {
    return {
        calls: s.ours.calls,
        writeCalls: s.ours.writeCalls,
        bytesSent: s.ours.bytesSent,
        bytesReceived: s.ours.bytesReceived,
        wallMs: round(s.ours.wallMs),
        checkCpuMs: round(s.ours.checkCpuMs),
        diffCpuMs: round(s.ours.diffCpuMs),
        baselineCalls: s.baseline.calls,
        baselineBytesSent: s.baseline.bytesSent,
        baselineWallMs: round(s.baseline.wallMs),
        bytesRatio: s.ours.bytesSent > 0 ? round(s.baseline.bytesSent / s.ours.bytesSent) : null,
    };
}

const byKey = (run: WorkspaceRun) => Object.fromEntries([run.create, ...run.edits].map((s) => [s.key, scenarioSummary(s)]));

export function summarize(results: SuiteResults): Record<string, unknown> {
    const headline = results.latencies[0]?.run;
    const scenarios = headline ? byKey(headline) : {};
    const intentState = results.intentResources[0]?.state;
    return {
        oneExampleEdit: scenarios.oneExampleEdit,
        noopUp: scenarios.noopUp,
        largeCreate: scenarios.largeCreate,
        checkCpuMs: scenarios.noopUp?.checkCpuMs,
        diffCpuMs: scenarios.noopUp?.diffCpuMs,
        providerBytes: Object.fromEntries(Object.entries(results.providers).map(([type, p]) => [type, p.bytes])),
        providerSerializeMs: Object.fromEntries(Object.entries(results.providers).map(([type, p]) => [type, round(p.serializeMs)])),
        pluginPeakRssMb: results.plugin?.pluginPeakRssMb !== undefined ? round(results.plugin.pluginPeakRssMb) : null,
        stateBytesPerResource: {
            Workspace: results.plugin?.state.maxResourceBytes ?? null,
            Intent: intentState?.meanResourceBytes ?? null,
        },
        pluginPath: results.plugin && {
            createWallMs: round(results.plugin.create.wallMs),
            oneExampleEditWallMs: round(results.plugin.oneExampleEdit.wallMs),
            oneExampleEditCalls: results.plugin.oneExampleEdit.calls,
            noopUpWallMs: round(results.plugin.noopUp.wallMs),
            noopUpCalls: results.plugin.noopUp.calls,
            stateFileBytes: results.plugin.state.fileBytes,
        },
        intentResources: results.intentResources.map((r) => ({
            label: r.label,
            resources: r.resources,
            wallMs: round(r.create.wallMs),
            calls: r.create.calls,
            budgetLeft: r.budgetLeft ?? null,
            throttled: r.create.throttled,
            retries: r.create.retries,
            oneIntentEditCalls: r.oneIntentEdit?.calls,
            oneIntentEditWallMs: r.oneIntentEdit && round(r.oneIntentEdit.wallMs),
            stateFileBytes: r.state.fileBytes,
        })),
        growth: results.growth.map((g) => ({
            intents: g.intents,
            create: { calls: g.create.ours.calls, bytesSent: g.create.ours.bytesSent, wallMs: round(g.create.ours.wallMs), checkCpuMs: round(g.create.ours.checkCpuMs) },
            oneExampleEdit: scenarioSummary(g.oneExampleEdit),
        })),
        engine: results.engine ? engineSummary(results.engine) : null,
        engineDetail: results.engine ? engineDetail(results.engine) : null,
        native: results.native ? nativeSummary(results.native) : null,
        scenariosByLatency: Object.fromEntries(results.latencies.map((l) => [String(l.latencyMs), byKey(l.run)])),
        machine: results.machine,
        totalSeconds: round(results.totalMs / 1000),
    };
}
