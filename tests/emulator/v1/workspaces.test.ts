import { expect } from "chai";
import { createWorkspace, errorPaths, p, useEmulator, VERSION } from "./client";
import { FakeClock } from "../support/emulator";

const content = {
    name: "Pizza bot",
    description: "Orders pizza",
    language: "en",
    metadata: { team: "a" },
    learning_opt_out: true,
    system_settings: { disambiguation: { enabled: true, sensitivity: "high" } },
    intents: [
        { intent: "order", description: "Order a pizza", examples: [{ text: "I want a pizza" }, { text: "Bring me food", mentions: [{ entity: "food", location: [9, 13] }] }] },
        { intent: "cancel", examples: [{ text: "cancel it" }] },
    ],
    entities: [
        { entity: "food", fuzzy_match: true, values: [{ value: "pizza", synonyms: ["pie", "za"] }, { value: "code", type: "patterns", patterns: ["\\d{3}"] }] },
        { entity: "sys-number" },
    ],
    dialog_nodes: [
        { dialog_node: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }] } },
        { dialog_node: "order_node", conditions: "#order", previous_sibling: "welcome", next_step: { behavior: "jump_to", dialog_node: "welcome", selector: "body" } },
        { dialog_node: "child", parent: "order_node" },
    ],
    counterexamples: [{ text: "tell me a joke" }],
};

