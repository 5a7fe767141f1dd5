/**
 * The native floors' plugin (bench/native/floor-plugin.ts) does no provider work but must still
 * tell a change from none: the one-string floor compares its string, the same-inputs floor the
 * canonical JSON of each nested input (key order ignored).
 */
import { expect } from "chai";
import { floor } from "../../bench/native/floor-plugin";

const target = (type: string) => ({ type, urn: `urn:pulumi:bench::p::benchfloor:index:${type}::content` });
const diff = (type: string, olds: Record<string, unknown>, news: Record<string, unknown>) => floor.diff(target(type), "floor", olds, news, () => olds);

describe("bench native floor plugin", () => {
    const intent = { workspaceId: "w", intent: "refund", examples: [{ text: "money back" }, { text: "refund me" }] };

    it("the same-inputs floor sees no change when only key order differs", () => {
        const reordered = { examples: intent.examples.map((e) => ({ ...e })), intent: "refund", workspaceId: "w" };
        expect(diff("Nested", intent, reordered)).to.deep.include({ changes: false, detailedDiff: {} });
    });

    it("the same-inputs floor names the top-level input that changed", () => {
        const edited = { ...intent, examples: [{ text: "money back" }, { text: "refund me now" }] };
        expect(diff("Nested", intent, edited)).to.deep.include({ changes: true, detailedDiff: { examples: "update" } });
        expect(diff("Nested", intent, { ...intent, description: "new" }).detailedDiff).to.deep.equal({ description: "update" });
    });

    it("the one-string floor compares its string", () => {
        expect(diff("Content", { content: "a" }, { content: "a" }).changes).to.equal(false);
        expect(diff("Content", { content: "a" }, { content: "b" })).to.deep.include({ changes: true, detailedDiff: { content: "update" } });
    });

    it("both return their inputs as outputs", async () => {
        expect(await floor.create(target("Nested"), intent)).to.deep.equal({ id: "floor", outs: intent });
        expect(await floor.update(target("Nested"), "floor", intent, { ...intent, intent: "r2" })).to.deep.include({ intent: "r2" });
    });
});
