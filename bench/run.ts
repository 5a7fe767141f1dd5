/**
 * `npm run bench` (node dist/bench/run.js): runs the benchmark suite and writes BENCHMARKS.md.
 *
 *   --json            print one JSON object (see bench/summary.ts) on stdout
 *   --quick           tiny sizes, no scaled-down rate-limit run (the smoke test); writes no report unless --out
 *   --out <file>      where to write the report (default BENCHMARKS.md at the repo root)
 *   --no-report       do not write the report
 *   --latencies 0,50  added emulator latencies for the large-workspace scenarios
 *   --growth 100,1000,10000   intent counts of the growth curve
 *   --no-harness      skip the runs through the real plugin (harness)
 *   --no-engine       skip the engine section (whole `pulumi up`s through the real CLI)
 *   --engine-only     only the engine section (and the native one, which runs with it); it replaces
 *                     those sections of an existing report and leaves the rest of it as it was
 *   --native-only     only the native section (native plugin beside its floors); it replaces that
 *                     section of an existing report. Honours --engine-repeats and --engine-intents;
 *                     with --quick, the quick plan's sizes (no report unless --out)
 *   --engine-intents 1000                 Intent resources of the engine's many-resources case
 *   --engine-repeats 3                    no-op and edit `up`s per engine series (medians)
 *   --engine-growth 100,1000,10000        intents of the engine's workspace growth curve
 *   --engine-intent-growth 100,1000       Intent-resource counts of the engine's growth curve
 *   --no-engine-20mb  skip the 20 MB workspace
 *   --engine-rss-limit-mb 6000            stop an `up` whose processes hold more (shared machine)
 *   --no-store        skip the store section (one mutation persisted in a 20 MB emulator state)
 *   --store-only      only the store section; it replaces the store section of an existing report
 *   --no-service-limits   skip the section under the service's limits (1.5 MB cap, rate limits, clock scale)
 *   --service-limits-only only that section; it replaces that section of an existing report
 *
 * Progress goes to stderr.
 */
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./paths";
import { renderReport, withEngineSection, withNativeSection, withServiceLimitsSection, withStoreSection } from "./report";
import { runSuite, type EngineFlags, type SuiteResults } from "./suite";
import { summarize } from "./summary";

export interface CliOptions {
    json: boolean;
    quick: boolean;
    out: string | undefined;
    latencies: number[];
    growthSizes: number[];
    harness: boolean;
    engine: EngineFlags | undefined;
    engineOnly: boolean;
    nativeOnly: boolean;
    store: boolean;
    storeOnly: boolean;
    serviceLimits: boolean;
    serviceLimitsOnly: boolean;
}

const numbers = (value: string, flag: string) => value.split(",").map((v) => {
    const parsed = Number(v.trim());
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag}: "${v}" is not a number`);
    return parsed;
});

export function parseArgs(argv: string[]): CliOptions {
    const quick = argv.includes("--quick");
    const options: CliOptions = {
        json: false, quick, out: quick ? undefined : path.join(REPO_ROOT, "BENCHMARKS.md"),
        latencies: quick ? [0] : [0, 50], growthSizes: quick ? [10, 40] : [100, 1000, 10000], harness: true,
        engine: quick ? undefined : { repeats: 3, growth: [100, 1000, 10000], intentGrowth: [100, 1000], huge: true, rssLimitMb: 6000, intents: undefined },
        engineOnly: false,
        nativeOnly: false,
        store: true,
        storeOnly: false,
        serviceLimits: !quick,
        serviceLimitsOnly: false,
    };
    const engine = () => (options.engine ??= { repeats: 1, growth: [], intentGrowth: [], huge: false, rssLimitMb: 6000, intents: undefined });
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined) throw new Error(`${arg} needs a value`);
            return next;
        };
        switch (arg) {
            case "--json": options.json = true; break;
            case "--quick": break;
            case "--out": options.out = path.resolve(value()); break;
            case "--no-report": options.out = undefined; break;
            case "--latencies": options.latencies = numbers(value(), arg); break;
            case "--growth": options.growthSizes = numbers(value(), arg); break;
            case "--no-harness": options.harness = false; break;
            case "--no-engine": options.engine = undefined; break;
            case "--engine-only": engine(); options.engineOnly = true; break;
            case "--native-only": engine(); options.nativeOnly = true; break;
            case "--engine-repeats": engine().repeats = Math.max(1, numbers(value(), arg)[0]); break;
            case "--engine-growth": engine().growth = numbers(value(), arg); break;
            case "--engine-intent-growth": engine().intentGrowth = numbers(value(), arg); break;
            case "--no-engine-20mb": engine().huge = false; break;
            case "--engine-intents": engine().intents = numbers(value(), arg)[0]; break;
            case "--engine-rss-limit-mb": engine().rssLimitMb = numbers(value(), arg)[0]; break;
            case "--no-store": options.store = false; break;
            case "--store-only": options.storeOnly = true; options.engine = undefined; break;
            case "--no-service-limits": options.serviceLimits = false; break;
            case "--service-limits-only": options.serviceLimitsOnly = true; options.engine = undefined; break;
            default: throw new Error(`unknown option ${arg} (see bench/run.ts)`);
        }
    }
    return options;
}

type SectionUpdate = (report: string, results: SuiteResults, command: string) => string;

/** How a partial run (`--…-only`, first of them as in runSuite) puts its sections into an existing report; undefined for a whole run. */
function sectionUpdate(options: CliOptions): SectionUpdate | undefined {
    if (options.serviceLimitsOnly) return withServiceLimitsSection;
    if (options.nativeOnly) return withNativeSection;
    if (options.storeOnly) return withStoreSection;
    if (options.engineOnly) return (report, results, command) => withNativeSection(withEngineSection(report, results, command), results, command);
    return undefined;
}

export async function main(argv: string[]): Promise<void> {
    const options = parseArgs(argv);
    const log = (message: string) => process.stderr.write(`${message}\n`);
    const results = await runSuite({ ...options, log });
    if (options.json) process.stdout.write(`${JSON.stringify(summarize(results))}\n`);
    if (options.out) {
        const command = ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" ");
        const update = sectionUpdate(options);
        const previous = update && fs.existsSync(options.out) ? fs.readFileSync(options.out, "utf8") : undefined;
        fs.writeFileSync(options.out, update && previous !== undefined ? update(previous, results, command) : renderReport(results, command));
        log(`wrote ${path.relative(process.cwd(), options.out) || options.out}`);
    }
    log(`bench done in ${(results.totalMs / 1000).toFixed(1)} s`);
}

if (require.main === module) {
    main(process.argv.slice(2)).catch((err) => {
        process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
        process.exit(1);
    });
}
