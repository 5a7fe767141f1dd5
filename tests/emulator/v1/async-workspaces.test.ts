import { expect } from "chai";
import { FakeClock } from "../support/emulator";
import { createWorkspace, p, useEmulator } from "./client";

const CAP = 1_572_864;

/** A create body of exactly `bytes` bytes of JSON (padded in free-form metadata). */
function bodyOfSize(bytes: number, name = "sized"): Record<string, unknown> {
    const empty = JSON.stringify({ name, metadata: { pad: "" } }).length;
    return { name, metadata: { pad: "x".repeat(bytes - empty) } };
}

const intent = (name: string) => ({ intent: name, examples: [{ text: `say ${name}` }] });

describe("emulator v1: the 1.5 MB cap on synchronous workspace writes", () => {
    const { call } = useEmulator();

    it("a synchronous create of exactly 1.5 MB is accepted; one byte more is 413 naming the limit and POST /v1/workspaces_async", async () => {
        expect(JSON.stringify(bodyOfSize(CAP)).length).to.equal(CAP);
        expect((await call("POST", "/v1/workspaces", bodyOfSize(CAP))).status).to.equal(201);

        const refused = await call("POST", "/v1/workspaces", bodyOfSize(CAP + 1, "too big"));
        expect(refused.status).to.equal(413);
        expect(refused.body.code).to.equal(413);
        expect(refused.body.error).to.contain("1.5 MB").and.to.contain("POST /v1/workspaces_async");
        expect(refused.body.errors[0].path).to.equal("body");
        const names = (await call("GET", "/v1/workspaces")).body.workspaces.map((w: any) => w.name);
        expect(names).to.deep.equal(["sized"]);
    });

    it("a refused synchronous write does not count against the write window", async () => {
        const refused = await call("POST", "/v1/workspaces", bodyOfSize(CAP + 1));
        expect(refused.headers.get("x-ratelimit-remaining")).to.equal("30");
        const created = await call("POST", "/v1/workspaces", { name: "small" });
        expect(created.headers.get("x-ratelimit-remaining")).to.equal("29");
    });

    it("a synchronous update over 1.5 MB is 413 naming POST /v1/workspaces_async/{workspace_id}, and changes nothing", async () => {
        const id = await createWorkspace(call, { description: "before" });
        const refused = await call("POST", p`/v1/workspaces/${id}`, { ...bodyOfSize(CAP + 10), description: "after" });
        expect(refused.status).to.equal(413);
        expect(refused.body.error).to.contain("POST /v1/workspaces_async/{workspace_id}");
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.description).to.equal("before");
    });
});

