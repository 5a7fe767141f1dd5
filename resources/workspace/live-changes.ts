/**
 * Never a silent overwrite. The state keeps the workspace's `updated` stamp as of the end of its
 * last create, update or adoption (freshness.ts); before an update, one plain GET (not the
 * export-limited read) tells whether anything changed in the service since. Only then are the
 * owned collections listed (the element list routes, not the workspace export) and compared with
 * the stored digests: an element changed in the service that this update would write is a
 * conflict, one the update leaves alone is drift (provider/bridge/live-changes.ts says what
 * follows). The same GET shows a workspace another stack took over.
 */
import { type ElementDigest, digestMap } from "../../provider/element-digests";
import type { LiveChanges, OperationContext } from "../../provider/bridge/spec";
import { identityOf, ELEMENT_KINDS } from "../v1-elements/kinds";
import { elementFromApi } from "../v1-elements/element-client";
import { storedDigests } from "./apply";
import { getWorkspace, listCollection } from "./endpoints";
import { unchangedSince, updatedOf } from "./freshness";
import { otherOwner } from "./ownership";
import type { WorkspaceInputs, WorkspaceOutputs } from "./types";

/**
 * `outputs` with the stamp of the workspace as this deploy leaves it: the status read that ended
 * the deploy gave it (training wait), else one plain GET does.
 */
export async function stamped<O extends { workspaceId: string; updated?: string }>(ctx: OperationContext, outputs: O): Promise<O> {
    if (outputs.updated !== undefined) return outputs;
    const updated = updatedOf(await getWorkspace(ctx, outputs.workspaceId));
    return updated === undefined ? outputs : { ...outputs, updated };
}

/** What changed in the service since the last deploy, against what `news` would write. */
export async function liveChanges(ctx: OperationContext, workspaceId: string, olds: WorkspaceOutputs, news: WorkspaceInputs): Promise<LiveChanges> {
    const stamp = await getWorkspace(ctx, workspaceId);
    const owner = otherOwner(stamp.metadata, ctx.owner);
    if (owner !== undefined) {
        throw new Error(`workspace ${workspaceId} is owned by ${owner} now (it was taken over); this stack no longer updates it. ` +
            "Remove it from this stack (`pulumi state delete <urn>`) or take it back with `takeOver: true` on a new resource.");
    }
    const changes: LiveChanges = { conflicts: [], drift: [] };
    if (olds.updated === undefined || unchangedSince(olds, stamp)) return changes;
    const stored = storedDigests(olds);
    for (const kind of ELEMENT_KINDS) {
        const before = stored[kind.collection];
        if (!before) continue;
        const identity = identityOf(kind);
        const items = await listCollection(ctx, kind, workspaceId);
        const live = digestMap(identity, items.map((item) => elementFromApi(kind, item)));
        const declared = Array.isArray(news[kind.collection]) ? digestMap(identity, news[kind.collection] as object[]) : undefined;
        for (const key of new Set([...before.keys(), ...live.keys()])) {
            if (same(before.get(key), live.get(key))) continue;
            // Already as declared (e.g. written by an interrupted update of this stack): nothing to lose.
            if (declared !== undefined && same(live.get(key), declared.get(key))) continue;
            const written = declared !== undefined && !same(before.get(key), declared.get(key));
            (written ? changes.conflicts : changes.drift).push(`${kind.label} "${key}"`);
        }
    }
    return changes;
}

/**
 * Same content. Positions are left out: the service moves dialog nodes behind the state's back
 * (placing a node makes the one that held its place follow it), which is no one's edit.
 */
function same(a: ElementDigest | undefined, b: ElementDigest | undefined): boolean {
    if (a === undefined || b === undefined) return a === b;
    return a.hash === b.hash;
}