describe("emulator v1: workspaces", () => {
    const { call } = useEmulator();

    it("creates a workspace with full content and exports it back unchanged", async () => {
        const created = await call("POST", "/v1/workspaces", content);
        expect(created.status).to.equal(201);
        expect(created.body).to.include({ name: "Pizza bot", language: "en", status: "Available", learning_opt_out: true });
        expect(created.body).not.to.have.property("created");
        const id = created.body.workspace_id;
        const exported = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(exported.status).to.equal(200);
        const { workspace_id, status, ...rest } = exported.body;
        expect(workspace_id).to.equal(id);
        expect(status).to.equal("Available");
        expect(rest).to.deep.equal({
            ...content,
            entities: [
                { entity: "food", fuzzy_match: true, values: [{ value: "pizza", type: "synonyms", synonyms: ["pie", "za"] }, { value: "code", type: "patterns", patterns: ["\\d{3}"] }] },
                { entity: "sys-number", values: [] },
            ],
            intents: content.intents.map((i) => ({ ...i })),
        });
    });

    it("get without export omits content; include_audit adds created/updated to the workspace and every element", async () => {
        const id = await createWorkspace(call, content);
        const plain = await call("GET", p`/v1/workspaces/${id}`);
        expect(plain.body).not.to.have.any.keys("intents", "entities", "dialog_nodes", "counterexamples", "created", "updated");
        const audited = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true, include_audit: true });
        expect(audited.body.created).to.match(/^\d{4}-\d\d-\d\dT/);
        expect(audited.body.updated).to.be.a("string");
        expect(audited.body.intents[0]).to.have.keys("intent", "description", "examples", "created", "updated");
        expect(audited.body.intents[0].examples[0]).to.have.keys("text", "created", "updated");
        expect(audited.body.entities[0].values[0]).to.include.keys("created", "updated");
        expect(audited.body.dialog_nodes[0]).to.include.keys("created", "updated");
        expect(audited.body.counterexamples[0]).to.have.keys("text", "created", "updated");
    });

    it("sort=stable sorts every collection alphabetically by key", async () => {
        const id = await createWorkspace(call, {
            intents: [{ intent: "b", examples: [{ text: "zz" }, { text: "aa" }] }, { intent: "a" }],
            entities: [{ entity: "y", values: [{ value: "v2", synonyms: ["s2", "s1"] }, { value: "v1" }] }, { entity: "x" }],
            dialog_nodes: [{ dialog_node: "n2" }, { dialog_node: "n1", previous_sibling: "n2" }],
            counterexamples: [{ text: "q" }, { text: "c" }],
        });
        const { body } = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true, sort: "stable" });
        expect(body.intents.map((i: any) => i.intent)).to.deep.equal(["a", "b"]);
        expect(body.intents[1].examples.map((e: any) => e.text)).to.deep.equal(["aa", "zz"]);
        expect(body.entities.map((e: any) => e.entity)).to.deep.equal(["x", "y"]);
        expect(body.entities[1].values.map((v: any) => v.value)).to.deep.equal(["v1", "v2"]);
        expect(body.entities[1].values[1].synonyms).to.deep.equal(["s1", "s2"]);
        expect(body.dialog_nodes.map((n: any) => n.dialog_node)).to.deep.equal(["n1", "n2"]);
        expect(body.counterexamples.map((c: any) => c.text)).to.deep.equal(["c", "q"]);
        const bad = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true, sort: "name" });
        expect(bad.status).to.equal(400);
        expect(errorPaths(bad)).to.deep.equal(["sort"]);
    });

    it("update without append replaces each included collection and leaves omitted ones untouched", async () => {
        const id = await createWorkspace(call, content);
        const updated = await call("POST", p`/v1/workspaces/${id}`, { name: "Renamed", intents: [{ intent: "greet", examples: [{ text: "hello" }] }] });
        expect(updated.status).to.equal(200);
        expect(updated.body.name).to.equal("Renamed");
        const { body } = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(body.intents).to.deep.equal([{ intent: "greet", examples: [{ text: "hello" }] }]);
        expect(body.entities).to.have.length(2);
        expect(body.dialog_nodes).to.have.length(3);
        expect(body.counterexamples).to.deep.equal([{ text: "tell me a joke" }]);
        expect(body.description).to.equal("Orders pizza");
        await call("POST", p`/v1/workspaces/${id}`, { counterexamples: [] });
        const cleared = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(cleared.body.counterexamples).to.deep.equal([]);
    });

    it("update with append=true adds new elements and rejects collisions with 409", async () => {
        const id = await createWorkspace(call, content);
        const added = await call("POST", p`/v1/workspaces/${id}`, {
            intents: [{ intent: "greet" }],
            dialog_nodes: [{ dialog_node: "bye", previous_sibling: "order_node" }],
        }, { append: true });
        expect(added.status).to.equal(200);
        const { body } = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(body.intents.map((i: any) => i.intent)).to.deep.equal(["order", "cancel", "greet"]);
        expect(body.dialog_nodes.map((n: any) => n.dialog_node)).to.include("bye");
        const collision = await call("POST", p`/v1/workspaces/${id}`, { intents: [{ intent: "order" }] }, { append: true });
        expect(collision.status).to.equal(409);
        expect(errorPaths(collision)).to.deep.equal(["intents[0].intent"]);
    });

    it("a rejected update changes nothing", async () => {
        const id = await createWorkspace(call, content);
        const rejected = await call("POST", p`/v1/workspaces/${id}`, { name: "changed", intents: [{ intent: "ok" }, { intent: "sys-bad" }] });
        expect(rejected.status).to.equal(400);
        const { body } = await call("GET", p`/v1/workspaces/${id}`, undefined, { export: true });
        expect(body.name).to.equal("Pizza bot");
        expect(body.intents).to.have.length(2);
    });

    it("the language cannot change after creation", async () => {
        const id = await createWorkspace(call, { language: "en" });
        const same = await call("POST", p`/v1/workspaces/${id}`, { language: "en" });
        expect(same.status).to.equal(200);
        const changed = await call("POST", p`/v1/workspaces/${id}`, { language: "fr" });
        expect(changed.status).to.equal(400);
        expect(changed.body).to.include({ code: 400 });
        expect(errorPaths(changed)).to.deep.equal(["language"]);
    });

    it("the X-Watson-Learning-Opt-Out header overrides learning_opt_out", async () => {
        const created = await call("POST", "/v1/workspaces", { learning_opt_out: false }, {}, { "X-Watson-Learning-Opt-Out": "true" });
        expect(created.body.learning_opt_out).to.equal(true);
        const id = created.body.workspace_id;
        await call("POST", p`/v1/workspaces/${id}`, { learning_opt_out: true }, {}, { "X-Watson-Learning-Opt-Out": "false" });
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.learning_opt_out).to.equal(false);
    });

    it("deletes a workspace; a second delete and a get are 404", async () => {
        const id = await createWorkspace(call);
        expect((await call("DELETE", p`/v1/workspaces/${id}`)).body).to.deep.equal({});
        const again = await call("DELETE", p`/v1/workspaces/${id}`);
        expect(again.status).to.equal(404);
        expect(again.body).to.include({ code: 404 });
        expect((await call("GET", p`/v1/workspaces/${id}`)).status).to.equal(404);
    });

    it("refuses invalid workspace fields with one 400 naming the path of each", async () => {
        const reply = await call("POST", "/v1/workspaces", {
            name: "x".repeat(65),
            description: "line\nbreak",
            learning_opt_out: "yes",
            metadata: [],
            system_settings: { disambiguation: { sensitivity: "extreme" } },
            intents: [{ intent: "ok", examples: [{ text: "a" }, { text: "b" }, { text: "   " }] }, { intent: "sys-x" }, { intent: "ok" }],
            entities: [{ entity: "has.dot" }, { entity: "sys-unknown" }, { entity: "e", values: [{ value: "v", synonyms: ["s"], patterns: ["p"] }] }],
            counterexamples: [{ text: "tab\there" }],
            webhooks: [{ url: "https://x" }],
        });
        expect(reply.status).to.equal(400);
        expect(reply.body.error).to.be.a("string");
        expect(errorPaths(reply)).to.include.members([
            "name", "description", "learning_opt_out", "metadata", "system_settings.disambiguation.sensitivity",
            "intents[0].examples[2].text", "intents[1].intent", "intents[2].intent",
            "entities[0].entity", "entities[1].entity", "entities[2].values[0].patterns",
            "counterexamples[0].text", "webhooks[0].name",
        ]);
        for (const error of reply.body.errors) expect(error.message).to.be.a("string");
    });

    it("a workspace name of 64 characters and a description of 128 are accepted", async () => {
        const reply = await call("POST", "/v1/workspaces", { name: "n".repeat(64), description: "d".repeat(128) });
        expect(reply.status).to.equal(201);
    });
});

