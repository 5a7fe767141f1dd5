/** The engine section of BENCHMARKS.md: ours beside its floor, whole `pulumi up`s through the real CLI. */
import { round } from "../measure";
import type { EnginePair, EngineResults, EngineSeries } from "./scenarios";
import { createMs, editMs, noopMs, peakMb, stateToContent } from "./summary";

const n = (value: number) => Math.round(value).toLocaleString("en-US");
const msOf = (value: number | null) => (value === null ? "–" : `${n(value)} ms`);
const mbOf = (value: number | null) => (value === null ? "–" : `${n(value)} MB`);
const sizeOf = (bytes: number) => (bytes < 10_000_000 ? `${n(bytes / 1024)} KB` : `${round(bytes / 1024 / 1024)} MB`);
const ratioOf = (floor: number | null, ours: number | null) => (floor === null || ours === null || floor === 0 ? "–" : `${round(ours / floor, 2)}×`);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const within = (floor: number | null, ours: number | null, limit: number) => (floor === null || ours === null ? "–" : ours <= limit * floor ? "yes" : "**no**");
const failure = (s: EngineSeries) => (s.failed ? `${s.mode}: ${s.failed}` : undefined);

function pairRows(p: EnginePair, what: string): string[] {
    const rows: [string, number | null, number | null, (v: number | null) => string, number | undefined][] = [
        [`${what}: create up`, createMs(p.floor), createMs(p.ours), msOf, undefined],
        [`${what}: no-op up`, noopMs(p.floor), noopMs(p.ours), msOf, 1.5],
        [`${what}: one-example edit up`, editMs(p.floor), editMs(p.ours), msOf, 1.5],
        [`${what}: plugin peak RSS`, peakMb(p.floor, "plugin"), peakMb(p.ours, "plugin"), mbOf, 1.5],
        [`${what}: CLI peak RSS`, peakMb(p.floor, "cli"), peakMb(p.ours, "cli"), mbOf, undefined],
        [`${what}: state file`, p.floor.state.fileBytes || null, p.ours.state.fileBytes || null, (v) => (v === null ? "–" : sizeOf(v)), undefined],
    ];
    return rows.map(([label, floor, ours, format, limit]) => row([label, format(floor), format(ours), ratioOf(floor, ours), limit === undefined ? "" : within(floor, ours, limit)]));
}

function growthTable<T extends EnginePair>(points: T[], size: (p: T) => string, heading: string): string[] {
    const lines = [
        row([heading, "Content", "Floor no-op", "Ours no-op", "Ratio", "Floor edit", "Ours edit", "Ratio", "Floor plugin RSS", "Ours plugin RSS", "Ours state file"]),
        row(Array(11).fill("---")),
    ];
    for (const p of points) {
        const [fn, on, fe, oe] = [noopMs(p.floor), noopMs(p.ours), editMs(p.floor), editMs(p.ours)];
        lines.push(row([size(p), sizeOf(p.ours.contentBytes), msOf(fn), msOf(on), ratioOf(fn, on), msOf(fe), msOf(oe), ratioOf(fe, oe),
            mbOf(peakMb(p.floor, "plugin")), mbOf(peakMb(p.ours, "plugin")), p.ours.state.fileBytes ? sizeOf(p.ours.state.fileBytes) : "–"]));
    }
    return lines;
}

export function engineSection(e: EngineResults): string[] {
    const out: string[] = [];
    const w = e.workspace;
    out.push(`## Engine: whole \`pulumi up\`s through the real CLI (${e.cli}), ours beside its floor`, "");
    out.push(`Each figure is a whole \`pulumi up --yes --skip-preview\` run by the real Pulumi CLI (drivers/pulumi-cli: file backend, offline) against the in-process emulator (0 ms latency): CLI start, program, the dynamic-provider plugin over gRPC, the API calls and the checkpoint writes. **Floor** is a trivial dynamic provider (bench/engine/floor-provider.ts: no API call, compares its input, returns it as its output) carrying the same content as ONE JSON string; for many resources, the same number of such resources each carrying one intent. No-op and edit times are medians of ${e.repeats} \`up\`s (growth points: 1). **Peak RSS** is each process's VmHWM sampled from /proc every 50 ms over every \`up\` of the series: *plugin* is the dynamic-provider plugin (a Node.js process), *CLI* the \`pulumi\` engine process. Every series runs on a fresh stack and emulator. The machine is shared, so read ratios rather than absolute times.`, "");
    out.push(row(["Measure", "Floor", "Ours", "Ours / floor", "≤ 1.5× floor"]), row(Array(5).fill("---")));
    out.push(...pairRows(w, `${sizeOf(w.ours.contentBytes)} workspace`));
    out.push(...pairRows(e.intents, `${n(e.intentResources)} Intent resources`));
    out.push("");
    const state = stateToContent(w.ours);
    out.push(`- State of the Workspace resource per byte of content: **${state ?? "–"}** (target ≤ 1.2; inputs and outputs each hold the whole content today); the floor's: ${stateToContent(w.floor) ?? "–"}.`);
    out.push(`- Calls: the workspace's no-op up made ${w.ours.noop[0]?.calls ?? "–"} API call(s), its one-example edit ${w.ours.edit[0]?.writeCalls ?? "–"} write call(s); among the Intent resources, ${e.intents.ours.noop[0]?.calls ?? "–"} and ${e.intents.ours.edit[0]?.writeCalls ?? "–"}.`);
    for (const f of [w.floor, w.ours, e.intents.floor, e.intents.ours].map(failure).filter(Boolean)) out.push(`- Failed: ${f}`);
    out.push("");
    if (e.huge) {
        const h = e.huge;
        out.push(`### A ${sizeOf(h.contentBytes)} workspace (plugin's default heap)`, "");
        out.push(row(["Deployed", "Create up", "No-op up (calls)", "One-example edit up (write calls)", "Plugin peak RSS", "CLI peak RSS", "State file"]), row(Array(7).fill("---")));
        out.push(row([h.failed ? `**no**: ${h.failed}` : "yes", msOf(createMs(h)), h.noop[0] ? `${msOf(noopMs(h))} (${h.noop[0].calls})` : "–",
            h.edit[0] ? `${msOf(editMs(h))} (${h.edit[0].writeCalls})` : "–", mbOf(peakMb(h, "plugin")), mbOf(peakMb(h, "cli")), h.state.fileBytes ? sizeOf(h.state.fileBytes) : "–"]));
        out.push("");
    }
    if (e.growth.length) {
        out.push("### Growth: a workspace of N intents × 20 examples (one `up` each)", "", ...growthTable(e.growth, (g) => n(g.intents), "Intents"), "");
        for (const f of e.growth.flatMap((g) => [g.floor, g.ours]).map(failure).filter(Boolean)) out.push(`- Failed: ${f}`);
    }
    if (e.intentGrowth.length) {
        out.push("### Growth: N separate Intent resources (one `up` each; the 1,000 row is the series above)", "", ...growthTable(e.intentGrowth, (g) => n(g.resources), "Resources"), "");
    }
    return out;
}
