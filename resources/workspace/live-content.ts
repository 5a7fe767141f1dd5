/**
 * Reading what the service holds of some collections, within the export limit: one export
 * (`export=true`: 20 per 30 minutes for the whole instance, asynchronous for a large workspace) or
 * each collection's own list route (intents and entities with `export=true`: 400 and 200 per 30
 * minutes; dialog nodes and counterexamples: 2,500), whichever costs less service time with what is
 * left of each window (cost.ts). A stack of many workspaces thus reads them without running into
 * the export window.
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { type CollectionName, ELEMENT_KINDS } from "../v1-elements/kinds";
import { clientBudgets, estimate, type PlannedCall } from "./cost";
import { exportWorkspace, listCollection, needsAsync } from "./endpoints";
import { workspaceFromApi } from "./mapping";
import type { WorkspaceInputs } from "./types";

/** The service's default page size of list routes. */
const PAGE_SIZE = 100;

export interface ContentHint {
    /** Elements expected per collection (from stored digests), to count list pages. */
    counts?: Partial<Record<CollectionName, number>>;
    /** Expected size of the whole workspace, to pick the asynchronous export. */
    bytes?: number;
}

/** The live content of `collections` (input shape, canonical), plus whatever else the read returned. */
export async function liveContent(ctx: OperationContext, workspaceId: string, collections: readonly CollectionName[], hint: ContentHint = {}): Promise<WorkspaceInputs> {
    const kinds = ELEMENT_KINDS.filter((kind) => collections.includes(kind.collection));
    const budgets = clientBudgets(ctx.client);
    const exportCalls: PlannedCall[] = needsAsync(hint.bytes ?? 0)
        ? [{ bucket: "workspaceExports", bytes: 0, async: true }, { bucket: "workspaceExports", bytes: 0 }]
        : [{ bucket: "workspaceExports", bytes: 0 }];
    const listCalls: PlannedCall[] = kinds.flatMap((kind) => {
        const pages = Math.max(1, Math.ceil((hint.counts?.[kind.collection] ?? 0) / PAGE_SIZE));
        return Array.from({ length: pages }, () => ({ bucket: kind.listBucket, bytes: 0 }));
    });
    if (estimate(listCalls, budgets).cost < estimate(exportCalls, budgets).cost) {
        const content: Record<string, unknown> = {};
        for (const kind of kinds) content[kind.apiCollection] = await listCollection(ctx, kind, workspaceId);
        return workspaceFromApi(content);
    }
    return workspaceFromApi(await exportWorkspace(ctx, workspaceId, hint.bytes));
}
