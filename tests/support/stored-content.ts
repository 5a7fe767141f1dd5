/**
 * What a Workspace's state says the service holds: per-element digests (provider/element-digests.ts),
 * from outputs of any version (digests, or the content packed or nested), and the same digests
 * of declared or exported content, to compare with.
 */
import { unpack } from "../../provider/bridge/packing";
import { operationsFor } from "../../plugin/runtime";
import { positionsOf } from "../../resources/workspace/dialog-order";
import { digestsOf, storedDigests as decoded } from "../../resources/workspace/apply";
import { workspaceFromApi } from "../../resources/workspace/mapping";
import type { CollectionDigests } from "../../resources/workspace/plan";
import { COLLECTIONS, type WorkspaceInputs, type WorkspaceOutputs } from "../../resources/workspace/types";

/** Per owned collection: element key -> "hash parent/previousSibling" (order ignored). */
export type DigestSummary = Record<string, Record<string, string>>;

function summary(digests: CollectionDigests): DigestSummary {
    return Object.fromEntries(Object.entries(digests).map(([c, map]) => [c, Object.fromEntries([...map!].map(([key, d]) => [
        key, `${d.hash} ${d.position.parent ?? "-"}/${d.position.previousSibling ?? "-"}`,
    ]))]));
}

/** The stored digests of a Workspace's outputs. */
export function storedCollections(outputs: unknown): CollectionDigests {
    return decoded(operationsFor("Workspace").digesting.stored(unpack(outputs as Record<string, unknown>, COLLECTIONS)) as WorkspaceOutputs);
}

export function storedDigests(outputs: unknown): DigestSummary {
    return summary(storedCollections(outputs));
}

/** The digests of declared content (its declared collections). */
export function contentDigests(content: WorkspaceInputs): DigestSummary {
    return summary(digestsOf(content));
}

/** The digests of an export (GET ?export=true), for the collections `like` has. */
export function exportDigests(exported: Record<string, unknown>, like: DigestSummary): DigestSummary {
    const content = workspaceFromApi(exported);
    return contentDigests(Object.fromEntries(Object.keys(like).map((c) => [c, (content as any)[c] ?? []])) as WorkspaceInputs);
}

/** The dialog node positions the state records, as dialog-trees.ts `positionsOf` takes them. */
export function storedNodes(outputs: unknown): { dialogNode: string; parent?: string; previousSibling?: string }[] {
    return positionsOf(storedCollections(outputs).dialogNodes ?? new Map());
}
