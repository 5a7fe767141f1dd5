import { expect } from "chai";
import { restoreDroppedNulls } from "../../provider/native/dropped-nulls";

const node = (title: string, context: object) => ({ dialog_node: title, title, context });

describe("Native check: null members Pulumi YAML could not send", () => {
    it("a declaration lacking only the old null members gets the old value back", () => {
        const old = { dialogNodes: [node("a", { last_plant: null, n: 1 }), node("b", { x: 1 })] };
        const declared = { dialogNodes: [node("a", { n: 1 }), node("b", { x: 1 })] };
        expect(restoreDroppedNulls(old, declared)).to.deep.equal(old);
    });

    it("an edit elsewhere in the element keeps its null member, and the edit", () => {
        const old = { dialogNodes: [node("a", { last_plant: null })] };
        const declared = { dialogNodes: [{ ...node("a", {}), title: "edited" }] };
        expect(restoreDroppedNulls(old, declared)).to.deep.equal({ dialogNodes: [{ ...node("a", { last_plant: null }), title: "edited" }] });
    });

    it("never drops or changes a declared value: members the old value lacks, or holds with another value, stay as declared", () => {
        const old = { context: { a: null, b: 1 } };
        expect(restoreDroppedNulls(old, { context: { b: 2 } })).to.deep.equal({ context: { b: 2 } });
        expect(restoreDroppedNulls(old, { context: { b: 1, c: null } })).to.deep.equal({ context: { b: 1, c: null } });
        expect(restoreDroppedNulls({ context: { a: 1 } }, { context: {} })).to.deep.equal({ context: {} });
    });

    it("after an insertion a null member goes back only to the element it came from, never to a shifted sibling", () => {
        const old = { nodes: [node("a", { last_plant: null }), node("b", {})] };
        const declared = { nodes: [node("new", {}), node("a", {}), node("b", {})] };
        expect(restoreDroppedNulls(old, declared)).to.deep.equal({ nodes: [node("new", {}), node("a", { last_plant: null }), node("b", {})] });
        const shifted = { nodes: [node("b", {}), node("c", {}), node("d", {})] };
        expect(restoreDroppedNulls({ nodes: [node("b", { last_plant: null }), node("c", { last_plant: null })] }, shifted).nodes[2]).to.deep.equal(node("d", {}));
    });

    it("a create (no old inputs) keeps the declaration as it is", () => {
        const declared = { context: { b: 1 } };
        expect(restoreDroppedNulls({}, declared)).to.equal(declared);
    });
});
