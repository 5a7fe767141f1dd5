import { expect } from "chai";
import { DialogTree } from "../../../resources/workspace/dialog-order";
import { planCollection } from "../../../resources/workspace/plan";
import { planWorkspace } from "../../../resources/workspace/plan-modes";
import { counterexampleKind, dialogNodeKind, type ElementKind, identityOf, intentKind } from "../../../resources/v1-elements/kinds";
import { digestMap } from "../../../provider/element-digests";

/** What state keeps of `elements`: their digests. */
const stored = (kind: ElementKind, elements: any[]) => digestMap(identityOf(kind), elements);

const summary = (ops: any[]) => ops.map((o) => `${o.op} ${o.op === "create" ? o.element[o.kind.key] : o.key}${o.op === "update" && o.key !== o.element[o.kind.key] ? `->${o.element[o.kind.key]}` : ""}`);

const intents = (n: number) => Array.from({ length: n }, (_, i) => ({ intent: `i${i}`, examples: [{ text: `example ${i}` }] }));

/** Applies a plan of node ops to a simulated service tree and returns each node's position. */
function simulate(current: any[], ops: any[]): Record<string, string> {
    const tree = new DialogTree(current);
    const placed = new Map(current.map((n) => [n.dialogNode, n]));
    for (const op of ops) {
        if (op.op === "delete") { for (const id of tree.remove(op.key)) placed.delete(id); continue; }
        if (op.op === "update" && op.key !== op.element.dialogNode) { tree.rename(op.key, op.element.dialogNode); placed.delete(op.key); }
        tree.place(op.element.dialogNode, { parent: op.element.parent, previousSibling: op.element.previousSibling });
        placed.set(op.element.dialogNode, op.element);
    }
    const out: Record<string, string> = {};
    for (const id of placed.keys()) {
        const wanted = { parent: undefined, previousSibling: undefined } as any;
        // Read the simulated position back by asking where the node is.
        for (const parent of [undefined, ...placed.keys()]) for (const prev of [undefined, ...placed.keys()]) {
            if (tree.isAt(id, { parent, previousSibling: prev })) { wanted.parent = parent; wanted.previousSibling = prev; }
        }
        out[id] = `${wanted.parent ?? "-"}/${wanted.previousSibling ?? "-"}`;
    }
    return out;
}

const positions = (nodes: any[]) => Object.fromEntries(nodes.map((n) => [n.dialogNode, `${n.parent ?? "-"}/${n.previousSibling ?? "-"}`]));

