/**
 * Figures of the engine section: medians of whole `pulumi up`s and peaks over a series, and the
 * `engine` object of `--json` with exactly the keys issue 17 names.
 */
import { round } from "../measure";
import type { UpCost } from "./cli-stack";
import type { EnginePair, EngineResults, EngineSeries } from "./scenarios";

export function median(values: number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

const ups = (s: EngineSeries): UpCost[] => [s.create, ...s.noop, ...s.edit].filter((u) => u !== undefined);
const ok = (u: UpCost) => u.failed === undefined;

export const noopMs = (s: EngineSeries) => median(s.noop.filter(ok).map((u) => u.wallMs));
export const editMs = (s: EngineSeries) => median(s.edit.filter(ok).map((u) => u.wallMs));
export const createMs = (s: EngineSeries) => (s.create && ok(s.create) ? round(s.create.wallMs) : null);

/** Highest peak of one role's processes over every `up` of the series. */
export function peakMb(s: EngineSeries, role: "plugin" | "cli" | "program"): number | null {
    const peaks = ups(s).map((u) => u.peakRssMb[role]).filter((v): v is number => v !== undefined);
    return peaks.length ? round(Math.max(...peaks)) : null;
}

/** State held by the (one) resource of the series per byte of declared content. */
export function stateToContent(s: EngineSeries): number | null {
    const total = s.state.resourceBytes.reduce((a, b) => a + b, 0);
    return total > 0 ? round(total / s.contentBytes, 2) : null;
}

const maxOf = (values: number[]) => (values.length ? Math.max(...values) : null);

export function engineSummary(e: EngineResults): Record<string, unknown> {
    const huge = e.huge;
    return {
        floorNoopUpMs: noopMs(e.workspace.floor),
        workspaceNoopUpMs: noopMs(e.workspace.ours),
        floorEditUpMs: editMs(e.workspace.floor),
        workspaceEditUpMs: editMs(e.workspace.ours),
        floorPluginPeakRssMb: peakMb(e.workspace.floor, "plugin"),
        pluginPeakRssMb: peakMb(e.workspace.ours, "plugin"),
        intentsFloorNoopUpMs: noopMs(e.intents.floor),
        intentsNoopUpMs: noopMs(e.intents.ours),
        intentsFloorEditUpMs: editMs(e.intents.floor),
        intentsEditUpMs: editMs(e.intents.ours),
        stateToContentRatio: stateToContent(e.workspace.ours),
        large20mb: huge === undefined ? null : {
            ok: huge.failed === undefined,
            editWriteCalls: huge.edit[0]?.writeCalls ?? null,
            noopCalls: huge.noop[0]?.calls ?? null,
            pluginPeakRssMb: peakMb(huge, "plugin"),
            editUpMs: editMs(huge),
        },
    };
}

function seriesDetail(s: EngineSeries) {
    return {
        createUpMs: createMs(s), noopUpMs: noopMs(s), editUpMs: editMs(s),
        noopCalls: s.noop[0]?.calls ?? null, editWriteCalls: s.edit[0]?.writeCalls ?? null,
        pluginPeakRssMb: peakMb(s, "plugin"), cliPeakRssMb: peakMb(s, "cli"), programPeakRssMb: peakMb(s, "program"),
        contentBytes: s.contentBytes, stateFileBytes: s.state.fileBytes, largestResourceStateBytes: maxOf(s.state.resourceBytes),
        ...(s.failed ? { failed: s.failed } : {}),
    };
}

const pairDetail = (p: EnginePair) => ({ floor: seriesDetail(p.floor), ours: seriesDetail(p.ours) });

/** Everything else the engine section measured (the report's tables), for run-to-run comparison. */
export function engineDetail(e: EngineResults): Record<string, unknown> {
    return {
        cli: e.cli,
        repeats: e.repeats,
        workspace: pairDetail(e.workspace),
        intents: pairDetail(e.intents),
        growth: e.growth.map((g) => ({ intents: g.intents, ...pairDetail(g) })),
        intentGrowth: e.intentGrowth.map((g) => ({ resources: g.resources, ...pairDetail(g) })),
        huge: e.huge && seriesDetail(e.huge),
    };
}
