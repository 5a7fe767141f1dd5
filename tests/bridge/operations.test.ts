import { expect } from "chai";
import { ResourceOperations } from "../../provider/bridge/operations";
import { PartialFailure } from "../../provider/bridge/errors";
import { ApiError } from "../../provider/http/errors";
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { UNKNOWN } from "../../provider/values";

interface NoteInputs { title: string; tags?: string[]; language?: string; secret?: string }
interface NoteOutputs extends NoteInputs { noteId: string }

/** A resource kept in a Map, enough to pin the bridge's own behaviour. */
function noteSpec(store: Map<string, NoteInputs>, overrides: Partial<ResourceSpec<NoteInputs, NoteOutputs>> = {}): ResourceSpec<NoteInputs, NoteOutputs> {
    return {
        type: "Note",
        inputSchema: {
            type: "object",
            required: ["title"],
            additionalProperties: false,
            properties: {
                title: { type: "string", maxLength: 10 },
                tags: { type: "array", items: { type: "string" } },
                language: { type: "string", enum: ["en", "fr"] },
                secret: { type: "string" },
            },
        },
        replaceOn: ["language"],
        writeOnly: ["secret"],
        canonical: (property, value) => (property === "tags" ? [...(value as string[])].sort() : value),
        check: (inputs) => (inputs.title.startsWith("sys-") ? [{ property: "title", reason: "must not start with sys-" }] : []),
        async create(_ctx, inputs) {
            const id = `n${store.size + 1}`;
            store.set(id, inputs);
            return { id, outs: { ...inputs, noteId: id } };
        },
        async read(_ctx, id) {
            const note = store.get(id);
            return note && { outs: { ...note, noteId: id }, inputs: note };
        },
        async update(_ctx, id, _olds, news) {
            store.set(id, news);
            return { ...news, noteId: id };
        },
        async delete(_ctx, id) {
            store.delete(id);
        },
        ...overrides,
    };
}

const ctx = { log: () => undefined } as unknown as OperationContext;
const provider = "serialized-provider";

describe("bridge operations", () => {
    it("check reports every schema and rule failure with its property path", () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const result = ops.check({}, { __provider: provider, title: "a title that is too long", language: "de" });
        expect(result.failures!.map((f) => f.property)).to.have.members(["title", "language"]);
        expect(ops.check({}, { __provider: provider, title: "sys-x" }).failures).to.deep.equal([
            { property: "title", reason: "must not start with sys-" },
        ]);
    });

    it("check defers failures on values that are not known yet and keeps __provider", () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const result = ops.check({}, { __provider: provider, title: UNKNOWN, language: UNKNOWN });
        expect(result.failures ?? []).to.be.empty;
        expect(result.inputs.__provider).to.equal(provider);
    });

    it("diff ignores order where the resource says order does not matter", () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const olds = { title: "t", tags: ["a", "b"], noteId: "n1", __provider: "old code" };
        expect(ops.diff(olds, { title: "t", tags: ["b", "a"], __provider: provider }).changes).to.equal(false);
    });

    it("diff reports an update for an in-place property and a replacement for a replace-on property", () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const olds = { title: "t", language: "en", noteId: "n1" };
        expect(ops.diff(olds, { title: "u", language: "en" })).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
        expect(ops.diff(olds, { title: "t", language: "fr" }).replaces).to.deep.equal(["language"]);
    });

    it("a change of provider code alone is no change, but does not hide a declared one", () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const olds = { title: "t", noteId: "n1", __provider: "old code" };
        expect(ops.diff(olds, { title: "t", __provider: "new code" }).changes).to.equal(false);
        expect(ops.diff(olds, { title: "u", __provider: "new code" }).changes).to.equal(true);
    });

    it("write-only inputs are stored as a hash, never in plain text, and compared by hash", async () => {
        const ops = new ResourceOperations(noteSpec(new Map()));
        const created = await ops.create(ctx, { title: "t", secret: "hunter2", __provider: provider });
        expect(JSON.stringify(created.outs)).not.to.contain("hunter2");
        expect(created.outs.secretHash).to.be.a("string");
        expect(ops.diff(created.outs, { title: "t", secret: "hunter2" }).changes).to.equal(false);
        expect(ops.diff(created.outs, { title: "t", secret: "hunter3" }).changes).to.equal(true);
    });

    it("read of a missing object reports it gone, and keeps write-only hashes otherwise", async () => {
        const store = new Map<string, NoteInputs>();
        const ops = new ResourceOperations(noteSpec(store));
        const created = await ops.create(ctx, { title: "t", secret: "s" });
        store.set(created.id, { title: "changed elsewhere" });
        const read = await ops.read(ctx, created.id, created.outs);
        expect(read.props.title).to.equal("changed elsewhere");
        expect(read.props.secretHash).to.equal(created.outs.secretHash);
        expect(ops.diff(read.props, { title: "t", secret: "s" }).changes).to.equal(true);
        store.clear();
        expect((await ops.read(ctx, created.id, created.outs)).id).to.equal("");
    });

    it("a 404 on delete counts as deleted", async () => {
        const notFound = new ApiError({ status: 404, method: "DELETE", path: "/notes/n1", serviceMessage: "Resource not found" });
        const ops = new ResourceOperations(noteSpec(new Map(), { delete: async () => { throw notFound; } }));
        await ops.delete(ctx, "n1", { title: "t" });
    });

    it("a half-done create surfaces the object id and what exists, naming the resource", async () => {
        const ops = new ResourceOperations(noteSpec(new Map(), {
            create: async () => { throw new PartialFailure("training failed", "n9", { title: "t", secret: "s", noteId: "n9" }); },
        }));
        const err = await ops.create(ctx, { title: "t", secret: "s" }).then(() => undefined, (e) => e);
        expect(err).to.be.instanceOf(PartialFailure);
        expect(err.id).to.equal("n9");
        expect(err.properties).not.to.have.property("secret");
        expect(err.message).to.match(/^create Note failed: training failed/);
    });
});
