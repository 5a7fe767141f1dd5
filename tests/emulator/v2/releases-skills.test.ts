import { expect } from "chai";
import { call, expectErrorBody, FakeClock, startEmulator, type RunningEmulator } from "../support/emulator";

const DELAY = 1000;

describe("emulator v2 releases, deploys and skills", () => {
    const clock = new FakeClock();
    let emu: RunningEmulator;
    let assistant: any;
    let base: string;
    const env = (type: string) => assistant.assistant_environments.find((e: any) => e.environment === type).environment_id;
    const skill = (type: string) => assistant.assistant_skills.find((s: any) => s.type === type).skill_id;

    before(async () => (emu = await startEmulator({ asyncDelayMs: DELAY, now: clock.now })));
    after(() => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        assistant = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Shop", language: "en" } })).body;
        base = `/v2/assistants/${assistant.assistant_id}`;
    });

    it("a release is Processing until the async delay passed, then Available with its skill snapshots", async () => {
        const created = await call(emu.url, "POST", `${base}/releases`, { body: { description: "first" } });
        expect(created.status).to.equal(202);
        expect(created.body).to.deep.equal({ status: "Processing", release: "1" });
        expect((await call(emu.url, "GET", `${base}/releases/1`)).body).to.deep.equal({ status: "Processing", release: "1" });
        clock.advance(DELAY);
        const ready = (await call(emu.url, "GET", `${base}/releases/1`)).body;
        expect(ready).to.deep.equal({
            status: "Available",
            content: { skills: [{ type: "action", skill_id: skill("action"), snapshot: "1" }, { type: "dialog", skill_id: skill("dialog"), snapshot: "1" }] },
            release: "1",
            description: "first",
            environment_references: [],
        });
        const action = (await call(emu.url, "GET", `${base}/skills/${skill("action")}`)).body;
        expect(action.next_snapshot_version).to.equal("2");
    });

    it("a release leaves out skills disabled in the draft environment", async () => {
        await call(emu.url, "POST", `${base}/environments/${env("draft")}`, {
            body: { skill_references: [{ skill_id: skill("action") }, { skill_id: skill("dialog"), disabled: true }] },
        });
        await call(emu.url, "POST", `${base}/releases`);
        clock.advance(DELAY);
        const release = (await call(emu.url, "GET", `${base}/releases/1`)).body;
        expect(release.content.skills.map((s: any) => s.type)).to.deep.equal(["action"]);
    });

    it("an armed failure makes the next release Failed with status_errors", async () => {
        await call(emu.url, "POST", "/emulator/next-failure", { version: null, body: { kind: "release", description: "NLUError", errors: ["Classification Error"] } });
        await call(emu.url, "POST", `${base}/releases`, { body: { description: "doomed" } });
        clock.advance(DELAY);
        const failed = (await call(emu.url, "GET", `${base}/releases/1`)).body;
        expect(failed).to.deep.equal({ status: "Failed", release: "1", status_description: "NLUError", status_errors: [{ message: "Classification Error" }], description: "doomed" });
        expectErrorBody(await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: env("live") } }), 409);
    });

    it("deploying returns the environment with release_reference; the release lists the environment", async () => {
        await call(emu.url, "POST", `${base}/releases`);
        clock.advance(DELAY);
        const deployed = await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: env("live") } });
        expect(deployed.status).to.equal(200);
        expect(deployed.body).to.include({ environment: "live", environment_id: env("live") });
        expect(deployed.body.release_reference).to.deep.equal({ release: "1" });
        expect(deployed.body.skill_references.map((r: any) => r.snapshot)).to.deep.equal(["1", "1"]);
        const release = (await call(emu.url, "GET", `${base}/releases/1`)).body;
        expect(release.environment_references).to.deep.equal([{ name: "live", environment: "live", environment_id: env("live") }]);
    });

    it("deploying to the draft environment is a 400 with the documented message; unknown ones 404", async () => {
        await call(emu.url, "POST", `${base}/releases`);
        clock.advance(DELAY);
        const draft = await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: env("draft") } });
        expectErrorBody(draft, 400);
        expect(draft.body.error).to.equal("Deploy to the draft environment is not permitted.");
        expectErrorBody(await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: {} }), 400);
        expectErrorBody(await call(emu.url, "POST", `${base}/releases/9/deploy`, { body: { environment_id: env("live") } }), 404);
    });

    it("promotes a release through an admin-added staging environment", async () => {
        const staging = (await call(emu.url, "POST", `/emulator/assistants/${assistant.assistant_id}/environments`, { version: null, body: { name: "QA" } })).body;
        await call(emu.url, "POST", `${base}/releases`);
        clock.advance(DELAY);
        await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: staging.environment_id } });
        await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: env("live") } });
        const release = (await call(emu.url, "GET", `${base}/releases/1`)).body;
        expect(release.environment_references.map((e: any) => e.environment)).to.deep.equal(["live", "staging"]);
    });

    it("lists releases with pagination and deletes them; a deployed release's environment loses its release_reference", async () => {
        await call(emu.url, "POST", `${base}/releases`);
        await call(emu.url, "POST", `${base}/releases`);
        clock.advance(DELAY);
        const page = await call(emu.url, "GET", `${base}/releases?page_limit=1`);
        expect(page.body.releases.map((r: any) => r.release)).to.deep.equal(["1"]);
        expect(page.body.pagination.next_url).to.be.a("string");
        await call(emu.url, "POST", `${base}/releases/1/deploy`, { body: { environment_id: env("live") } });
        expect((await call(emu.url, "DELETE", `${base}/releases/1`)).status).to.equal(200);
        expectErrorBody(await call(emu.url, "GET", `${base}/releases/1`), 404);
        const live = (await call(emu.url, "GET", `${base}/environments/${env("live")}`)).body;
        expect(live).to.not.have.property("release_reference");
        expect(live.skill_references.map((r: any) => r.snapshot)).to.deep.equal(["1", "1"]);
    });

    it("gets a skill with the documented fields", async () => {
        const reply = await call(emu.url, "GET", `${base}/skills/${skill("action")}`);
        expect(reply.body).to.include({ type: "action", status: "Available", language: "en", skill_id: skill("action"), workspace_id: skill("action"), assistant_id: assistant.assistant_id, environment_id: env("draft"), valid: true });
        expectErrorBody(await call(emu.url, "GET", `${base}/skills/nope`), 404);
    });

    it("a skill update answers 202 Processing, then the skill is Available with the new content", async () => {
        const updated = await call(emu.url, "POST", `${base}/skills/${skill("action")}`, { body: { name: "Renamed", workspace: { actions: [{ action: "a1" }] } } });
        expect(updated.status).to.equal(202);
        expect(updated.body).to.include({ status: "Processing", name: "Renamed", type: "action" });
        expect((await call(emu.url, "GET", `${base}/skills/${skill("action")}`)).body.status).to.equal("Processing");
        clock.advance(DELAY);
        expect((await call(emu.url, "GET", `${base}/skills/${skill("action")}`)).body).to.include({ status: "Available", name: "Renamed" });
        const exported = (await call(emu.url, "GET", `${base}/skills_export`)).body;
        expect(exported.assistant_skills[0].workspace).to.deep.equal({ actions: [{ action: "a1" }] });
    });

    it("a dialog skill update replaces the content of its v1 workspace", async () => {
        await call(emu.url, "POST", `${base}/skills/${skill("dialog")}`, { body: { workspace: { intents: [{ intent: "hello", examples: [{ text: "hi" }] }] } } });
        clock.advance(DELAY);
        const exported = (await call(emu.url, "GET", `${base}/skills_export`)).body;
        const dialog = exported.assistant_skills.find((s: any) => s.type === "dialog");
        expect(dialog.workspace.intents.map((i: any) => i.intent)).to.deep.equal(["hello"]);
    });

    it("rejects invalid skill updates without changing the skill", async () => {
        const path = `${base}/skills/${skill("action")}`;
        const reply = await call(emu.url, "POST", path, { body: { name: "tab\there", workspace: [], search_settings: {} } });
        expectErrorBody(reply, 400);
        expect(reply.body.errors.map((e: any) => e.path)).to.deep.equal(["name", "workspace", "search_settings"]);
        expect((await call(emu.url, "GET", path)).body.name).to.equal("Shop");
    });

    it("an armed skill failure leaves the content and reports Failed", async () => {
        await call(emu.url, "POST", "/emulator/next-failure", { version: null, body: { kind: "skill" } });
        await call(emu.url, "POST", `${base}/skills/${skill("action")}`, { body: { name: "Never" } });
        clock.advance(DELAY);
        const failed = (await call(emu.url, "GET", `${base}/skills/${skill("action")}`)).body;
        expect(failed).to.include({ status: "Failed", name: "Shop", status_description: "Injected failure" });
        expect(failed.status_errors).to.deep.equal([{ message: "Injected failure" }]);
    });

    it("skills_export is 202 while an update runs; skills_import copies skills into another assistant", async () => {
        await call(emu.url, "POST", `${base}/skills/${skill("action")}`, { body: { workspace: { actions: ["x"] } } });
        expect((await call(emu.url, "GET", `${base}/skills_export`)).status).to.equal(202);
        clock.advance(DELAY);
        const exported = await call(emu.url, "GET", `${base}/skills_export`);
        expect(exported.status).to.equal(200);
        expect(exported.body.assistant_state).to.deep.equal({ action_disabled: false, dialog_disabled: false });

        const target = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Copy" } })).body;
        const targetBase = `/v2/assistants/${target.assistant_id}`;
        expectErrorBody(await call(emu.url, "GET", `${targetBase}/skills_import/status`), 404);
        const started = await call(emu.url, "POST", `${targetBase}/skills_import`, { body: exported.body });
        expect(started.status).to.equal(202);
        expect(started.body).to.deep.equal({ assistant_id: target.assistant_id, status: "Processing" });
        expectErrorBody(await call(emu.url, "POST", `${targetBase}/skills_import`, { body: exported.body }), 409);
        expect((await call(emu.url, "GET", `${targetBase}/skills_import/status`)).body.status).to.equal("Processing");
        clock.advance(DELAY);
        expect((await call(emu.url, "GET", `${targetBase}/skills_import/status`)).body.status).to.equal("Completed");
        const copied = (await call(emu.url, "GET", `${targetBase}/skills_export`)).body;
        expect(copied.assistant_skills[0].workspace).to.deep.equal({ actions: ["x"] });
    });

    it("refuses a skills_import body with a bad skill type, language or state, naming each path", async () => {
        const reply = await call(emu.url, "POST", `${base}/skills_import`, { body: { assistant_skills: [{ type: "search" }] } });
        expectErrorBody(reply, 400);
        expect(reply.body.errors.map((e: any) => e.path)).to.include.members(["assistant_skills[0].type", "assistant_skills[0].language", "assistant_state"]);
    });

    it("deleting an assistant also deletes its dialog skill's workspace", async () => {
        await call(emu.url, "DELETE", base);
        expectErrorBody(await call(emu.url, "GET", `${base}/skills_export`), 404);
        expectErrorBody(await call(emu.url, "GET", `/v1/workspaces/${skill("dialog")}`, { version: "2021-06-14" }), 404);
    });
});
