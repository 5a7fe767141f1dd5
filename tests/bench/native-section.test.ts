/**
 * The native section's report and `native` object from made-up series (no CLI run): ours beside
 * both floors, the targets judged against the one-string floor, and the section between its
 * markers whether the whole report or `--native-only` writes it.
 */
import { expect } from "chai";
import type { UpCost } from "../../bench/engine/cli-stack";
import type { EngineMode } from "../../bench/engine/program";
import type { EngineSeries } from "../../bench/engine/scenarios";
import { machineInfo } from "../../bench/machine";
import { NATIVE_END, NATIVE_START, nativeSection } from "../../bench/native/report";
import { nativeSummary, type NativeResults, type NativeTrio } from "../../bench/native/scenarios";
import { renderReport, withNativeSection } from "../../bench/report";
import { planFor, type SuiteResults } from "../../bench/suite";

const up = (wallMs: number, pluginMb: number): UpCost => ({
    calls: 0, writeCalls: 0, bytesSent: 0, bytesReceived: 0, throttled: 0, byRoute: {}, wallMs, peakRssMb: { plugin: pluginMb, cli: 100 },
});

/** A series whose ups all take `wallMs` and whose plugin peaks at `pluginMb`. */
const series = (mode: EngineMode, wallMs: number, pluginMb: number): EngineSeries => ({
    mode, contentBytes: 2_000_000, create: up(wallMs, pluginMb), noop: [up(wallMs, pluginMb)], edit: [up(wallMs, pluginMb)],
    state: { fileBytes: 40_000 * wallMs, resourceBytes: [10 * wallMs, 10 * wallMs] },
});

const trio = (label: string, prefix: "" | "intents-"): NativeTrio => ({
    label,
    floor: series(`${prefix}native-floor`, 1000, 100),
    nestedFloor: series(`${prefix}native-nested-floor`, 1200, 120),
    ours: series(`${prefix}native`, 1800, 140),
});

const results: NativeResults = { cli: "v3.248.0", repeats: 1, workspace: trio("workspace", ""), intentResources: 2, intents: trio("2 Intent resources", "intents-") };
const suite = { machine: machineInfo(), plan: planFor(true), latencies: [], intentResources: [], providers: {}, growth: [], native: results, totalMs: 1 } as SuiteResults;

describe("bench native section (made-up series)", () => {
    const section = nativeSection(results, "npm run bench -- --native-only", suite.machine);
    const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());

    it("puts ours beside both floors, with a ratio to each and the target against the one-string floor", () => {
        const header = section.find((l) => l.startsWith("| Measure"))!;
        expect(cells(header)).to.deep.equal(["Measure", "Floor (one string)", "Floor (same inputs)", "Ours", "Ours / floor", "Ours / same-inputs floor", "≤ 1.5× floor"]);
        const noop = cells(section.find((l) => l.includes("workspace: no-op up"))!);
        expect(noop.slice(1)).to.deep.equal(["1,000 ms", "1,200 ms", "1,800 ms", "1.8×", "1.5×", "**no**"]);
        const rss = cells(section.find((l) => l.includes("workspace: plugin peak RSS"))!);
        expect(rss.slice(4)).to.deep.equal(["1.4×", "1.17×", "yes"]);
    });

    it("reports the Intent resources' create and state against both floors with their targets", () => {
        const line = section.find((l) => l.startsWith("- 2 Intent resources"))!;
        expect(line).to.contain("≤ 1.1×");
        expect(line).to.contain("create 1,800 ms: 1.8× the one-string floor's 1,000 ms, 1.5× the same-inputs floor's 1,200 ms");
        expect(line).to.match(/state .*1\.8× the one-string floor's .*1\.5× the same-inputs floor's/);
    });

    it("keeps every key of the native object and adds the same-inputs floor's under nestedFloor", () => {
        const s = nativeSummary(results);
        expect(Object.keys(s)).to.include.members([
            "floorNoopUpMs", "workspaceNoopUpMs", "floorEditUpMs", "workspaceEditUpMs", "floorPluginPeakRssMb", "pluginPeakRssMb",
            "intentsFloorNoopUpMs", "intentsNoopUpMs", "intentsFloorEditUpMs", "intentsEditUpMs", "stateToContentRatio",
            "intentsCreateUpMs", "intentsFloorCreateUpMs", "intentsStateBytes", "intentsFloorStateBytes", "intentResources",
        ]);
        expect(s).to.include({
            floorNoopUpMs: 1000, nestedFloorNoopUpMs: 1200, nestedFloorEditUpMs: 1200, nestedFloorPluginPeakRssMb: 120,
            intentsNestedFloorNoopUpMs: 1200, intentsNestedFloorEditUpMs: 1200, intentsNestedFloorCreateUpMs: 1200, intentsNestedFloorStateBytes: 24_000,
        });
    });

    it("--native-only puts its section into an existing report in place of the old one, as the whole report writes it", () => {
        const once = withNativeSection("# Benchmarks\n\n## Other\n\nkept\n", suite, "npm run bench -- --native-only");
        const twice = withNativeSection(once, suite, "npm run bench -- --native-only");
        expect(twice.split(NATIVE_START)).to.have.length(2);
        expect(twice.split(NATIVE_END)).to.have.length(2);
        expect(twice).to.contain("## Other\n\nkept");
        expect(twice).to.contain(section.join("\n"));
        expect(renderReport(suite, "npm run bench -- --native-only")).to.contain(section.join("\n"));
    });
});