describe("emulator v1: workspace list and pagination", () => {
    const { call } = useEmulator();

    it("pages through workspaces with next_url to the end, with counts and cursors", async () => {
        for (const name of ["c", "a", "e", "b", "d"]) await createWorkspace(call, { name });
        const first = await call("GET", "/v1/workspaces", undefined, { page_limit: 2, sort: "name", include_count: true });
        expect(first.status).to.equal(200);
        expect(first.body.workspaces.map((w: any) => w.name)).to.deep.equal(["a", "b"]);
        expect(first.body.pagination).to.include({ total: 5, matched: 5 });
        expect(first.body.pagination.refresh_url).to.match(/^\/v1\/workspaces\?/);
        expect(first.body.pagination.next_cursor).to.be.a("string");
        const names: string[] = first.body.workspaces.map((w: any) => w.name);
        let next: string | undefined = first.body.pagination.next_url;
        while (next) {
            expect(next).to.contain("page_limit=2").and.to.contain("sort=name");
            const page = await call("GET", next);
            names.push(...page.body.workspaces.map((w: any) => w.name));
            next = page.body.pagination.next_url;
        }
        expect(names).to.deep.equal(["a", "b", "c", "d", "e"]);
        const byCursor = await call("GET", "/v1/workspaces", undefined, { page_limit: 2, sort: "-name", cursor: first.body.pagination.next_cursor });
        expect(byCursor.body.workspaces.map((w: any) => w.name)).to.deep.equal(["c", "b"]);
        expect(byCursor.body.pagination.refresh_cursor).to.equal(first.body.pagination.next_cursor);
    });

    it("lists in creation order by default, 100 per page, without audit fields unless asked", async () => {
        for (const name of ["z", "y"]) await createWorkspace(call, { name });
        const list = await call("GET", "/v1/workspaces");
        expect(list.body.workspaces.map((w: any) => w.name)).to.deep.equal(["z", "y"]);
        expect(list.body.workspaces[0]).to.include({ status: "Available" }).and.not.have.property("created");
        expect(list.body.pagination).not.to.have.property("next_url");
        const audited = await call("GET", "/v1/workspaces", undefined, { include_audit: true });
        expect(audited.body.workspaces[0]).to.include.keys("created", "updated");
    });

    it("rejects bad page_limit, sort and cursor values with 400", async () => {
        expect(errorPaths(await call("GET", "/v1/workspaces", undefined, { page_limit: 0 }))).to.deep.equal(["page_limit"]);
        expect(errorPaths(await call("GET", "/v1/workspaces", undefined, { sort: "color" }))).to.deep.equal(["sort"]);
        expect(errorPaths(await call("GET", "/v1/workspaces", undefined, { cursor: "nope" }))).to.deep.equal(["cursor"]);
        expect(errorPaths(await call("GET", "/v1/workspaces", undefined, { include_count: "maybe" }))).to.deep.equal(["include_count"]);
    });
});

