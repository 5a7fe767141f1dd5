/**
 * The engine's wire shape of packed properties (provider/bridge/wire.ts, packing.ts): the Workspace
 * sends its collections as one JSON string, and every operation still sees them nested.
 */
import { expect } from "chai";
import { IGNORED_KEY } from "../../provider/bridge/ignore-changes";
import { PACKED_KEY, pack, unpack } from "../../provider/bridge/packing";
import { operationsFor } from "../../plugin/runtime";
import { WireOperations } from "../../provider/bridge/wire";
import { UNKNOWN } from "../../provider/values";
import { CONTENT_HASH_KEY, contentHash } from "../../provider/bridge/digests";
import { COLLECTIONS, type WorkspaceInputs } from "../../resources/workspace/types";

const wire = () => new WireOperations(operationsFor("Workspace"));
const context = { versionV1: "2021-11-27", versionV2: "2021-11-27" };

const declared: WorkspaceInputs = {
    name: "shop",
    language: "en",
    intents: [
        { intent: "hello", examples: [{ text: "hi" }] },
        { intent: "bye", examples: [{ text: "bye" }] },
        { intent: "order", examples: [{ text: "" }] },
    ],
    counterexamples: [{ text: "what is the weather" }],
};
/** `declared` without its invalid intent. */
const valid = (): WorkspaceInputs => ({ ...declared, intents: declared.intents!.slice(0, 2) });
const packed = (w: WorkspaceInputs): Record<string, any> => ({ ...pack(w as unknown as Record<string, unknown>, COLLECTIONS), __provider: "p" });
/** Outputs as stored after a deployment of `w`: digests and the hash of the packed text, no content. */
const stored = (w: WorkspaceInputs): Record<string, any> => operationsFor("Workspace").digesting.outputs({ ...w, workspaceId: "w1" });

