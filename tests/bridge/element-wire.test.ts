/**
 * The wire shape of element resources (Intent, Entity, DialogNode): every input and the URN travel
 * as ONE JSON string (provider/bridge/resource.ts, wire.ts), the cheapest shape for a program
 * declaring them by the thousand, while every operation still sees the nested inputs.
 */
import { expect } from "chai";
import { MARKER_KEY, URN_KEY } from "../../provider/bridge/creation-marker";
import { IGNORED_KEY } from "../../provider/bridge/ignore-changes";
import { OWNER_KEY, ownerOf } from "../../provider/bridge/ownership";
import { pack, PACKED_KEY, unpack } from "../../provider/bridge/packing";
import { WireOperations } from "../../provider/bridge/wire";
import type { OperationContext } from "../../provider/bridge/spec";
import { operationsFor } from "../../plugin/runtime";
import { spec } from "../../resources/intent/spec";

const context = { versionV1: "2021-11-27", versionV2: "2021-11-27" };
const wire = () => new WireOperations(operationsFor("Intent"));
const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/watson-assistant:Intent::hello";

const declared = { workspaceId: "w1", intent: "hello", description: "greetings", examples: [{ text: "hi" }, { text: "hey" }] };
type Declared = Record<string, unknown>;
/** What the program registers: the packed text and the provider, nothing else. */
const registered = (inputs: Declared, extra: Declared = {}) => ({ [PACKED_KEY]: JSON.stringify({ ...inputs, [URN_KEY]: URN, ...extra }), __provider: "p" });
/** Outputs as stored after a deployment of `inputs`. */
const stored = (inputs: Declared) => ({ ...pack(inputs, spec.packed!), [MARKER_KEY]: "0123456789abcdef" });
/** A context whose client fails every call: the operation under test must make none. */
const noCalls = { client: { request: () => { throw new Error("no API call expected"); } }, settings: {}, log: () => undefined } as unknown as OperationContext;

describe("wire shape of element resources (every input in one JSON string)", () => {
    it("a check failure inside the packed inputs names the user's property path, the example by its text, and the value", () => {
        const result = wire().check({}, registered({ ...declared, examples: [{ text: "   " }] }), context);
        expect(result.failures).to.deep.include({ property: "", reason: 'examples["   "].text = "   ": must match pattern \\S (cannot be only whitespace)' });
    });

    it("checked inputs are the declared text, a creation marker and the owner derived from the URN inside it, and the provider", () => {
        const news = registered(declared);
        const first = wire().check({}, news, context).inputs!;
        expect(first).to.have.keys(PACKED_KEY, MARKER_KEY, OWNER_KEY, "__provider");
        expect(first[OWNER_KEY]).to.equal(ownerOf(URN));
        expect(first[PACKED_KEY]).to.equal(news[PACKED_KEY]);
        const elsewhere = wire().check({}, { ...news, [PACKED_KEY]: news[PACKED_KEY].replace("::hello", "::other") }, context).inputs!;
        expect(elsewhere[MARKER_KEY]).to.be.a("string").and.not.equal(first[MARKER_KEY]);
    });

    it("diff: the same declaration is no change; an example is an in-place update; a new workspaceId replaces", () => {
        const outs = stored(declared);
        expect(wire().diff(outs, registered(declared)).changes).to.equal(false);
        expect(wire().diff(outs, registered({ ...declared, examples: [{ text: "hello" }] }))).to.deep.include({ changes: true, replaces: [] });
        expect(wire().diff(outs, registered({ ...declared, workspaceId: "w2" }))).to.deep.include({ changes: true, replaces: ["workspaceId"] });
    });

    it("state of an earlier version (inputs nested) with the same content: an update that rewrites it packed, with no API call", async () => {
        const earlier = { ...declared, [MARKER_KEY]: "0123456789abcdef" };
        expect(wire().diff(earlier, registered(declared))).to.deep.include({ changes: true, replaces: [] });
        const { outs } = await wire().update(noCalls, "w1/hello", earlier, wire().check(earlier, registered(declared), context).inputs!);
        expect(outs).to.have.keys(PACKED_KEY, MARKER_KEY, OWNER_KEY);
        expect(unpack(outs, spec.packed!)).to.deep.include(declared);
        expect(wire().diff(outs!, registered(declared)).changes).to.equal(false);
    });

    it("ignoreChanges paths sent in the text keep the last deployment's values, so their change is no change", () => {
        const previous = wire().check({}, registered(declared), context).inputs!;
        const news = registered({ ...declared, description: "new words", examples: [{ text: "hi" }, { text: "yo" }] }, { [IGNORED_KEY]: ["description", "examples[1]"] });
        const checked = wire().check(previous, news, context).inputs!;
        const inputs = unpack(checked, spec.packed!);
        expect(inputs).to.include({ description: "greetings" });
        expect(inputs.examples).to.deep.equal(declared.examples);
        expect(inputs).not.to.have.property(IGNORED_KEY);
        expect(wire().diff(stored(declared), checked).changes).to.equal(false);
    });

    it("on a create, ignoreChanges keeps the declared values (there is no deployment to keep)", () => {
        const checked = wire().check({}, registered(declared, { [IGNORED_KEY]: ["description"] }), context).inputs!;
        expect(unpack(checked, spec.packed!)).to.include({ description: "greetings" }).and.not.have.property(IGNORED_KEY);
    });
});