describe("emulator v1: training status", () => {
    const clock = new FakeClock();
    const { call } = useEmulator({ asyncDelayMs: 60, now: clock.now });

    it("a new workspace is Training for the async delay, then Available", async () => {
        const id = await createWorkspace(call);
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.status).to.equal("Training");
        clock.advance(59);
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.status).to.equal("Training");
        clock.advance(1);
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.status).to.equal("Available");
    });

    it("an element change makes an Available workspace Training again", async () => {
        const id = await createWorkspace(call);
        clock.advance(60);
        expect((await call("GET", p`/v1/workspaces/${id}`)).body.status).to.equal("Available");
        await call("POST", p`/v1/workspaces/${id}/intents`, { intent: "again" });
        const list = await call("GET", "/v1/workspaces");
        expect(list.body.workspaces[0].status).to.equal("Training");
    });
});

describe("emulator v1: fidelity with IBM's SDK expectations", () => {
    const { call } = useEmulator();

    it("workspace create and update responses carry metadata.api_version with the request's version date; GET returns metadata as sent", async () => {
        const created = await call("POST", "/v1/workspaces", { name: "w" });
        expect(created.body.metadata).to.deep.equal({ api_version: { major_version: "v1", minor_version: VERSION } });
        const id = created.body.workspace_id;
        const updated = await call("POST", `/v1/workspaces/${id}`, { metadata: { team: "a" } });
        expect(updated.body.metadata).to.deep.equal({ team: "a", api_version: { major_version: "v1", minor_version: VERSION } });
        expect((await call("GET", `/v1/workspaces/${id}`)).body.metadata).to.deep.equal({ team: "a" });
    });

    it("without sort, intents, entities, values, synonyms, examples and counterexamples list in ascending key order; dialog nodes in creation order", async () => {
        const id = (await call("POST", "/v1/workspaces", {
            intents: [{ intent: "test", examples: [{ text: "b" }, { text: "a" }] }, { intent: "intent_1" }],
            entities: [{ entity: "hello", values: [{ value: "value_1", synonyms: ["synonym_1", "syn_2"] }, { value: "v1" }] }, { entity: "entity_1" }],
            counterexamples: [{ text: "z" }, { text: "y" }],
            dialog_nodes: [{ dialog_node: "zeta" }, { dialog_node: "alpha", previous_sibling: "zeta" }],
        })).body.workspace_id;
        const keys = async (path: string, plural: string, key: string) => (await call("GET", `/v1/workspaces/${id}/${path}`)).body[plural].map((e: any) => e[key]);
        expect(await keys("intents", "intents", "intent")).to.deep.equal(["intent_1", "test"]);
        expect(await keys("intents/test/examples", "examples", "text")).to.deep.equal(["a", "b"]);
        expect(await keys("entities", "entities", "entity")).to.deep.equal(["entity_1", "hello"]);
        expect(await keys("entities/hello/values", "values", "value")).to.deep.equal(["v1", "value_1"]);
        expect(await keys("entities/hello/values/value_1/synonyms", "synonyms", "synonym")).to.deep.equal(["syn_2", "synonym_1"]);
        expect(await keys("counterexamples", "counterexamples", "text")).to.deep.equal(["y", "z"]);
        expect(await keys("dialog_nodes", "dialog_nodes", "dialog_node")).to.deep.equal(["zeta", "alpha"]);
    });
});
