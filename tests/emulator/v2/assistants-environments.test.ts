import { expect } from "chai";
import { call, expectErrorBody, startEmulator, type RunningEmulator } from "../support/emulator";

describe("emulator v2 assistants and environments", () => {
    let emu: RunningEmulator;
    before(async () => (emu = await startEmulator({})));
    after(() => emu.stop());
    beforeEach(() => emu.reset());

    const createAssistant = async (body: object = { name: "Helper", language: "en", description: "d" }) =>
        (await call(emu.url, "POST", "/v2/assistants", { body })).body;

    it("creating an assistant also creates draft and live environments, an action skill and a dialog skill", async () => {
        const reply = await call(emu.url, "POST", "/v2/assistants", { body: { name: "Helper", language: "en", description: "d" } });
        expect(reply.status).to.equal(200);
        expect(reply.body).to.include({ name: "Helper", language: "en", description: "d" });
        expect(reply.body.assistant_skills.map((s: any) => s.type)).to.deep.equal(["action", "dialog"]);
        expect(reply.body.assistant_environments.map((e: any) => [e.name, e.environment])).to.deep.equal([
            ["draft", "draft"],
            ["live", "live"],
        ]);
        expect(reply.body).not.to.have.property("created");
    });

    it("refuses an invalid assistant name, description and language with one 400 naming all three", async () => {
        const reply = await call(emu.url, "POST", "/v2/assistants", {
            body: { name: "x".repeat(65), description: "two\nlines", language: "English" },
        });
        expectErrorBody(reply, 400);
        expect(reply.body.errors.map((e: any) => e.path).sort()).to.deep.equal(["description", "language", "name"]);
    });

    it("lists assistants page by page with next_url, include_count and include_audit", async () => {
        for (const name of ["c", "a", "b"]) await createAssistant({ name });
        const first = await call(emu.url, "GET", "/v2/assistants?page_limit=2&sort=name&include_count=true&include_audit=true");
        expect(first.body.assistants.map((a: any) => a.name)).to.deep.equal(["a", "b"]);
        expect(first.body.assistants[0]).to.have.property("created");
        expect(first.body.pagination).to.include({ total: 3 });
        expect(first.body.pagination.refresh_url).to.match(/^\/v2\/assistants\?/);
        const second = await call(emu.url, "GET", first.body.pagination.next_url);
        expect(second.body.assistants.map((a: any) => a.name)).to.deep.equal(["c"]);
        expect(second.body.pagination).not.to.have.property("next_url");
        const reversed = await call(emu.url, "GET", "/v2/assistants?sort=-name");
        expect(reversed.body.assistants.map((a: any) => a.name)).to.deep.equal(["c", "b", "a"]);
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants?sort=color"), 400);
        expectErrorBody(await call(emu.url, "GET", "/v2/assistants?page_limit=0"), 400);
    });

    it("deleting an assistant removes it and 404s the second time", async () => {
        const assistant = await createAssistant();
        expect((await call(emu.url, "DELETE", `/v2/assistants/${assistant.assistant_id}`)).status).to.equal(200);
        expect((await call(emu.url, "GET", "/v2/assistants")).body.assistants).to.deep.equal([]);
        expectErrorBody(await call(emu.url, "DELETE", `/v2/assistants/${assistant.assistant_id}`), 404);
    });

    it("lists and gets environments; the draft references both skills at snapshot draft", async () => {
        const assistant = await createAssistant();
        const list = await call(emu.url, "GET", `/v2/assistants/${assistant.assistant_id}/environments`);
        expect(list.body.environments).to.have.length(2);
        const draftId = assistant.assistant_environments[0].environment_id;
        const draft = (await call(emu.url, "GET", `/v2/assistants/${assistant.assistant_id}/environments/${draftId}`)).body;
        expect(draft).to.include({ environment: "draft", assistant_id: assistant.assistant_id, environment_id: draftId, session_timeout: 300 });
        expect(draft.skill_references.map((r: any) => [r.type, r.snapshot, r.skill_reference])).to.deep.equal([
            ["action", "draft", "actions skill"],
            ["dialog", "draft", "main skill"],
        ]);
        expectErrorBody(await call(emu.url, "GET", `/v2/assistants/${assistant.assistant_id}/environments/nope`), 404);
    });

    it("updates an environment's name, description, session_timeout, orchestration and skill_references", async () => {
        const assistant = await createAssistant();
        const draftId = assistant.assistant_environments[0].environment_id;
        const actionId = assistant.assistant_skills[0].skill_id;
        const reply = await call(emu.url, "POST", `/v2/assistants/${assistant.assistant_id}/environments/${draftId}`, {
            body: {
                name: "Draft env",
                description: "edited",
                session_timeout: 600,
                orchestration: { search_skill_fallback: true },
                skill_references: [{ skill_id: actionId, disabled: true }],
            },
        });
        expect(reply.status).to.equal(200);
        expect(reply.body).to.include({ name: "Draft env", description: "edited", session_timeout: 600 });
        expect(reply.body.orchestration).to.deep.equal({ search_skill_fallback: true });
        expect(reply.body.skill_references).to.deep.equal([
            { type: "action", disabled: true, skill_id: actionId, snapshot: "draft", skill_reference: "actions skill" },
        ]);
    });

    it("rejects session_timeout outside 10..604800, bad names and foreign skills", async () => {
        const assistant = await createAssistant();
        const path = `/v2/assistants/${assistant.assistant_id}/environments/${assistant.assistant_environments[1].environment_id}`;
        for (const session_timeout of [9, 604801, "200"]) {
            expectErrorBody(await call(emu.url, "POST", path, { body: { session_timeout } }), 400);
        }
        expectErrorBody(await call(emu.url, "POST", path, { body: { name: "" } }), 400);
        const foreign = await call(emu.url, "POST", path, { body: { skill_references: [{ skill_id: "elsewhere" }] } });
        expectErrorBody(foreign, 400);
        expect(foreign.body.errors[0].path).to.equal("skill_references[0].skill_id");
    });

    it("the admin route adds a staging environment (at most three)", async () => {
        const assistant = await createAssistant();
        const path = `/emulator/assistants/${assistant.assistant_id}/environments`;
        const staging = await call(emu.url, "POST", path, { version: null, body: { name: "QA", description: "tests" } });
        expect(staging.status).to.equal(201);
        expect(staging.body).to.include({ name: "QA", description: "tests", environment: "staging" });
        const list = await call(emu.url, "GET", `/v2/assistants/${assistant.assistant_id}/environments`);
        expect(list.body.environments.map((e: any) => e.environment)).to.deep.equal(["draft", "live", "staging"]);
        await call(emu.url, "POST", path, { version: null, body: { name: "S2" } });
        await call(emu.url, "POST", path, { version: null, body: { name: "S3" } });
        expectErrorBody(await call(emu.url, "POST", path, { version: null, body: { name: "S4" } }), 400);
        expectErrorBody(await call(emu.url, "POST", `/emulator/assistants/missing/environments`, { version: null, body: { name: "x" } }), 404);
    });
});
