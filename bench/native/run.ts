/**
 * The native section alone: `npm run bench:native -- [--intents 1000] [--repeats 3] [--small]`
 * prints `{ "native": {...} }` (bench/native/scenarios.ts). `--small` measures a small workspace
 * (the quick plan's, bench/suite.ts) instead of the 2 MB one, for a quick run. Progress goes to
 * stderr. `npm run bench -- --native-only` runs the same series and writes their BENCHMARKS.md section.
 */
import { planFor } from "../suite";
import { LARGE } from "../workload";
import { nativeSummary, runNative } from "./scenarios";

async function main(argv: string[]): Promise<void> {
    const value = (flag: string, fallback: number) => {
        const at = argv.indexOf(flag);
        return at >= 0 ? Number(argv[at + 1]) : fallback;
    };
    const results = await runNative({
        repeats: value("--repeats", 3),
        intentResources: value("--intents", 1000),
        workspaceSize: argv.includes("--small") ? planFor(true).size : LARGE,
        limits: { rssLimitMb: 6000, timeoutMs: 30 * 60_000 },
        log: (message) => process.stderr.write(`${message}\n`),
    });
    if (results) process.stdout.write(`${JSON.stringify({ native: nativeSummary(results) }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
});
