/**
 * The update planner: from what the service holds (`current`: per-element digests, see
 * provider/element-digests.ts; state keeps no second copy of the content) and the declared
 * content (`desired`) of each owned collection, the fewest whole-element calls that reach the
 * declared state, and whether one whole-workspace update is cheaper. Digests tell which elements
 * changed, were renamed or removed, and where every dialog node is; the calls carry the declared
 * elements.
 *
 * Element plan, per collection (natural key: intent name, entity name, node id, counterexample text):
 *   - changed element (any subelement included) -> one update of that element, carrying all of it;
 *   - added -> one create; removed -> one delete;
 *   - a removed and an added element with the same content apart from the key -> one update at the
 *     old key carrying the new key (a rename in place);
 *   - dialog nodes: see dialog-order.ts (order, moves, subtrees).
 *
 * Cost model. Every call spends part of a per-route budget the service enforces per 30 minutes
 * (https://cloud.ibm.com/apidocs/assistant-v1#rate-limiting): whole-workspace updates are the scarcest (30), element
 * calls are plentiful (intents 2000, entities and counterexamples 1000, dialog nodes 500). We price
 * a call at the seconds of its route's window it consumes (1800 s / limit: 60 s for a workspace
 * update, 0.9 s for an intent call, 3.6 s for a dialog node call), plus the time to send its body
 * (1 s per 100 KB). A workspace update replaces each collection it carries in full, so carrying a
 * collection costs its whole declared size in bytes but saves all its element calls. The planner
 * carries a collection in the workspace update when that saves more than it costs, and makes the
 * workspace call only if the savings cover its fixed 60 s (or it happens anyway for scalar
 * changes). Bodies above the synchronous update limit (1.5 MB) always go element by element.
 * With these numbers a workspace update wins from about 67 intent changes or 17 node changes.
 */
import { diffDigests, type DigestMap } from "../../provider/element-digests";
import { type CollectionName, type ElementKind, ELEMENT_KINDS, identityOf } from "../v1-elements/kinds";
import type { DialogNodeElement } from "../v1-elements/types";
import { creationOrder, DialogTree, positionsOf } from "./dialog-order";

export type ElementOp =
    | { op: "create"; kind: ElementKind; element: any }
    /** `key` is the element's current key; a different key in `element` renames it. */
    | { op: "update"; kind: ElementKind; key: string; element: any }
    | { op: "delete"; kind: ElementKind; key: string };

export type Collections = Partial<Record<CollectionName, any[]>>;
/** What the service holds of each collection, as digests. */
export type CollectionDigests = Partial<Record<CollectionName, DigestMap>>;

export interface WorkspacePlan {
    /** Collections sent whole in one workspace update (their element ops are dropped). */
    bulk: CollectionName[];
    /** Element calls, in execution order, for the other collections. */
    ops: ElementOp[];
}

export const SECONDS_PER_WINDOW = 1800;
export const WORKSPACE_UPDATES_PER_30_MIN = 30;
export const BYTES_PER_SECOND = 100_000;
export const MAX_SYNC_UPDATE_BYTES = 1_500_000;

export const callCost = (callsPer30Min: number) => SECONDS_PER_WINDOW / callsPer30Min;
const bodyCost = (bytes: number) => bytes / BYTES_PER_SECOND;

/** Element calls turning `current` into `desired` for one collection. */
export function planCollection(kind: ElementKind, current: DigestMap, desired: any[]): ElementOp[] {
    if (kind.collection === "dialogNodes") return planDialogNodes(kind, current, desired);
    const { renames, created, deleted, changed } = matchElements(kind, current, desired);
    return [
        ...changed.map(([key, element]) => ({ op: "update" as const, kind, key, element })),
        ...renames.map(([key, element]) => ({ op: "update" as const, kind, key, element })),
        ...created.map((element) => ({ op: "create" as const, kind, element })),
        ...deleted.map((key) => ({ op: "delete" as const, kind, key })),
    ];
}

interface Matching {
    changed: [string, any][];
    renames: [string, any][];
    created: any[];
    deleted: string[];
}

/**
 * Pairs stored digests and declared elements by key; a removed and an added element with the same
 * digest are a rename. Positions are left out (the dialog planner simulates moves).
 */
