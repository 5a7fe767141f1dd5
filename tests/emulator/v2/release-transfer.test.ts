import { expect } from "chai";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { assistantWithDialog, statelessTurns, texts, type TestAssistant } from "../support/assistant";
import { call, expectErrorBody, FakeClock, startEmulator, VERSION, type RunningEmulator } from "../support/emulator";

const DELAY = 1000;
const HELLO = {
    intents: [{ intent: "hello", examples: [{ text: "hello" }] }],
    dialog_nodes: [{ dialog_node: "greet", conditions: "#hello", output: { generic: [{ response_type: "text", values: [{ text: "Hi from the release" }] }] } }],
};

async function raw(emu: RunningEmulator, method: string, path: string, headers: Record<string, string>, body?: Uint8Array) {
    const response = await fetch(`${emu.url}${path}?version=${VERSION}`, { method, headers, body });
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("emulator v2 release export and assistant import", () => {
    const clock = new FakeClock();
    let emu: RunningEmulator;
    let source: TestAssistant;

    before(async () => (emu = await startEmulator({ now: clock.now, asyncDelayMs: DELAY })));
    after(() => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        source = await assistantWithDialog(emu, HELLO);
        clock.advance(DELAY);
    });

    const releases = () => `/v2/assistants/${source.assistantId}/releases`;

    async function exportedArchive(): Promise<Uint8Array> {
        await call(emu.url, "POST", releases());
        clock.advance(DELAY);
        await call(emu.url, "POST", `${releases()}/1/export`);
        clock.advance(DELAY);
        return (await raw(emu, "GET", `${releases()}/1/export`, { Accept: "application/zip" })).bytes;
    }

    it("an export is refused while the release is processing, then Processing, then a zip of the release's skills", async () => {
        await call(emu.url, "POST", releases());
        expectErrorBody(await call(emu.url, "POST", `${releases()}/1/export`), 409);
        expectErrorBody(await call(emu.url, "GET", `${releases()}/1/export`), 404);
        clock.advance(DELAY);
        const started = await call(emu.url, "POST", `${releases()}/1/export`);
        expect(started.status).to.equal(200);
        expect(started.body).to.include({ status: "Processing", assistant_id: source.assistantId, release: "1" });
        const pending = await raw(emu, "GET", `${releases()}/1/export`, { Accept: "application/zip" });
        expect(JSON.parse(strFromU8(pending.bytes)).status).to.equal("Processing");
        clock.advance(DELAY);
        expect((await call(emu.url, "GET", `${releases()}/1/export`)).body.status).to.equal("Available");
        const archive = await raw(emu, "GET", `${releases()}/1/export`, { Accept: "application/zip" });
        expect(archive.headers.get("content-type")).to.equal("application/zip");
        const files = unzipSync(archive.bytes);
        expect(Object.keys(files).sort()).to.deep.equal(["action-skill.json", "dialog-skill.json"]);
        const dialog = JSON.parse(strFromU8(files["dialog-skill.json"]));
        expect(dialog).to.include({ type: "dialog", language: "en", skill_id: source.dialogSkill, snapshot: "1" });
        expect(dialog.workspace.dialog_nodes[0].dialog_node).to.equal("greet");
        const again = await raw(emu, "GET", `${releases()}/1/export`, { Accept: "application/octet-stream" });
        expect(Buffer.from(again.bytes).equals(Buffer.from(archive.bytes))).to.equal(true);
    });

    it("an import overrides the draft skills, one at a time, and reports Completed after the async delay", async () => {
        const archive = await exportedArchive();
        const target = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Target" } })).body;
        const url = `/v2/assistants/${target.assistant_id}/import`;
        expectErrorBody(await call(emu.url, "GET", url), 404);
        const started = await raw(emu, "POST", url, { "Content-Type": "application/octet-stream" }, archive);
        expect(started.status).to.equal(202);
        const body = JSON.parse(strFromU8(started.bytes));
        expect(body).to.include({ status: "Processing", assistant_id: target.assistant_id });
        expect(body.skill_impact_in_draft).to.deep.equal(["action", "dialog"]);
        expectErrorBody(await call(emu.url, "POST", url, { headers: { "Content-Type": "application/octet-stream" } }), 409);
        clock.advance(DELAY);
        expect((await call(emu.url, "GET", url)).body.status).to.equal("Completed");
        const draft = target.assistant_environments.find((e: any) => e.environment === "draft").environment_id;
        const [reply] = await statelessTurns(emu, draft, ["hello"]);
        expect(texts(reply)).to.deep.equal(["Hi from the release"]);
    });

    it("a bad artifact gets 400 (or 415 for another content type) and changes nothing", async () => {
        const target = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Target" } })).body;
        const url = `/v2/assistants/${target.assistant_id}/import`;
        const skill = target.assistant_skills.find((s: any) => s.type === "dialog").skill_id;
        const before = (await call(emu.url, "GET", `/v1/workspaces/${skill}`, { query: { export: "true" } })).body;
        expectErrorBody(await call(emu.url, "POST", url, { body: {} }), 415);
        const empty = await raw(emu, "POST", url, { "Content-Type": "application/octet-stream" });
        expect(JSON.parse(strFromU8(empty.bytes)).error).to.equal("No data");
        const garbage = await raw(emu, "POST", url, { "Content-Type": "application/octet-stream" }, strToU8("not a zip"));
        expect(garbage.status).to.equal(400);
        expect(JSON.parse(strFromU8(garbage.bytes)).errors[0].type).to.equal("artifact_validation");
        const invalidDialog = zipSync({
            "action-skill.json": strToU8(JSON.stringify({ type: "action", workspace: { actions: [] } })),
            "dialog-skill.json": strToU8(JSON.stringify({ type: "dialog", workspace: { intents: [{ intent: "bad intent!" }] } })),
        });
        const refused = await raw(emu, "POST", url, { "Content-Type": "application/octet-stream" }, invalidDialog);
        expect(refused.status).to.equal(400);
        expect((await call(emu.url, "GET", `/v1/workspaces/${skill}`, { query: { export: "true" } })).body).to.deep.equal(before);
        expectErrorBody(await call(emu.url, "GET", url), 404);
    });
});