describe("workspace update planner", () => {
    it("plans one update for one changed intent, whatever the order of the rest", () => {
        const current = intents(5);
        const desired = [...intents(5)].reverse();
        desired[0] = { intent: "i4", examples: [{ text: "example 4" }, { text: "another" }] };
        expect(summary(planCollection(intentKind, stored(intentKind, current), desired))).to.deep.equal(["update i4"]);
    });

    it("plans a rename as one update at the old key", () => {
        const desired = intents(3);
        desired[1] = { ...desired[1], intent: "renamed" };
        expect(summary(planCollection(intentKind, stored(intentKind, intents(3)), desired))).to.deep.equal(["update i1->renamed"]);
    });

    it("plans a replaced counterexample as one rename, and creates or deletes the rest", () => {
        expect(summary(planCollection(counterexampleKind, stored(counterexampleKind, [{ text: "a" }, { text: "b" }]), [{ text: "b" }, { text: "c" }]))).to.deep.equal(["update a->c"]);
        expect(summary(planCollection(counterexampleKind, stored(counterexampleKind, [{ text: "a" }]), [{ text: "a" }, { text: "c" }]))).to.deep.equal(["create c"]);
        expect(summary(planCollection(counterexampleKind, stored(counterexampleKind, [{ text: "a" }, { text: "b" }]), [{ text: "b" }]))).to.deep.equal(["delete a"]);
    });

    it("creates a new subtree parents first and after its previous sibling", () => {
        const current = [{ dialogNode: "root" }];
        const desired = [
            { dialogNode: "grandchild", parent: "child" },
            { dialogNode: "child", parent: "top" },
            { dialogNode: "top", previousSibling: "root" },
            { dialogNode: "root" },
        ];
        expect(summary(planCollection(dialogNodeKind, stored(dialogNodeKind, current), desired))).to.deep.equal(["create top", "create child", "create grandchild"]);
    });

    it("moves siblings with the fewest calls and ends where declared", () => {
        const current = [{ dialogNode: "a" }, { dialogNode: "b", previousSibling: "a" }, { dialogNode: "c", previousSibling: "b" }, { dialogNode: "d", previousSibling: "c" }];
        const desired = [{ dialogNode: "a" }, { dialogNode: "c", previousSibling: "a" }, { dialogNode: "b", previousSibling: "c" }, { dialogNode: "d", previousSibling: "b" }];
        const ops = planCollection(dialogNodeKind, stored(dialogNodeKind, current), desired);
        expect(ops).to.have.length(1);
        expect(simulate(current, ops)).to.deep.equal(positions(desired));
    });

    it("moves a kept child out of a removed subtree before deleting only the subtree's top", () => {
        const current = [
            { dialogNode: "old" }, { dialogNode: "x", parent: "old" }, { dialogNode: "y", parent: "old", previousSibling: "x" },
            { dialogNode: "keep", previousSibling: "old" },
        ];
        const desired = [{ dialogNode: "keep" }, { dialogNode: "y", parent: "keep" }];
        const ops = planCollection(dialogNodeKind, stored(dialogNodeKind, current), desired);
        expect(summary(ops)).to.deep.equal(["update keep", "update y", "delete old"]);
        expect(simulate(current, ops)).to.deep.equal(positions(desired));
    });

    it("creates nodes that jump to each other, then completes the deferred jump", () => {
        const desired = [
            { dialogNode: "a", nextStep: { behavior: "jump_to", dialogNode: "b" } },
            { dialogNode: "b", previousSibling: "a", nextStep: { behavior: "jump_to", dialogNode: "a" } },
        ];
        const ops = planCollection(dialogNodeKind, stored(dialogNodeKind, []), desired as any) as any[];
        expect(summary(ops)).to.deep.equal(["create a", "create b", "update a"]);
        expect(ops[0].element.nextStep).to.equal(undefined);
        expect(ops[1].element.nextStep.dialogNode).to.equal("a");
        expect(ops[2].element.nextStep.dialogNode).to.equal("b");
    });

    it("uses element calls for a few changes and one collection replace for many", () => {
        const few = planWorkspace({ intents: stored(intentKind, intents(100)) }, { intents: [...intents(99), { intent: "new" }] }, { scalarsChanged: false });
        expect(few.workspaceCalls).to.deep.equal([]);
        expect(few.ops).to.have.length(2);
        const desired = intents(100).map((i) => ({ ...i, description: "changed" }));
        const many = planWorkspace({ intents: stored(intentKind, intents(100)) }, { intents: desired }, { scalarsChanged: false });
        expect(many.workspaceCalls.map((c) => ({ append: c.append, collections: Object.keys(c.collections) }))).to.deep.equal([{ append: false, collections: ["intents"] }]);
        expect(many.ops).to.deep.equal([]);
    });

    it("folds changed collections into a workspace update that happens anyway, when that is cheaper", () => {
        const plan = planWorkspace({ counterexamples: stored(counterexampleKind, [{ text: "a" }]) }, { counterexamples: [{ text: "b" }] }, { scalarsChanged: true });
        expect(plan.workspaceCalls).to.have.length(1);
        expect(plan.workspaceCalls[0].scalars).to.equal(true);
        expect(plan.ops).to.deep.equal([]);
    });
});
