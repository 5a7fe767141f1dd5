/**
 * Release retention: plans cap the number of releases per assistant (IBM documents Lite 2, Plus
 * and Trial 10, Enterprise 50: https://cloud.ibm.com/docs/watson-assistant?topic=watson-assistant-publish-overview).
 * Keeps the newest N and deletes older ones, but never one that an environment runs.
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import type { ReleaseData } from "../v2-common/api-types";
import { listEnvironments } from "../v2-common/environments";
import { listAll } from "../v2-common/list";

/** Deletes releases older than the newest `keep`, skipping deployed ones; returns the numbers deleted. */
export async function applyRetention(ctx: OperationContext, assistantId: string, keep: number): Promise<string[]> {
    const releases = await listAll<ReleaseData>(ctx, { path: apiPath`/v2/assistants/${assistantId}/releases`, itemsKey: "releases" });
    const running = new Set((await listEnvironments(ctx, assistantId)).map((e) => e.release_reference?.release).filter((r): r is string => !!r));
    const isDeployed = (r: ReleaseData) => running.has(r.release) || (r.environment_references ?? []).length > 0;
    const older = releases.sort((a, b) => Number(b.release) - Number(a.release)).slice(keep);
    const deleted: string[] = [];
    for (const release of older.filter((r) => !isDeployed(r)).reverse()) {
        await ctx.client.request({ method: "DELETE", api: "v2", path: apiPath`/v2/assistants/${assistantId}/releases/${release.release}` });
        deleted.push(release.release);
    }
    const kept = older.filter(isDeployed).map((r) => r.release);
    if (deleted.length > 0 || kept.length > 0) {
        ctx.log(
            `release retention (keep the newest ${keep}) on assistant ${assistantId}: ` +
                `${deleted.length > 0 ? `deleted release${deleted.length > 1 ? "s" : ""} ${deleted.join(", ")}` : "deleted nothing"}` +
                `${kept.length > 0 ? `; kept older release${kept.length > 1 ? "s" : ""} ${kept.join(", ")} because an environment runs ${kept.length > 1 ? "them" : "it"}` : ""}`,
        );
    }
    return deleted;
}
