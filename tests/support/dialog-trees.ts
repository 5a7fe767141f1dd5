/**
 * Random dialog trees and edits for property-based tests (fast-check), and an independent model of
 * the service's dialog tree rules written from the documentation: siblings form ordered lists;
 * placing a node after P puts it right after P (first when there is no previous sibling), which
 * makes P's old follower follow it; a move takes the node out of its list first; a delete removes
 * the subtree; an update keeps the fields its body leaves out; a rename rewrites the references.
 *
 * Trees are kept as an array of nodes in sibling order: a node's previous sibling is the nearest
 * earlier node with the same parent. That form makes every edit a small array operation.
 */
import fc from "fast-check";
import type { DialogNodeElement } from "../../resources/v1-elements/types";

/** Number of cases: a few hundred by default, `PROPERTY_RUNS` for long runs (`npm run test:long`). */
export function propertyRuns(defaultRuns: number): number {
    const fromEnv = Number(process.env.PROPERTY_RUNS);
    return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

export interface TreeNode {
    dialogNode: string;
    parent?: string;
    conditions?: string;
    type?: string;
    nextStep?: { behavior: "jump_to"; selector: "body"; dialogNode: string };
}

/** The declared elements: parent and previousSibling from the array order. */
export function toElements(tree: TreeNode[]): DialogNodeElement[] {
    return tree.map((node, i) => {
        const previous = tree.slice(0, i).reverse().find((other) => other.parent === node.parent);
        return withoutUndefined({ ...node, previousSibling: previous?.dialogNode }) as DialogNodeElement;
    });
}

function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function subtreeOf(tree: TreeNode[], id: string): Set<string> {
    const ids = new Set([id]);
    for (let grew = true; grew;) {
        grew = false;
        for (const node of tree) if (node.parent !== undefined && ids.has(node.parent) && !ids.has(node.dialogNode)) { ids.add(node.dialogNode); grew = true; }
    }
    return ids;
}

const CONDITIONS = ["true", "#hello", "@product", "anything_else", "welcome"];

/** A random tree of 1 to `max` nodes: each node under an earlier one or at the root, some jumps. */
export function treeArbitrary(max = 10): fc.Arbitrary<TreeNode[]> {
    return fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: max }).map((picks) => {
        const tree: TreeNode[] = [];
        picks.forEach(([parentPick, placePick, conditionPick, jumpPick], i) => {
            const parentIndex = parentPick % (i + 2) - 1; // -1: root
            const node: TreeNode = { dialogNode: `n${i}`, conditions: CONDITIONS[conditionPick % CONDITIONS.length] };
            if (parentIndex >= 0 && parentIndex < i) node.parent = tree.find((n) => n.dialogNode === `n${parentIndex}`)!.dialogNode;
            tree.splice(placePick % (tree.length + 1), 0, node);
        });
        // Jumps (to any node, created before or after) exercise the planner's deferred jumps.
        picks.forEach(([, , , jumpPick], i) => {
            if (jumpPick % 4 === 0) tree.find((n) => n.dialogNode === `n${i}`)!.nextStep = { behavior: "jump_to", selector: "body", dialogNode: `n${jumpPick % picks.length}` };
        });
        return tree;
    });
}

export type Edit =
    | { kind: "move"; node: number; parent: number; index: number }
    | { kind: "rename"; node: number }
    | { kind: "insert"; parent: number; index: number }
    | { kind: "deleteSubtree"; node: number }
    | { kind: "wrapInFolder"; node: number }
    | { kind: "changeContent"; node: number; condition: number };

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant("move" as const), node: fc.nat(), parent: fc.nat(), index: fc.nat() }),
    fc.record({ kind: fc.constant("rename" as const), node: fc.nat() }),
    fc.record({ kind: fc.constant("insert" as const), parent: fc.nat(), index: fc.nat() }),
    fc.record({ kind: fc.constant("deleteSubtree" as const), node: fc.nat() }),
    fc.record({ kind: fc.constant("wrapInFolder" as const), node: fc.nat() }),
    fc.record({ kind: fc.constant("changeContent" as const), node: fc.nat(), condition: fc.nat() }),
);

/** The tree after the edits (a new array; picks are taken modulo the sizes, so every edit is valid). */
export function applyEdits(start: TreeNode[], edits: Edit[]): TreeNode[] {
    let tree = start.map((n) => ({ ...n }));
    let fresh = 0;
    const newId = (prefix: string) => `${prefix}${fresh++}`;
    for (const edit of edits) {
        if (tree.length === 0) {
            tree.push({ dialogNode: newId("new"), conditions: "true" });
            continue;
        }
        const target = "node" in edit ? tree[edit.node % tree.length] : undefined;
        switch (edit.kind) {
            case "move": {
                const moving = target!;
                const inside = subtreeOf(tree, moving.dialogNode);
                const parents = [undefined, ...tree.filter((n) => !inside.has(n.dialogNode)).map((n) => n.dialogNode)];
                tree = tree.filter((n) => n !== moving);
                moving.parent = parents[edit.parent % parents.length];
                tree.splice(edit.index % (tree.length + 1), 0, moving);
                break;
            }
            case "rename": {
                const from = target!.dialogNode;
                const to = newId("renamed");
                for (const n of tree) {
                    if (n.dialogNode === from) n.dialogNode = to;
                    if (n.parent === from) n.parent = to;
                    if (n.nextStep?.dialogNode === from) n.nextStep = { ...n.nextStep, dialogNode: to };
                }
                break;
            }
            case "insert": {
                const parents = [undefined, ...tree.map((n) => n.dialogNode)];
                tree.splice(edit.index % (tree.length + 1), 0, { dialogNode: newId("new"), parent: parents[edit.parent % parents.length], conditions: "true" });
                break;
            }
            case "deleteSubtree": {
                const gone = subtreeOf(tree, target!.dialogNode);
                tree = tree.filter((n) => !gone.has(n.dialogNode));
                for (const n of tree) if (n.nextStep && gone.has(n.nextStep.dialogNode)) delete n.nextStep;
                break;
            }
            case "wrapInFolder": {
                const folder: TreeNode = { dialogNode: newId("folder"), type: "folder", parent: target!.parent };
                tree.splice(tree.indexOf(target!), 0, folder);
                target!.parent = folder.dialogNode;
                break;
            }
            case "changeContent":
                target!.conditions = CONDITIONS[edit.condition % CONDITIONS.length];
                break;
        }
    }
    return tree;
}

