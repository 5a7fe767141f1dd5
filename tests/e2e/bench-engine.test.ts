/**
 * The bench's engine section (bench/engine/) at tiny sizes through the real CLI: it measures what
 * it says (calls per up, peak memory by process, state), and `--json`'s `engine` object has
 * exactly the keys of issue 17. No timing assertions.
 */
import { expect } from "chai";
import { runEngine, type EngineResults } from "../../bench/engine/scenarios";
import { ENGINE_END, ENGINE_START } from "../../bench/engine/report";
import { engineSummary } from "../../bench/engine/summary";
import { machineInfo } from "../../bench/machine";
import { withEngineSection } from "../../bench/report";
import type { SuiteResults } from "../../bench/suite";
import { describeWithCli } from "./support";

const TINY = { intents: 6, examplesPerIntent: 3, entities: 2, valuesPerEntity: 2, synonymsPerValue: 1, dialogNodes: 10, counterexamples: 2 };

describeWithCli("bench engine section through the Pulumi CLI (tiny sizes)", () => {
    let results: EngineResults;

    before(async () => {
        results = (await runEngine({
            repeats: 1, workspaceSize: TINY, intentResources: 3, growth: [], intentGrowth: [], hugeSize: TINY,
            limits: { rssLimitMb: 6000, timeoutMs: 240_000 }, log: () => undefined,
        }))!;
    });

    it("runs every series to the end: create, a no-op up and a one-example edit up", () => {
        for (const s of [results.workspace.floor, results.workspace.ours, results.intents.floor, results.intents.ours, results.huge!]) {
            expect(s.failed, s.mode).to.equal(undefined);
            expect([s.noop.length, s.edit.length], s.mode).to.deep.equal([1, 1]);
        }
    });

    it("the floor makes no API call; ours makes none on a no-op and one write for one edited example", () => {
        for (const floor of [results.workspace.floor, results.intents.floor]) {
            expect([floor.create, ...floor.noop, ...floor.edit].map((u) => u.calls)).to.deep.equal([0, 0, 0]);
        }
        for (const ours of [results.workspace.ours, results.intents.ours]) {
            expect(ours.noop[0].calls, ours.mode).to.equal(0);
            expect(ours.edit[0].writeCalls, ours.mode).to.equal(1);
        }
    });

    it("measures the plugin's and the CLI's peak memory and the state each resource takes", () => {
        for (const s of [results.workspace.floor, results.workspace.ours]) {
            expect(s.create.peakRssMb.plugin, s.mode).to.be.above(0);
            expect(s.create.peakRssMb.cli, s.mode).to.be.above(0);
            expect(s.state.resourceBytes).to.have.length(1);
        }
        expect(results.intents.ours.state.resourceBytes).to.have.length(3);
    });

    it("summarizes into the engine object with exactly the keys of issue 17", () => {
        const engine = JSON.parse(JSON.stringify(engineSummary(results)));
        expect(Object.keys(engine).sort()).to.deep.equal([
            "floorEditUpMs", "floorNoopUpMs", "floorPluginPeakRssMb", "intentsEditUpMs", "intentsFloorEditUpMs", "intentsFloorNoopUpMs",
            "intentsNoopUpMs", "large20mb", "pluginPeakRssMb", "stateToContentRatio", "workspaceEditUpMs", "workspaceNoopUpMs",
        ]);
        expect(Object.keys(engine.large20mb).sort()).to.deep.equal(["editUpMs", "editWriteCalls", "noopCalls", "ok", "pluginPeakRssMb"]);
        expect(engine.large20mb).to.include({ ok: true, editWriteCalls: 1, noopCalls: 0 });
        expect(engine.stateToContentRatio).to.be.a("number");
    });

    it("--engine-only puts its section into an existing report in place of the old one, and leaves the rest as it was", () => {
        const suite = { engine: results, machine: machineInfo() } as SuiteResults;
        const once = withEngineSection("# Benchmarks\n\n## Other\n\nkept\n", suite, "npm run bench -- --engine-only");
        const twice = withEngineSection(once, suite, "npm run bench -- --engine-only");
        expect(twice.split(ENGINE_START)).to.have.length(2);
        expect(twice.split(ENGINE_END)).to.have.length(2);
        expect(twice).to.contain("## Other\n\nkept");
        expect(twice).to.contain("Intent resources: no-op up");
    });
});