function matchElements(kind: ElementKind, current: DigestMap, desired: any[]): Matching {
    const diff = diffDigests(identityOf(kind), current, desired, false);
    return {
        changed: diff.changed.map((c) => [c.key, c.element]),
        renames: diff.renamed.map((r) => [r.from, r.element]),
        created: diff.added,
        deleted: diff.removed,
    };
}

function planDialogNodes(kind: ElementKind, current: DigestMap, desired: DialogNodeElement[]): ElementOp[] {
    const { renames, created, deleted, changed } = matchElements(kind, current, desired);
    const tree = new DialogTree(positionsOf(current));
    const renamedFrom = new Map(renames.map(([from, node]) => [node.dialogNode as string, from]));
    const mustSend = new Set<string>([...changed.map(([key]) => key), ...created.map((n) => n.dialogNode)]);
    const ops: ElementOp[] = [];
    const { order, deferredJumps } = creationOrder(desired, (id) => tree.has(id));
    for (const declared of order) {
        const id = declared.dialogNode;
        // A jump to a node that does not exist yet is rejected: such nodes get it in a last update.
        const { nextStep: _n, ...withoutJump } = declared;
        const node = deferredJumps.has(id) ? withoutJump : declared;
        const from = renamedFrom.get(id);
        const position = { parent: node.parent, previousSibling: node.previousSibling };
        if (from !== undefined) {
            tree.rename(from, id);
            ops.push({ op: "update", kind, key: from, element: node });
            tree.place(id, position);
        } else if (!tree.has(id)) {
            ops.push({ op: "create", kind, element: node });
            tree.place(id, position);
        } else if (mustSend.has(id) || deferredJumps.has(id) || !tree.isAt(id, position)) {
            ops.push({ op: "update", kind, key: id, element: node });
            tree.place(id, position);
        }
    }
    for (const id of deferredJumps) {
        ops.push({ op: "update", kind, key: id, element: desired.find((n) => n.dialogNode === id) });
    }
    // Top of each removed subtree only: the service deletes descendants with it.
    const gone = new Set(deleted);
    for (const id of deleted) {
        if (!tree.has(id)) continue;
        let ancestor = tree.parentOf(id);
        while (ancestor !== undefined && !gone.has(ancestor)) ancestor = tree.parentOf(ancestor);
        if (ancestor !== undefined) continue;
        ops.push({ op: "delete", kind, key: id });
        tree.remove(id);
    }
    return ops;
}

/** Bytes of a collection sent whole (snake_case differs little in size; the camelCase JSON is a good estimate). */
function collectionBytes(elements: any[]): number {
    return Buffer.byteLength(JSON.stringify(elements));
}

/**
 * The plan for all owned collections. `current[c]` is what the service holds of each collection
 * in `desired`; `workspaceCallAnyway` says the scalars need a workspace update regardless.
 */
export function planWorkspace(current: CollectionDigests, desired: Collections, workspaceCallAnyway: boolean): WorkspacePlan {
    const perCollection = ELEMENT_KINDS
        .filter((kind) => desired[kind.collection] !== undefined)
        .map((kind) => {
            const ops = planCollection(kind, current[kind.collection] ?? new Map(), desired[kind.collection]!);
            const bytes = collectionBytes(desired[kind.collection]!);
            const saving = ops.length * callCost(kind.callsPer30Min) - bodyCost(bytes);
            return { kind, ops, bytes, saving };
        });
    let candidates = perCollection.filter((c) => c.ops.length > 0 && c.saving > 0).sort((a, b) => b.saving - a.saving);
    while (candidates.reduce((sum, c) => sum + c.bytes, 0) > MAX_SYNC_UPDATE_BYTES) candidates = candidates.slice(0, -1);
    const totalSaving = candidates.reduce((sum, c) => sum + c.saving, 0);
    const useBulk = candidates.length > 0 && (workspaceCallAnyway || totalSaving > callCost(WORKSPACE_UPDATES_PER_30_MIN));
    const bulk = new Set(useBulk ? candidates.map((c) => c.kind.collection) : []);
    return {
        bulk: [...bulk],
        ops: perCollection.filter((c) => !bulk.has(c.kind.collection)).flatMap((c) => c.ops),
    };
}