/** Each node as "id: parent/previousSibling" ("-" for none), sorted: the tree's shape in one value. */
export function positionsOf(nodes: { dialogNode?: string; dialog_node?: string; parent?: string; previousSibling?: string; previous_sibling?: string }[]): string[] {
    return nodes
        .map((n) => `${n.dialogNode ?? n.dialog_node}: ${n.parent ?? "-"}/${n.previousSibling ?? n.previous_sibling ?? "-"}`)
        .sort();
}

/**
 * The documented tree rules as ordered sibling lists, applied to element-call bodies (snake_case).
 * Each call either succeeds (and changes the model) or is rejected (400), as the service would.
 */
export class SiblingListModel {
    private readonly parentOf = new Map<string, string | undefined>();
    private readonly children = new Map<string | undefined, string[]>([[undefined, []]]);

    create(body: { dialog_node: string; parent?: string; previous_sibling?: string }): boolean {
        const id = body.dialog_node;
        if (this.parentOf.has(id) || !this.canPlace(id, body.parent, body.previous_sibling)) return false;
        this.insert(id, body.parent, body.previous_sibling);
        return true;
    }

    /** `null` clears a field, a missing (or undefined, as JSON drops it) field keeps the node's current value. */
    update(id: string, body: { dialog_node?: string; parent?: string | null; previous_sibling?: string | null }): boolean {
        if (!this.parentOf.has(id)) return false;
        const parent = body.parent !== undefined ? body.parent ?? undefined : this.parentOf.get(id);
        const previous = body.previous_sibling !== undefined ? body.previous_sibling ?? undefined : this.previousOf(id);
        const newId = body.dialog_node ?? id;
        if (newId !== id && this.parentOf.has(newId)) return false;
        if (parent !== undefined && (parent === id || this.isInSubtree(parent, id))) return false;
        if (previous === id || !this.canPlace(id, parent, previous)) return false;
        if (parent !== this.parentOf.get(id) || previous !== this.previousOf(id)) {
            this.detach(id);
            this.insert(id, parent, previous);
        }
        if (newId !== id) this.rename(id, newId);
        return true;
    }

    delete(id: string): boolean {
        if (!this.parentOf.has(id)) return false;
        const gone = [...this.parentOf.keys()].filter((other) => other === id || this.isInSubtree(other, id));
        this.detach(id);
        for (const other of gone) { this.parentOf.delete(other); this.children.delete(other); }
        return true;
    }

    ids(): string[] {
        return [...this.parentOf.keys()];
    }

    childrenOf(parent: string | undefined): string[] {
        return [...(this.children.get(parent) ?? [])];
    }

    positions(): string[] {
        return positionsOf([...this.parentOf].map(([id, parent]) => ({ dialogNode: id, parent, previousSibling: this.previousOf(id) })));
    }

    private canPlace(id: string, parent: string | undefined, previous: string | undefined): boolean {
        if (parent !== undefined && !this.parentOf.has(parent)) return false;
        if (previous === undefined) return true;
        return previous !== id && this.parentOf.has(previous) && this.parentOf.get(previous) === parent;
    }

    private previousOf(id: string): string | undefined {
        const list = this.children.get(this.parentOf.get(id))!;
        const index = list.indexOf(id);
        return index > 0 ? list[index - 1] : undefined;
    }

    private isInSubtree(candidate: string, root: string): boolean {
        for (let at: string | undefined = candidate; at !== undefined; at = this.parentOf.get(at)) if (at === root) return true;
        return false;
    }

    private insert(id: string, parent: string | undefined, previous: string | undefined): void {
        const list = this.children.get(parent) ?? [];
        this.children.set(parent, list);
        list.splice(previous === undefined ? 0 : list.indexOf(previous) + 1, 0, id);
        this.parentOf.set(id, parent);
    }

    private detach(id: string): void {
        const list = this.children.get(this.parentOf.get(id))!;
        list.splice(list.indexOf(id), 1);
    }

    private rename(from: string, to: string): void {
        const parent = this.parentOf.get(from);
        this.parentOf.delete(from);
        this.parentOf.set(to, parent);
        const list = this.children.get(parent)!;
        list[list.indexOf(from)] = to;
        const kids = this.children.get(from);
        if (kids) { this.children.delete(from); this.children.set(to, kids); }
        for (const [child, p] of this.parentOf) if (p === from) this.parentOf.set(child, to);
    }
}
