/**
 * Orders dialog node calls so that each one is valid when it runs, and predicts where the service
 * will have put every node.
 *
 * The service keeps siblings as a linked list: placing node N after P makes the node that
 * followed P follow N, and taking N out makes its follower follow N's old previous sibling.
 * A move can therefore shift a node whose own declaration did not change. `DialogTree` simulates
 * those rules; the planner walks the declared nodes parents-first and previous-siblings-first
 * (so new subtrees and new anchors exist before they are referenced), and emits a call for a node
 * only when it is new, its content changed, or the simulation says it is not where it is declared.
 * Removed nodes are deleted last: by then no kept node depends on them, and deleting the top of
 * a removed subtree deletes the subtree (one call). Updates always send both position fields
 * (kinds.ts `alwaysSent`), and `digestsAfter` keeps the state of a stopped plan true to where the
 * relinking put every node, so that the next plan starts from the service's real tree.
 */
import type { DigestMap, ElementDigest } from "../../provider/element-digests";
import type { DialogNodeElement } from "../v1-elements/types";

interface Position {
    parent?: string;
    previousSibling?: string;
}

export class DialogTree {
    private readonly positions = new Map<string, Position>();

    constructor(nodes: DialogNodeElement[]) {
        for (const node of nodes) this.positions.set(node.dialogNode, { parent: node.parent, previousSibling: node.previousSibling });
    }

    has(id: string): boolean {
        return this.positions.has(id);
    }

    isAt(id: string, wanted: Position): boolean {
        const at = this.positions.get(id);
        return at !== undefined && at.parent === wanted.parent && at.previousSibling === wanted.previousSibling;
    }

    /** Moves (or inserts) `id` to `wanted`, relinking the followers of its old and new places. */
    place(id: string, wanted: Position): void {
        this.detach(id);
        for (const [other, at] of this.positions) {
            if (at.parent === wanted.parent && at.previousSibling === wanted.previousSibling) at.previousSibling = id;
            void other;
        }
        this.positions.set(id, { ...wanted });
    }

    /** A rename keeps the node's place; references to it follow the new id. */
    rename(from: string, to: string): void {
        const at = this.positions.get(from);
        if (!at) return;
        this.positions.delete(from);
        this.positions.set(to, at);
        for (const other of this.positions.values()) {
            if (other.parent === from) other.parent = to;
            if (other.previousSibling === from) other.previousSibling = to;
        }
    }

    /** Deletes a node and its subtree, as the service does; returns every id removed. */
    remove(id: string): string[] {
        if (!this.positions.has(id)) return [];
        this.detach(id);
        this.positions.delete(id);
        const removed = [id];
        for (const [child, at] of [...this.positions]) {
            if (at.parent === id) removed.push(...this.remove(child));
        }
        return removed;
    }

    parentOf(id: string): string | undefined {
        return this.positions.get(id)?.parent;
    }

    positionOf(id: string): Position | undefined {
        const at = this.positions.get(id);
        return at && { ...at };
    }

    private detach(id: string): void {
        const at = this.positions.get(id);
        if (!at) return;
        for (const other of this.positions.values()) {
            if (other.parent === at.parent && other.previousSibling === id) other.previousSibling = at.previousSibling;
        }
    }
}

/** One element call on the dialog nodes, as the planner emits it. */
export type NodeCall =
    | { op: "create"; element: DialogNodeElement }
    | { op: "update"; key: string; element: DialogNodeElement }
    | { op: "delete"; key: string };

/** The positions that stored digests keep, as nodes for DialogTree. */
export function positionsOf(digests: DigestMap): DialogNodeElement[] {
    return [...digests].map(([id, d]) => ({ dialogNode: id, parent: d.position.parent, previousSibling: d.position.previousSibling }));
}

/**
 * The digests of the nodes the service holds after `call`, every node at the place the service's
 * relinking gives it (not only the called one), so that the state of a stopped plan is true to
 * where the nodes are. (A rename also rewrites jumps to the node; the digests of the nodes holding
 * them stay as they were, so the next plan sends those nodes again: one call more, never one less.)
 */
export function digestsAfter(digests: DigestMap, call: NodeCall, digestOf: (node: DialogNodeElement) => ElementDigest): DigestMap {
    const tree = new DialogTree(positionsOf(digests));
    const after: DigestMap = new Map(digests);
    if (call.op === "delete") {
        for (const id of tree.remove(call.key)) after.delete(id);
    } else {
        const id = call.element.dialogNode;
        const from = call.op === "update" ? call.key : id;
        if (from !== id && tree.has(from)) tree.rename(from, id);
        tree.place(id, { parent: call.element.parent, previousSibling: call.element.previousSibling });
        after.delete(from);
        after.delete(id);
        after.set(id, digestOf(call.element));
    }
    return new Map([...after].map(([id, d]) => {
        const at = tree.positionOf(id)!;
        return [id, { hash: d.hash, position: { parent: at.parent, previousSibling: at.previousSibling } }];
    }));
}

/**
 * Declared nodes with every node after its parent and its previous sibling (a tree, so always
 * possible). A node whose jump target is a node still to be created later in that order is
 * listed in `deferredJumps`: it is created without `nextStep` and completed afterwards.
 */
export function creationOrder(nodes: DialogNodeElement[], exists: (id: string) => boolean): { order: DialogNodeElement[]; deferredJumps: Set<string> } {
    const byId = new Map(nodes.map((n) => [n.dialogNode, n]));
    const order: DialogNodeElement[] = [];
    const done = new Set<string>();
    const visit = (id: string | undefined): void => {
        const node = id === undefined ? undefined : byId.get(id);
        if (!node || done.has(node.dialogNode)) return;
        done.add(node.dialogNode);
        visit(node.parent);
        visit(node.previousSibling);
        order.push(node);
    };
    for (const node of nodes) visit(node.dialogNode);
    const deferredJumps = new Set<string>();
    const placed = new Set<string>();
    for (const node of order) {
        const target = node.nextStep?.dialogNode;
        if (target !== undefined && target !== node.dialogNode && !placed.has(target) && !exists(target)) deferredJumps.add(node.dialogNode);
        placed.add(node.dialogNode);
    }
    return { order, deferredJumps };
}
