import { expect } from "chai";
import { assistantWithDialog, texts, type TestAssistant } from "../support/assistant";
import { call, expectErrorBody, startEmulator, type RunningEmulator } from "../support/emulator";

const GREETER = {
    intents: [
        { intent: "hello", examples: [{ text: "hello" }, { text: "hi there" }] },
        { intent: "order", examples: [{ text: "order pizza" }] },
    ],
    dialog_nodes: [
        { dialog_node: "greet", conditions: "#hello", output: { generic: [{ response_type: "text", values: [{ text: "Hi!" }] }, { response_type: "pause", time: 10 }] } },
        {
            dialog_node: "order", conditions: "#order", previous_sibling: "greet",
            output: { generic: [{ response_type: "text", values: [{ text: "Which size?" }] }] },
        },
    ],
};

/** The events of a message_stream answer (`event: message` / `data: <json>` blocks). */
async function streamEvents(emu: RunningEmulator, path: string, body: unknown): Promise<{ contentType: string | null; events: any[] }> {
    const response = await fetch(`${emu.url}${path}?version=2024-08-25`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).to.equal(200);
    const blocks = (await response.text()).trim().split("\n\n");
    for (const block of blocks) expect(block.split("\n")[0]).to.equal("event: message");
    const events = blocks.map((block) => JSON.parse(block.split("\n").find((line) => line.startsWith("data: "))!.slice(6)));
    return { contentType: response.headers.get("content-type"), events };
}

describe("emulator v2 runtime: the environment-scoped routes of ibm-watson 12.x", () => {
    let emu: RunningEmulator;
    let assistant: TestAssistant;
    let scoped: string;

    before(async () => (emu = await startEmulator()));
    after(() => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        assistant = await assistantWithDialog(emu, GREETER);
        scoped = `/v2/assistants/${assistant.assistantId}/environments/${assistant.draft}`;
    });

    it("creates a session, converses in it and deletes it, as the classic routes do", async () => {
        const created = await call(emu.url, "POST", `${scoped}/sessions`);
        expect(created.status).to.equal(201);
        const session = `${scoped}/sessions/${created.body.session_id}`;
        const first = await call(emu.url, "POST", `${session}/message`, { body: { input: { text: "order pizza" }, context: { global: {} } } });
        expect(texts(first.body)).to.deep.equal(["Which size?"]);
        const second = await call(emu.url, "POST", `${session}/message`, { body: { input: { text: "hello", options: { return_context: true } } } });
        expect(second.body.context.global.system.turn_count).to.equal(2);
        // The same session through the classic form: one session, whichever route names it.
        const classic = await call(emu.url, "POST", `/v2/assistants/${assistant.draft}/sessions/${created.body.session_id}/message`, { body: { input: { text: "hello", options: { return_context: true } } } });
        expect(classic.body.context.global.system.turn_count).to.equal(3);

        expect((await call(emu.url, "DELETE", session)).status).to.equal(200);
        expectErrorBody(await call(emu.url, "POST", `${session}/message`, { body: { input: { text: "hello" } } }), 404);
    });

    it("answers a stateless message and logs it under the environment", async () => {
        const reply = await call(emu.url, "POST", `${scoped}/message`, { body: { input: { text: "hello" } } });
        expect(reply.status).to.equal(200);
        expect(texts(reply.body)).to.deep.equal(["Hi!"]);
        const logs = await call(emu.url, "GET", `/v2/assistants/${assistant.draft}/logs`);
        expect(logs.body.logs.map((log: any) => log.request.input.text)).to.deep.equal(["hello"]);
    });

    it("refuses an environment of another assistant and an unknown one with 404", async () => {
        const other = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Other" } })).body.assistant_id;
        expectErrorBody(await call(emu.url, "POST", `/v2/assistants/${other}/environments/${assistant.draft}/sessions`), 404);
        expectErrorBody(await call(emu.url, "POST", `/v2/assistants/${assistant.assistantId}/environments/nope/message`, { body: { input: { text: "hi" } } }), 404);
    });

    it("message_stream: a partial and a complete item per text item, a complete item for others, then the final response; ids count the items", async () => {
        const { contentType, events } = await streamEvents(emu, `${scoped}/message_stream`, { input: { text: "hello" } });
        expect(contentType).to.match(/^text\/event-stream/);
        expect(events.map((event) => Object.keys(event)[0])).to.deep.equal(["partial_item", "complete_item", "complete_item", "final_response"]);
        expect(events[0].partial_item).to.deep.equal({ response_type: "text", text: "Hi!", streaming_metadata: { id: 1 } });
        expect(events[1].complete_item).to.deep.equal({ response_type: "text", text: "Hi!", streaming_metadata: { id: 1 } });
        expect(events[2].complete_item).to.include({ response_type: "pause", time: 10 });
        expect(events[2].complete_item.streaming_metadata).to.deep.equal({ id: 2 });
        const final = events[3].final_response;
        expect(texts(final)).to.deep.equal(["Hi!"]);
        expect(final.output.streaming_metadata).to.deep.equal({ streaming_metadata: { id: 2 } });
        expect(final.user_id).to.be.a("string");
    });

    it("message_stream in a session carries the conversation like message", async () => {
        const sessionId = (await call(emu.url, "POST", `${scoped}/sessions`)).body.session_id;
        const { events } = await streamEvents(emu, `${scoped}/sessions/${sessionId}/message_stream`, { input: { text: "order pizza", options: { return_context: true } } });
        const final = events[events.length - 1].final_response;
        expect(texts(final)).to.deep.equal(["Which size?"]);
        expect(final.context.global.session_id).to.equal(sessionId);
    });
});
