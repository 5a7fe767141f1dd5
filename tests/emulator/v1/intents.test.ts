import { expect } from "chai";
import { createWorkspace, errorPaths, p, useEmulator } from "./client";

describe("emulator v1: intents and examples", () => {
    const { call } = useEmulator();
    let ws: string;
    beforeEach(async () => {
        ws = await createWorkspace(call, { intents: [{ intent: "order", description: "Order", examples: [{ text: "pizza please" }, { text: "food now" }] }] });
    });

    it("creates, gets, lists, updates and deletes an intent", async () => {
        const created = await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "greet", description: "Hello", examples: [{ text: "hi" }] });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ intent: "greet", description: "Hello", examples: [{ text: "hi" }] });
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/greet`)).body).to.deep.equal({ intent: "greet", description: "Hello" });
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/greet`, undefined, { export: true })).body.examples).to.deep.equal([{ text: "hi" }]);
        const list = await call("GET", p`/v1/workspaces/${ws}/intents`, undefined, { export: true, include_count: true });
        // Without sort, lists come in ascending key order (as IBM's SDK expects), not creation order.
        expect(list.body.intents.map((i: any) => i.intent)).to.deep.equal(["greet", "order"]);
        expect(list.body.intents[1].examples).to.have.length(2);
        expect(list.body.pagination.matched).to.equal(2);
        const updated = await call("POST", p`/v1/workspaces/${ws}/intents/greet`, { description: "Greetings" });
        expect(updated.status).to.equal(200);
        expect(updated.body).to.deep.equal({ intent: "greet", description: "Greetings", examples: [{ text: "hi" }] });
        expect((await call("DELETE", p`/v1/workspaces/${ws}/intents/greet`)).body).to.deep.equal({});
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/greet`)).status).to.equal(404);
    });

    it("renaming an intent updates it in place with one call and keeps its examples", async () => {
        const renamed = await call("POST", p`/v1/workspaces/${ws}/intents/order`, { intent: "purchase" });
        expect(renamed.body.intent).to.equal("purchase");
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/order`)).status).to.equal(404);
        const got = await call("GET", p`/v1/workspaces/${ws}/intents/purchase`, undefined, { export: true });
        expect(got.body.examples.map((e: any) => e.text)).to.deep.equal(["pizza please", "food now"]);
    });

    it("a write with a malformed export flag is a 400 that changes nothing", async () => {
        const created = await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "greet" }, { export: "maybe" });
        expect(created.status).to.equal(400);
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/greet`)).status).to.equal(404);
        const updated = await call("POST", p`/v1/workspaces/${ws}/intents/order`, { description: "Changed" }, { export: "maybe" });
        expect(updated.status).to.equal(400);
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/order`)).body.description).to.equal("Order");
    });

    it("updating an intent with examples replaces all of them", async () => {
        await call("POST", p`/v1/workspaces/${ws}/intents/order`, { examples: [{ text: "only this" }] });
        const got = await call("GET", p`/v1/workspaces/${ws}/intents/order`, undefined, { export: true });
        expect(got.body.examples).to.deep.equal([{ text: "only this" }]);
    });

    it("duplicate intents and examples are 409; duplicates inside one body are 400", async () => {
        const dup = await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "order" });
        expect(dup.status).to.equal(409);
        expect(dup.body).to.include({ code: 409 });
        expect(errorPaths(dup)).to.deep.equal(["intent"]);
        await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "other" });
        expect((await call("POST", p`/v1/workspaces/${ws}/intents/other`, { intent: "order" })).status).to.equal(409);
        expect((await call("POST", p`/v1/workspaces/${ws}/intents/order/examples`, { text: "food now" })).status).to.equal(409);
        expect((await call("POST", p`/v1/workspaces/${ws}/intents/order/examples/${"food now"}`, { text: "pizza please" })).status).to.equal(409);
        const inBody = await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "x", examples: [{ text: "a" }, { text: "a" }] });
        expect(inBody.status).to.equal(400);
        expect(errorPaths(inBody)).to.deep.equal(["examples[1].text"]);
    });

    it("refuses invalid intent names, descriptions and example texts with a 400 naming the one field", async () => {
        const cases: [unknown, string][] = [
            [{ intent: "sys-thing" }, "intent"],
            [{ intent: "has space" }, "intent"],
            [{ intent: "i".repeat(129) }, "intent"],
            [{}, "intent"],
            [{ intent: "ok", description: "d".repeat(129) }, "description"],
            [{ intent: "ok", examples: [{ text: "x".repeat(1025) }] }, "examples[0].text"],
            [{ intent: "ok", examples: [{ text: "new\nline" }] }, "examples[0].text"],
            [{ intent: "ok", examples: [{ text: "" }] }, "examples[0].text"],
            [{ intent: "ok", examples: "nope" }, "examples"],
        ];
        for (const [body, path] of cases) {
            const reply = await call("POST", p`/v1/workspaces/${ws}/intents`, body);
            expect(reply.status, JSON.stringify(body)).to.equal(400);
            expect(errorPaths(reply), JSON.stringify(body)).to.deep.equal([path]);
        }
        const fine = await call("POST", p`/v1/workspaces/${ws}/intents`, { intent: "Ünïcode_name-1.x", examples: [{ text: "x".repeat(1024) }] });
        expect(fine.status).to.equal(201);
    });

    it("examples: create with mentions, get, list with paging, rename by text, delete", async () => {
        const created = await call("POST", p`/v1/workspaces/${ws}/intents/order/examples`, { text: "large pizza", mentions: [{ entity: "size", location: [0, 5] }] });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ text: "large pizza", mentions: [{ entity: "size", location: [0, 5] }] });
        const got = await call("GET", p`/v1/workspaces/${ws}/intents/order/examples/${"large pizza"}`, undefined, { include_audit: true });
        expect(got.body).to.include.keys("created", "updated");
        const page = await call("GET", p`/v1/workspaces/${ws}/intents/order/examples`, undefined, { page_limit: 2, sort: "-text" });
        expect(page.body.examples.map((e: any) => e.text)).to.deep.equal(["pizza please", "large pizza"]);
        const rest = await call("GET", page.body.pagination.next_url);
        expect(rest.body.examples.map((e: any) => e.text)).to.deep.equal(["food now"]);
        const renamed = await call("POST", p`/v1/workspaces/${ws}/intents/order/examples/${"food now"}`, { text: "food right now" });
        expect(renamed.body.text).to.equal("food right now");
        expect((await call("GET", p`/v1/workspaces/${ws}/intents/order/examples/${"food now"}`)).status).to.equal(404);
        expect((await call("DELETE", p`/v1/workspaces/${ws}/intents/order/examples/${"food right now"}`)).body).to.deep.equal({});
        expect((await call("DELETE", p`/v1/workspaces/${ws}/intents/order/examples/${"food right now"}`)).status).to.equal(404);
    });

    it("mention locations must be two integers within the text", async () => {
        const url = p`/v1/workspaces/${ws}/intents/order/examples`;
        for (const location of [[0, 50], [3, 2], [0], [-1, 2], ["a", 1]]) {
            const reply = await call("POST", url, { text: "short", mentions: [{ entity: "e", location }] });
            expect(reply.status, JSON.stringify(location)).to.equal(400);
            expect(errorPaths(reply)).to.deep.equal(["mentions[0].location"]);
        }
        const badEntity = await call("POST", url, { text: "short", mentions: [{ location: [0, 1] }] });
        expect(errorPaths(badEntity)).to.deep.equal(["mentions[0].entity"]);
        const shrink = await call("POST", p`/v1/workspaces/${ws}/intents/order/examples`, { text: "long text", mentions: [{ entity: "e", location: [5, 9] }] });
        expect(shrink.status).to.equal(201);
        const renamed = await call("POST", p`/v1/workspaces/${ws}/intents/order/examples/${"long text"}`, { text: "long" });
        expect(renamed.status).to.equal(400);
        expect(errorPaths(renamed)).to.deep.equal(["mentions[0].location"]);
        const withMentions = await call("POST", p`/v1/workspaces/${ws}/intents/order/examples/${"long text"}`, { text: "long", mentions: [] });
        expect(withMentions.status).to.equal(200);
    });

    it("element calls on a missing workspace or intent are 404 in the error format", async () => {
        const reply = await call("GET", "/v1/workspaces/missing/intents");
        expect(reply.status).to.equal(404);
        expect(reply.body).to.include({ code: 404 });
        expect(reply.body.error).to.be.a("string");
        expect((await call("POST", p`/v1/workspaces/${ws}/intents/nope/examples`, { text: "x" })).status).to.equal(404);
    });
});

