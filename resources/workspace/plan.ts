/**
 * The update planner: from what the service holds (`current`: per-element digests, see
 * provider/element-digests.ts; state keeps no second copy of the content) and the declared
 * content (`desired`) of each owned collection, the plan that needs the least service time
 * (cost.ts: calls, bytes, asynchronous waits and rate-limit windows). Digests tell which elements
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
 * Each changed collection is then brought over in one of three ways:
 *   - `elements`: the element calls above (small changes: a one-example edit is one call);
 *   - `replace`: the whole declared collection in one workspace update (`append=false` replaces
 *     exactly the collections a body carries, and only owned, declared collections are ever
 *     carried, so nothing the stack does not own is dropped);
 *   - `append`: the added elements in `append=true` updates (kept elements stay as they are),
 *     split into bodies under the synchronous limit or sent in one asynchronous update, and the
 *     other changes of the collection as element calls. Dialog nodes are appended only when the
 *     plan adds nodes and touches no existing one (an added node never takes an existing node's place).
 * plan-modes.ts prices every combination and keeps the cheapest.
 */
import { diffDigests, type DigestMap } from "../../provider/element-digests";
import { type CollectionName, type ElementKind, identityOf } from "../v1-elements/kinds";
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

export interface Matching {
    changed: [string, any][];
    renames: [string, any][];
    created: any[];
    deleted: string[];
}

/**
 * Pairs stored digests and declared elements by key; a removed and an added element with the same
 * digest are a rename. Positions are left out (the dialog planner simulates moves).
 */
export function matchElements(kind: ElementKind, current: DigestMap, desired: any[]): Matching {
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

