import { expect } from "chai";
import { deepEqual, withoutUndefined } from "../../provider/values";

describe("bridge value helpers", () => {
    it("deepEqual ignores key order and undefined members, but not array order or types", () => {
        expect(deepEqual({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).to.equal(true);
        expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).to.equal(true);
        expect(deepEqual([1, 2], [2, 1])).to.equal(false);
        expect(deepEqual({ a: "1" }, { a: 1 })).to.equal(false);
        expect(deepEqual({ a: [] }, { a: {} })).to.equal(false);
        expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).to.equal(false);
        expect(deepEqual(null, {})).to.equal(false);
    });

    it("withoutUndefined drops undefined members at every depth, which protobuf Structs reject", () => {
        expect(withoutUndefined({ a: undefined, b: { c: undefined, d: 1 }, e: [undefined, 2] })).to.deep.equal({ b: { d: 1 }, e: [null, 2] });
    });
});