describe("emulator v1: asynchronous workspace create, update and export", () => {
    const clock = new FakeClock();
    const { call } = useEmulator({ asyncDelayMs: 1000, now: clock.now });

    it("an async create answers 202 Processing at once; the content appears after the async delay, then it trains", async () => {
        const body = { name: "big", language: "en", intents: [intent("hello")], entities: [{ entity: "size", values: [{ value: "large" }] }], ...bodyOfSize(3 * 1024 * 1024, "big") };
        const accepted = await call("POST", "/v1/workspaces_async", body);
        expect(accepted.status).to.equal(202);
        expect(accepted.body).to.include({ name: "big", language: "en", status: "Processing" });
        const id = accepted.body.workspace_id;

        const during = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(during.body.status).to.equal("Processing");
        expect(during.body.intents).to.deep.equal([]);

        clock.advance(1000);
        const applied = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(applied.body.status).to.equal("Training");
        expect(applied.body.intents.map((i: any) => i.intent)).to.deep.equal(["hello"]);
        expect(applied.body.entities[0].values[0].value).to.equal("large");
        expect(applied.body.metadata.pad.length).to.be.greaterThan(3_000_000);

        clock.advance(1000);
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.status).to.equal("Available");
    });

    it("an async create with an invalid body is refused at once with 400, as the synchronous create", async () => {
        const refused = await call("POST", "/v1/workspaces_async", { name: "bad", intents: [{ intent: "has space" }] });
        expect(refused.status).to.equal(400);
        expect(refused.body.errors.map((e: any) => e.path)).to.deep.equal(["intents[0].intent"]);
        expect((await call("GET", "/v1/workspaces")).body.workspaces).to.deep.equal([]);
    });

    it("an async update with append=true adds elements after the delay; the old content stays readable until then", async () => {
        const id = await createWorkspace(call, { intents: [intent("first")] });
        clock.advance(1000);
        const accepted = await call("POST", p`/v1/workspaces_async/${id}`, { intents: [intent("second")] }, { append: true });
        expect(accepted.status).to.equal(202);
        expect(accepted.body.status).to.equal("Processing");
        const during = await call("GET", p`/v1/workspaces/${id}/intents`);
        expect(during.body.intents.map((i: any) => i.intent)).to.deep.equal(["first"]);

        clock.advance(1000);
        const after = await call("GET", p`/v1/workspaces/${id}/intents`);
        expect(after.body.intents.map((i: any) => i.intent)).to.deep.equal(["first", "second"]);
    });

    it("an async update without append answers with the fields as updated and replaces the collections it includes", async () => {
        const id = await createWorkspace(call, { intents: [intent("old")], counterexamples: [{ text: "kept" }] });
        const accepted = await call("POST", p`/v1/workspaces_async/${id}`, { description: "renewed", intents: [intent("new")] });
        expect(accepted.body).to.include({ description: "renewed", status: "Processing" });
        clock.advance(1000);
        const exported = (await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true })).body;
        expect(exported.intents.map((i: any) => i.intent)).to.deep.equal(["new"]);
        expect(exported.counterexamples).to.deep.equal([{ text: "kept" }]);
    });

    it("an append colliding with existing content is 409 at once; one that collides with what was added meanwhile leaves the workspace Failed", async () => {
        const id = await createWorkspace(call, { intents: [intent("taken")] });
        const collides = await call("POST", p`/v1/workspaces_async/${id}`, { intents: [intent("taken")] }, { append: true });
        expect(collides.status).to.equal(409);

        expect((await call("POST", p`/v1/workspaces_async/${id}`, { intents: [intent("later")] }, { append: true })).status).to.equal(202);
        expect((await call("POST", p`/v1/workspaces/${id}/intents`, { intent: "later" })).status).to.equal(201);
        clock.advance(1000);
        const failed = (await call("GET", p`/v1/workspaces/${id}`)).body;
        expect(failed.status).to.equal("Failed");
        expect(failed.status_errors[0].message).to.match(/later/);

        expect((await call("POST", p`/v1/workspaces/${id}`, { description: "fixed" })).status).to.equal(200);
        const fixed = (await call("GET", p`/v1/workspaces/${id}`)).body;
        expect(fixed.status).to.equal("Training");
        expect(fixed.status_errors).to.equal(undefined);
    });

    it("a second whole-workspace write while the workspace is Processing is 409; it is accepted once processing ends", async () => {
        const id = await createWorkspace(call);
        await call("POST", p`/v1/workspaces_async/${id}`, { description: "one" });
        expect((await call("POST", p`/v1/workspaces_async/${id}`, { description: "two" })).status).to.equal(409);
        expect((await call("POST", p`/v1/workspaces/${id}`, { description: "two" })).status).to.equal(409);
        clock.advance(1000);
        expect((await call("POST", p`/v1/workspaces_async/${id}`, { description: "two" })).status).to.equal(202);
    });

    it("the async export is Processing while it is prepared, then the full export with counts when verbose", async () => {
        const id = await createWorkspace(call, { intents: [intent("a"), intent("b")], dialog_nodes: [{ dialog_node: "root", conditions: "#a" }] });
        const first = await call("GET", p`/v1/workspaces_async/${id}/export`, undefined, { verbose: true });
        expect(first.status).to.equal(200);
        expect(first.body.status).to.equal("Processing");
        expect(first.body.intents).to.equal(undefined);

        clock.advance(1000);
        const ready = await call("GET", p`/v1/workspaces_async/${id}/export`, undefined, { verbose: true, include_audit: true });
        expect(ready.body.status).to.equal("Available");
        expect(ready.body.intents.map((i: any) => i.intent)).to.deep.equal(["a", "b"]);
        expect(ready.body.intents[0].examples).to.deep.equal([{ text: "say a", created: ready.body.intents[0].examples[0].created, updated: ready.body.intents[0].examples[0].updated }]);
        expect(ready.body.counts).to.deep.equal({ intent: 2, entity: 0, node: 1 });
        const sync = (await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true, include_audit: true })).body;
        const { counts: _counts, ...asyncExport } = ready.body;
        expect(asyncExport).to.deep.equal(sync);

        await call("POST", p`/v1/workspaces/${id}/intents`, { intent: "c" });
        const stale = await call("GET", p`/v1/workspaces_async/${id}/export`);
        expect(stale.body.status).to.equal("Processing");
    });
});
