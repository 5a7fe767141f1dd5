import { expect } from "chai";
import { renderReport } from "../../bench/report";
import { parseArgs } from "../../bench/run";
import { runSuite, type SuiteResults } from "../../bench/suite";
import { summarize } from "../../bench/summary";

describe("bench (quick sizes, no timing assertions)", function () {
    this.timeout(120_000);
    let results: SuiteResults;

    before(async () => {
        results = await runSuite({ quick: true, latencies: [0], growthSizes: [10, 40], harness: true, store: true, log: () => undefined });
    });

    it("runs every workspace scenario, for ours and for the baseline", () => {
        const run = results.latencies[0].run;
        expect([run.create, ...run.edits].map((s) => s.key)).to.deep.equal([
            "largeCreate", "oneExampleEdit", "addIntents", "removeIntents", "renameEntity", "moveDialogSubtree", "descriptionOnly", "noopUp",
        ]);
    });

    it("the baseline makes one whole-workspace call for every edit", () => {
        for (const s of results.latencies[0].run.edits) expect(s.baseline.calls, s.key).to.equal(1);
    });

    it("an edited example costs ours one write call, with fewer bytes sent than the baseline", () => {
        const edit = results.latencies[0].run.edits.find((s) => s.key === "oneExampleEdit")!;
        expect(edit.ours.writeCalls).to.equal(1);
        expect(edit.ours.bytesSent).to.be.below(edit.baseline.bytesSent);
    });

    it("a no-op up makes no API call", () => {
        expect(results.latencies[0].run.edits.find((s) => s.key === "noopUp")!.ours.calls).to.equal(0);
    });

    it("the --json summary names calls, bytes, CPU and memory for each scenario", () => {
        const json = JSON.parse(JSON.stringify(summarize(results)));
        expect(json.oneExampleEdit).to.include.keys("calls", "bytesSent", "baselineBytesSent");
        expect(json.noopUp.calls).to.equal(0);
        expect(json.largeCreate).to.include.keys("wallMs", "calls");
        expect(json).to.include.keys("diffCpuMs", "checkCpuMs", "pluginPeakRssMb");
        expect(Object.keys(json.providerBytes)).to.include.members(["Workspace", "Intent"]);
        // One create per Intent, plus the plan's connection probe (plugin/connection-probe.ts).
        expect(json.intentResources[0].calls).to.equal(results.plan.intentResources + 1);
        expect(json.growth.map((g: { intents: number }) => g.intents)).to.deep.equal([10, 40]);
    });

    it("renders a report with the targets and a table per scenario", () => {
        const report = renderReport(results, "npm run bench -- --quick");
        expect(report).to.contain("## Targets");
        expect(report).to.contain("## Large workspace, 0 ms latency");
        expect(report).to.contain("## Serialized `__provider` per resource type");
        expect(report).to.contain("## Growth curve");
    });

    it("persists one intent change in a stored state both ways: the whole file, and the record store writing one record", () => {
        const store = results.store!;
        expect(store.wholeFile.bytesWritten).to.equal(store.stateBytes);
        expect(store.recordStore.recordsWritten).to.equal(1);
        expect(store.recordStore.bytesWritten).to.be.below(store.stateBytes / 10);
        const report = renderReport(results, "npm run bench -- --quick");
        expect(report).to.contain("## Emulator persistence: one mutation in a large state");
    });

    it("parses the store section's flags (on by default; --store-only runs only it)", () => {
        expect(parseArgs([])).to.include({ store: true, storeOnly: false });
        expect(parseArgs(["--no-store"])).to.include({ store: false });
        expect(parseArgs(["--store-only"])).to.include({ storeOnly: true, engine: undefined });
    });

    it("a --quick run writes no report unless asked", () => {
        expect(parseArgs(["--quick"]).out).to.equal(undefined);
    });

    it("--json asks for the JSON summary", () => {
        expect(parseArgs(["--latencies", "0,50", "--json"])).to.include({ json: true });
    });

    it("--growth takes the growth-curve sizes as a comma-separated list", () => {
        expect(parseArgs(["--growth", "1,2"]).growthSizes).to.deep.equal([1, 2]);
    });

    it("an unknown option is refused", () => {
        expect(() => parseArgs(["--bogus"])).to.throw(/unknown option/);
    });

    it("parses the engine section's flags (on by default, off in quick runs, heavy parts selectable)", () => {
        expect(parseArgs([]).engine).to.deep.include({ repeats: 3, growth: [100, 1000, 10000], huge: true });
        expect(parseArgs(["--quick"]).engine).to.equal(undefined);
        expect(parseArgs(["--no-engine"]).engine).to.equal(undefined);
        const selected = parseArgs(["--engine-only", "--engine-growth", "100", "--engine-intent-growth", "100,1000,10000", "--no-engine-20mb", "--engine-repeats", "5"]);
        expect(selected).to.include({ engineOnly: true });
        expect(selected.engine).to.deep.include({ repeats: 5, growth: [100], intentGrowth: [100, 1000, 10000], huge: false });
    });

    it("--native-only runs the native section with the engine's repeats and Intent resources (quick sizes with --quick)", () => {
        const full = parseArgs(["--native-only", "--engine-intents", "200", "--engine-repeats", "2"]);
        expect(full).to.include({ nativeOnly: true });
        expect(full.out).to.match(/BENCHMARKS\.md$/);
        expect(full.engine).to.deep.include({ repeats: 2, intents: 200 });
        const quick = parseArgs(["--quick", "--native-only"]);
        expect(quick).to.include({ nativeOnly: true, out: undefined });
        expect(quick.engine).to.deep.include({ repeats: 1, intents: undefined });
    });
});
