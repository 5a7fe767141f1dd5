/**
 * `npm run bench:engine-workspace`: only the engine section's 2 MB workspace series through the
 * real CLI (create, no-op and one-example edit `up`s on a fresh stack), for a quick reading of its
 * state per byte of content and its calls while working on the Workspace. The full engine
 * section (`npm run bench -- --engine-only`) takes much longer. Writes no report: prints one JSON
 * object with the keys of `--json`'s engine object that this series gives, plus its detail.
 *
 *   --repeats 1     no-op and edit `up`s (medians)
 *   --with-floor    also the floor's series (for the time ratios)
 */
import { locatePulumiCli } from "../../drivers/pulumi-cli";
import { LARGE, workspaceContent } from "../workload";
import { series, type EngineOptions } from "./scenarios";
import { editMs, noopMs, peakMb, stateToContent } from "./summary";

async function main(argv: string[]): Promise<void> {
    const repeatsAt = argv.indexOf("--repeats");
    const repeats = repeatsAt >= 0 ? Math.max(1, Number(argv[repeatsAt + 1])) : 1;
    const cli = locatePulumiCli();
    if (!cli?.hasNodeLanguageHost) throw new Error("no Pulumi CLI with a Node.js language host (npm run pulumi-cli)");
    const log = (message: string): void => { process.stderr.write(`${message}\n`); };
    const options: Pick<EngineOptions, "limits" | "log"> = { limits: { rssLimitMb: 6000, timeoutMs: 15 * 60_000 }, log };
    const content = workspaceContent(LARGE);
    const ours = await series(cli, "workspace", content, repeats, options as EngineOptions);
    const floor = argv.includes("--with-floor") ? await series(cli, "floor", content, repeats, options as EngineOptions) : undefined;
    process.stdout.write(`${JSON.stringify({
        stateToContentRatio: stateToContent(ours),
        workspaceNoopUpMs: noopMs(ours), workspaceEditUpMs: editMs(ours), pluginPeakRssMb: peakMb(ours, "plugin"),
        ...(floor ? { floorNoopUpMs: noopMs(floor), floorEditUpMs: editMs(floor), floorPluginPeakRssMb: peakMb(floor, "plugin") } : {}),
        noopCalls: ours.noop[0]?.calls ?? null, editWriteCalls: ours.edit[0]?.writeCalls ?? null,
        contentBytes: ours.contentBytes, resourceStateBytes: ours.state.resourceBytes, stateFileBytes: ours.state.fileBytes,
        ...(ours.failed ? { failed: ours.failed } : {}),
    })}\n`);
}

main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
});
