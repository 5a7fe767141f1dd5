/** What IBM's SDKs and integration tests expect of message answers (v1 and v2). */
import { expect } from "chai";
import { EmulatorClient } from "../../../drivers/emulator-client";
import { useAssistant } from "../support/assistant";
import { call, FakeClock, startEmulator, type RunningEmulator } from "../support/emulator";

/** Like IBM's car-dashboard sample: "Turn on the lights" is close to more than one intent. */
/** "turn off the lights" matches no node: the turn logs a warning. */
const DASHBOARD = {
    name: "dashboard",
    intents: [
        { intent: "turn_on", examples: [{ text: "turn on the lights" }, { text: "switch the radio on" }] },
        { intent: "turn_off", examples: [{ text: "turn off the lights" }, { text: "switch the wipers off" }] },
        { intent: "weather", examples: [{ text: "will it rain today" }] },
    ],
    dialog_nodes: [
        { dialog_node: "on", conditions: "#turn_on", output: { text: { values: ["Turning it on."] } } },
        { dialog_node: "ask", conditions: "#weather", previous_sibling: "on", output: { text: { values: ["Where?"] } } },
        { dialog_node: "where", parent: "ask", conditions: "true", output: { text: { values: ["Sunny there."] } } },
    ],
};

describe("emulator v1 message: what IBM's SDK and integration tests expect", () => {
    let emu: RunningEmulator;
    let workspaceId: string;
    const v1 = (version: string) => new EmulatorClient(emu.url, { version });
    const message = (version: string, body: unknown) => v1(version).request("POST", `/v1/workspaces/${workspaceId}/message`, body);

    before(async () => {
        emu = await startEmulator();
        workspaceId = (await v1("2021-11-27").request("POST", "/v1/workspaces", DASHBOARD)).workspace_id;
    });
    after(() => emu.stop());

    it("dialog_stack holds plain node ids for version dates before 2016-09-20, objects from then on", async () => {
        const input = { input: { text: "Turn on the lights" } };
        expect((await message("2016-07-11", input)).context.system.dialog_stack).to.deep.equal(["root"]);
        expect((await message("2016-09-20", input)).context.system.dialog_stack).to.deep.equal([{ dialog_node: "root" }]);
        expect((await message("2017-02-03", input)).context.system.dialog_stack).to.deep.equal([{ dialog_node: "root" }]);
    });

    it("an old-version client sending its plain-id stack back continues the conversation", async () => {
        const first = await message("2016-07-11", { input: { text: "will it rain today" } });
        expect(first.context.system.dialog_stack).to.deep.equal(["ask"]);
        const second = await message("2016-07-11", { input: { text: "in Paris" }, context: first.context });
        expect(second.output.text).to.deep.equal(["Sunny there."]);
        expect(second.context.system.dialog_stack).to.deep.equal(["root"]);
    });

    it("alternate_intents returns the ranked intents, more than the top one", async () => {
        const reply = await message("2019-03-27", { input: { text: "Turn on the lights" }, alternate_intents: true });
        expect(reply.intents.map((i: any) => i.intent)).to.deep.equal(["turn_on", "turn_off"]);
        expect(reply.intents[0].confidence).to.be.greaterThan(reply.intents[1].confidence);
        expect((await message("2019-03-27", { input: { text: "Turn on the lights" } })).intents).to.have.length(1);
    });

    it("user_id is at the root: as sent, else context.conversation_id", async () => {
        const plain = await message("2021-11-27", { input: { text: "hi" } });
        expect(plain.user_id).to.equal(plain.context.conversation_id);
        expect((await message("2021-11-27", { input: { text: "hi" }, user_id: "u-1" })).user_id).to.equal("u-1");
    });

    it("every log_messages entry has a level, a msg and a code", async () => {
        const reply = await message("2021-11-27", { input: { text: "turn off the lights" } });
        expect(reply.output.log_messages).to.not.be.empty;
        for (const entry of reply.output.log_messages) expect(entry).to.have.all.keys("level", "msg", "code");
    });
});

describe("emulator v2 message: session_start_time and logs with the full context", () => {
    const clock = new FakeClock();
    const fx = useAssistant(DASHBOARD, { now: clock.now });

    const started = new Date(Date.UTC(2025, 0, 1)).toISOString();

    it("a stateful turn sets context.global.system.session_start_time to when the session was created", async () => {
        const created = clock.now();
        const sessionId = (await call(fx.emu.url, "POST", `/v2/assistants/${fx.assistant.draft}/sessions`)).body.session_id;
        clock.advance(5000);
        const reply = await call(fx.emu.url, "POST", `/v2/assistants/${fx.assistant.draft}/sessions/${sessionId}/message`, { body: { input: { text: "hi", options: { return_context: true } } } });
        expect(reply.body.context.global.system.session_start_time).to.equal(new Date(created).toISOString());
    });

    it("a stateless conversation keeps the start time of its first turn; a restart begins anew", async () => {
        clock.time = Date.UTC(2025, 0, 1);
        const url = `/v2/assistants/${fx.assistant.draft}/message`;
        const first = (await call(fx.emu.url, "POST", url, { body: { input: { text: "hi" } } })).body;
        expect(first.context.global.system.session_start_time).to.equal(started);
        clock.advance(60_000);
        const second = (await call(fx.emu.url, "POST", url, { body: { input: { text: "hi" }, context: first.context } })).body;
        expect(second.context.global.system.session_start_time).to.equal(started);
        const restarted = (await call(fx.emu.url, "POST", url, { body: { input: { text: "hi", options: { restart: true } }, context: first.context } })).body;
        expect(restarted.context.global.system.session_start_time).to.equal(new Date(Date.UTC(2025, 0, 1) + 60_000).toISOString());
    });

    it("logs hold the full context also for a turn sent without return_context", async () => {
        const sessionId = (await call(fx.emu.url, "POST", `/v2/assistants/${fx.assistant.draft}/sessions`)).body.session_id;
        const reply = await call(fx.emu.url, "POST", `/v2/assistants/${fx.assistant.draft}/sessions/${sessionId}/message`, { body: { input: { text: "will it rain today" } } });
        expect(reply.body.context).to.equal(undefined);
        const [log] = (await call(fx.emu.url, "GET", `/v2/assistants/${fx.assistant.draft}/logs`)).body.logs;
        expect(log.response.context.global.session_id).to.equal(sessionId);
        expect(log.response.context.global.system.turn_count).to.equal(1);
        expect(log.response.context.skills["main skill"].system.state).to.be.a("string");
    });

    it("debug log_messages entries carry a code", async () => {
        const reply = await call(fx.emu.url, "POST", `/v2/assistants/${fx.assistant.draft}/message`, { body: { input: { text: "turn off the lights", options: { debug: true } } } });
        expect(reply.body.output.debug.log_messages).to.not.be.empty;
        for (const entry of reply.body.output.debug.log_messages) expect(entry).to.have.all.keys("level", "message", "code");
    });
});