describe("emulator v1: counterexamples", () => {
    const { call } = useEmulator();

    it("creates, lists, gets, renames and deletes counterexamples", async () => {
        const ws = await createWorkspace(call);
        const created = await call("POST", p`/v1/workspaces/${ws}/counterexamples`, { text: "Make me a sandwich" });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ text: "Make me a sandwich" });
        expect((await call("POST", p`/v1/workspaces/${ws}/counterexamples`, { text: "Make me a sandwich" })).status).to.equal(409);
        const list = await call("GET", p`/v1/workspaces/${ws}/counterexamples`, undefined, { include_audit: true });
        expect(list.body.counterexamples[0]).to.have.keys("text", "created", "updated");
        expect(list.body.pagination.refresh_url).to.contain("/counterexamples?");
        const renamed = await call("POST", p`/v1/workspaces/${ws}/counterexamples/${"Make me a sandwich"}`, { text: "What are you wearing?" });
        expect(renamed.body.text).to.equal("What are you wearing?");
        expect((await call("GET", p`/v1/workspaces/${ws}/counterexamples/${"What are you wearing?"}`)).body.text).to.equal("What are you wearing?");
        expect((await call("DELETE", p`/v1/workspaces/${ws}/counterexamples/${"What are you wearing?"}`)).status).to.equal(200);
        expect((await call("GET", p`/v1/workspaces/${ws}/counterexamples`)).body.counterexamples).to.deep.equal([]);
    });

    it("refuses an invalid counterexample text with a 400 naming `text`", async () => {
        const ws = await createWorkspace(call);
        for (const text of ["", "  ", "a\tb", "x".repeat(1025)]) {
            const reply = await call("POST", p`/v1/workspaces/${ws}/counterexamples`, { text });
            expect(reply.status).to.equal(400);
            expect(errorPaths(reply)).to.deep.equal(["text"]);
        }
    });
});