describe("wire shape of packed properties (Workspace collections as one JSON string)", () => {
    it("a check failure inside the packed content names the element by its key and the offending value, in text the engine prints whole", () => {
        const result = wire().check({}, packed(declared), context);
        // Without a property the engine prints the reason alone, not `property ... value {<nil>}`.
        expect(result.failures).to.deep.include({ property: "", reason: 'intents[#order].examples[0].text = "": must match pattern \\S (cannot be only whitespace)' });
        expect(result.inputs).to.deep.equal(packed(declared));
    });

    it("check failures say the entity and value by key, the pattern, the regex engine's own error, and the dialog node it may have meant", () => {
        const zip = { entity: "zip", values: [{ value: "10001", type: "patterns" as const, patterns: ["\\d{5}"] }, { value: "94301", type: "patterns" as const, patterns: ["\\d{5}", "(((94"] }] };
        const nodes = [{ dialogNode: "welcome", conditions: "welcome" }, { dialogNode: "help", parent: "welcom", conditions: "#help" }];
        const reasons = wire().check({}, packed({ ...valid(), entities: [{ entity: "city" }, zip], dialogNodes: nodes }), context).failures?.map((f) => f.reason);
        expect(reasons).to.include('entities[@zip].values[94301].patterns[1] = "(((94": pattern is not a valid regular expression: Unterminated group');
        expect(reasons).to.include('dialogNodes[help].parent = "welcom": parent "welcom" is not a declared dialog node; did you mean "welcome"?');
    });

    it("a check failure never quotes a value that may be a credential (webhook headers)", () => {
        const webhooks = [{ name: "main", url: "https://hooks.example", headers: "Authorization: Bearer sk-123" }];
        const failures = wire().check({}, packed({ ...valid(), webhooks } as unknown as WorkspaceInputs), context).failures ?? [];
        expect(failures.map((f) => f.reason)).to.deep.equal(["webhooks[0].headers: must be array"]);
    });

    it("a failure of a small top-level property keeps the property, whose value the engine prints itself; a long value is shortened", () => {
        const failures = wire().check({}, packed({ ...valid(), name: "x".repeat(70), description: "tab\there".repeat(20) }), context).failures;
        expect(failures).to.deep.include({ property: "name", reason: "must NOT have more than 64 characters" });
        expect(failures?.map((f) => f.property)).to.include("description");
        const nested = wire().check({}, packed({ ...valid(), systemSettings: { disambiguation: { sensitivity: "very high" } } }), context).failures;
        expect(nested?.[0].property).to.equal("");
        expect(nested?.[0].reason).to.match(/^systemSettings\.disambiguation\.sensitivity = "very high": must be one of/);
        const long = wire().check({}, packed({ ...valid(), intents: [{ intent: "long", examples: [{ text: "a\tb ".repeat(40) }] }] }), context).failures;
        expect(long?.[0].reason).to.match(/^intents\[#long\]\.examples\[0\]\.text = "a\\tb a\\tb .{40,50}…: must match/);
    });

    it("checked inputs stay packed: collections as the declared JSON text, small scalars typed and normalized", () => {
        const valid = { ...declared, language: undefined, intents: declared.intents!.slice(0, 2) };
        const news = packed(valid);
        const result = wire().check({}, news, context);
        expect(result.failures ?? []).to.deep.equal([]);
        expect(result.inputs).to.include({ name: "shop", language: "en", [PACKED_KEY]: news[PACKED_KEY] });
        expect(result.inputs).not.to.have.any.keys(...COLLECTIONS);
    });

    it("a no-op diff compares the hash of the packed text alone, without reading it", () => {
        const text = "not even JSON";
        expect(wire().diff({ name: "shop", [CONTENT_HASH_KEY]: contentHash(text) }, { name: "shop", [PACKED_KEY]: text }).changes).to.equal(false);
    });

    it("outputs keep per-collection digests and the text's hash, never the content", () => {
        const outs = stored(declared);
        expect(outs).to.have.keys("name", "language", "workspaceId", "intentsDigests", "counterexamplesDigests", CONTENT_HASH_KEY);
        expect(outs[CONTENT_HASH_KEY]).to.equal(contentHash(packed(declared)[PACKED_KEY]));
        expect(outs.intentsDigests.split("\n").map((line: string) => line.split("\t")[0])).to.deep.equal(["hello", "bye", "order"]);
    });

    it("a changed example is a change of the collection; the same content in another order is none", () => {
        const edited = { ...declared, intents: [{ intent: "hello", examples: [{ text: "hello there" }] }, ...declared.intents!.slice(1)] };
        expect(wire().diff(stored(declared), packed(edited)).changes).to.equal(true);
        const reordered = { ...declared, intents: [...declared.intents!].reverse() };
        expect(wire().diff(stored(declared), packed(reordered)).changes).to.equal(false);
    });

    it("outputs of the version before digests (the packed content) with the same content: an in-place update that rewrites them", () => {
        const outs = { ...packed(declared), workspaceId: "w1" };
        expect(wire().diff(outs, packed(declared))).to.deep.include({ changes: true, replaces: [] });
        const reordered = { ...declared, intents: [...declared.intents!].reverse() };
        expect(wire().diff(outs, packed(reordered))).to.deep.include({ changes: true, replaces: [] });
    });

    it("state from before packing (collections nested) with the same content is an in-place update that rewrites it, never a replacement", () => {
        const result = wire().diff({ ...declared, workspaceId: "w1" }, packed(declared));
        expect(result).to.deep.include({ changes: true, replaces: [] });
    });

    it("ignoreChanges on a collection keeps the last deployment's elements, so a change there is no change", () => {
        const previous = wire().check({}, packed(valid()), context).inputs!;
        const edited = { ...valid(), intents: [{ intent: "hello", examples: [{ text: "hello there" }] }] };
        const news = { ...packed(edited), [PACKED_KEY]: JSON.stringify({ ...JSON.parse(packed(edited)[PACKED_KEY]), [IGNORED_KEY]: ["intents"] }) };
        const checked = wire().check(previous, news, context).inputs!;
        expect(unpack(checked, COLLECTIONS).intents).to.deep.equal(valid().intents);
        expect(wire().diff(stored(valid()), checked).changes).to.equal(false);
    });

    it("a content not known yet (preview) leaves each collection unknown", () => {
        expect(unpack({ name: "shop", [PACKED_KEY]: UNKNOWN }, COLLECTIONS)).to.include({ intents: UNKNOWN, dialogNodes: UNKNOWN });
        expect(wire().check({}, { name: "shop", [PACKED_KEY]: UNKNOWN }, context).failures ?? []).to.deep.equal([]);
    });
});
