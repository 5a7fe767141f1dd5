import { expect } from "chai";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { assistantWithDialog, statelessTurns, texts, type TestAssistant } from "../support/assistant";
import { call, expectErrorBody, FakeClock, startEmulator, type RunningEmulator } from "../support/emulator";

const PIZZA = {
    intents: [
        { intent: "order", examples: [{ text: "I want to order a pizza" }, { text: "order pizza" }] },
        { intent: "hello", examples: [{ text: "hello" }, { text: "hi there" }] },
    ],
    entities: [{ entity: "size", values: [{ value: "large", synonyms: ["big"] }, { value: "small" }] }],
    dialog_nodes: [
        { dialog_node: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Welcome!" }] }] } },
        { dialog_node: "greet", conditions: "#hello", previous_sibling: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi!" }] }] } },
        {
            dialog_node: "order", conditions: "#order", previous_sibling: "greet",
            output: { generic: [{ response_type: "text", values: [{ text: "Which size?" }] }] },
        },
        {
            dialog_node: "order_size", parent: "order", conditions: "@size", context: { size: "@size" },
            output: { generic: [{ response_type: "text", values: [{ text: "A $size pizza, coming up." }] }] },
        },
        {
            dialog_node: "fallback", conditions: "anything_else", previous_sibling: "order",
            output: { generic: [{ response_type: "text", values: [{ text: "Sorry?" }] }] },
        },
    ],
};

describe("emulator v2 message: sessions and stateless", () => {
    const clock = new FakeClock();
    let emu: RunningEmulator;
    let assistant: TestAssistant;

    before(async () => (emu = await startEmulator({ now: clock.now })));
    after(() => emu.stop());
    beforeEach(async () => {
        await emu.reset();
        assistant = await assistantWithDialog(emu, PIZZA);
    });

    const sessionUrl = (environment = assistant.draft) => `/v2/assistants/${environment}/sessions`;

    it("a session is created with 201 and carries the conversation from turn to turn", async () => {
        const created = await call(emu.url, "POST", sessionUrl());
        expect(created.status).to.equal(201);
        expect(created.body).to.have.keys("session_id");
        const url = `${sessionUrl()}/${created.body.session_id}/message`;
        const first = await call(emu.url, "POST", url, { body: { input: { text: "" } } });
        expect(first.status).to.equal(200);
        expect(texts(first.body)).to.deep.equal(["Welcome!"]);
        const second = await call(emu.url, "POST", url, { body: { input: { text: "order pizza" } } });
        expect(texts(second.body)).to.deep.equal(["Which size?"]);
        expect(second.body.output.intents).to.deep.equal([{ intent: "order", confidence: 1 }]);
        const third = await call(emu.url, "POST", url, { body: { input: { text: "a big one please", options: { return_context: true } } } });
        expect(texts(third.body)).to.deep.equal(["A large pizza, coming up."]);
        expect(third.body.output.entities).to.deep.equal([{ entity: "size", location: [2, 5], value: "large", confidence: 1 }]);
        expect(third.body.context.global.system.turn_count).to.equal(3);
        expect(third.body.context.skills["main skill"].user_defined).to.deep.equal({ size: "large" });
    });

    it("a stateful message returns context only with return_context, and user_id defaults to the session id", async () => {
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        const reply = await call(emu.url, "POST", `${sessionUrl()}/${sessionId}/message`, { body: { input: { text: "hello" } } });
        expect(reply.body).to.have.keys("output", "user_id");
        expect(reply.body.user_id).to.equal(sessionId);
    });

    it("a stateless conversation carries its state in the context the client sends back", async () => {
        const replies = await statelessTurns(emu, assistant.draft, ["", "order pizza", "small"]);
        expect(replies.map(texts)).to.deep.equal([["Welcome!"], ["Which size?"], ["A small pizza, coming up."]]);
        expect(replies[2].context.global.system.turn_count).to.equal(3);
        expect(replies[2].context.global.session_id).to.equal(replies[0].context.global.session_id);
    });

    it("the assistant ID in place of the environment ID runs the draft environment", async () => {
        const replies = await statelessTurns(emu, assistant.assistantId, ["hello"]);
        expect(texts(replies[0])).to.deep.equal(["Hi!"]);
    });

    it("the live environment runs the deployed release, not the draft", async () => {
        const nothing = await call(emu.url, "POST", `/v2/assistants/${assistant.live}/message`, { body: { input: { text: "hello" } } });
        expect(texts(nothing.body)).to.deep.equal([]);
        await call(emu.url, "POST", `/v2/assistants/${assistant.assistantId}/releases`);
        await call(emu.url, "POST", `/v2/assistants/${assistant.assistantId}/releases/1/deploy`, { body: { environment_id: assistant.live } });
        await call(emu.url, "POST", `/v1/workspaces/${assistant.dialogSkill}/dialog_nodes/greet`, {
            body: { output: { generic: [{ response_type: "text", values: [{ text: "Changed in draft" }] }] } },
        });
        const live = await call(emu.url, "POST", `/v2/assistants/${assistant.live}/message`, { body: { input: { text: "hello" } } });
        expect(texts(live.body)).to.deep.equal(["Hi!"]);
        const draft = await call(emu.url, "POST", `/v2/assistants/${assistant.draft}/message`, { body: { input: { text: "hello" } } });
        expect(texts(draft.body)).to.deep.equal(["Changed in draft"]);
    });

    it("options.debug adds nodes_visited and log_messages", async () => {
        const reply = await call(emu.url, "POST", `/v2/assistants/${assistant.draft}/message`, {
            body: { input: { text: "hello", options: { debug: true } }, context: { global: { system: { turn_count: 1 } } } },
        });
        expect(reply.body.output.debug.nodes_visited).to.deep.equal([{ dialog_node: "greet", conditions: "#hello" }]);
        expect(reply.body.output.debug.log_messages).to.deep.equal([]);
    });

    it("a deleted session answers 404 and so does an unknown one", async () => {
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        expect((await call(emu.url, "DELETE", `${sessionUrl()}/${sessionId}`)).status).to.equal(200);
        expectErrorBody(await call(emu.url, "POST", `${sessionUrl()}/${sessionId}/message`, { body: { input: { text: "hi" } } }), 404);
        expectErrorBody(await call(emu.url, "DELETE", `${sessionUrl()}/${sessionId}`), 404);
        expectErrorBody(await call(emu.url, "POST", `${sessionUrl()}/nope/message`, { body: {} }), 404);
    });

    it("a session expires after the environment's session_timeout of inactivity, each call renewing it", async () => {
        await call(emu.url, "POST", `/v2/assistants/${assistant.assistantId}/environments/${assistant.draft}`, { body: { session_timeout: 60 } });
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        const url = `${sessionUrl()}/${sessionId}/message`;
        clock.advance(59_000);
        expect((await call(emu.url, "POST", url, { body: { input: { text: "hello" } } })).status).to.equal(200);
        clock.advance(59_000);
        expect((await call(emu.url, "POST", url, { body: { input: { text: "hello" } } })).status).to.equal(200);
        clock.advance(60_000);
        const expired = await call(emu.url, "POST", url, { body: { input: { text: "hello" } } });
        expectErrorBody(expired, 404);
        expect(expired.body.error).to.equal("Invalid Session");
    });

    it("a session belongs to its environment", async () => {
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        expectErrorBody(await call(emu.url, "POST", `${sessionUrl(assistant.live)}/${sessionId}/message`, { body: {} }), 404);
    });

    it("an unknown environment answers 404", async () => {
        expectErrorBody(await call(emu.url, "POST", "/v2/assistants/nope/sessions"), 404);
        expectErrorBody(await call(emu.url, "POST", "/v2/assistants/nope/message", { body: {} }), 404);
    });

    it("bad input gets 400 naming each path, and the session and logs stay unchanged", async () => {
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        const url = `${sessionUrl()}/${sessionId}/message`;
        await call(emu.url, "POST", url, { body: { input: { text: "order pizza" } } });
        const bad = await call(emu.url, "POST", url, {
            body: { input: { text: "a\nb", message_type: "audio", options: { debug: "yes" } }, user_id: "" },
        });
        expectErrorBody(bad, 400);
        expect(bad.body.errors.map((e: any) => e.path).sort()).to.deep.equal(["input.message_type", "input.options.debug", "input.text", "user_id"]);
        const search = await call(emu.url, "POST", url, { body: { input: { text: "x", message_type: "search" } } });
        expectErrorBody(search, 400);
        const stateless = await call(emu.url, "POST", `/v2/assistants/${assistant.draft}/message`, {
            body: { context: { skills: { "main skill": { system: { state: "not a state" } } } } },
        });
        expectErrorBody(stateless, 400);
        expect(stateless.body.errors[0].path).to.equal("context.skills['main skill'].system.state");
        const next = await call(emu.url, "POST", url, { body: { input: { text: "big" } } });
        expect(texts(next.body)).to.deep.equal(["A large pizza, coming up."]);
        const logs = await call(emu.url, "GET", `/v2/assistants/${assistant.draft}/logs`);
        expect(logs.body.logs.map((l: any) => l.request.input.text)).to.deep.equal(["order pizza", "big"]);
    });

    it("message_stream sends server-sent events ending with the final response", async () => {
        const base = `/v2/assistants/${assistant.assistantId}/environments/${assistant.draft}`;
        const response = await fetch(`${emu.url}${base}/message_stream?version=2024-08-25`, {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ input: { text: "hello" } }),
        });
        expect(response.status).to.equal(200);
        expect(response.headers.get("content-type")).to.match(/^text\/event-stream/);
        const events = (await response.text()).trim().split("\n\n").map((block) => JSON.parse(block.split("\n").find((l) => l.startsWith("data: "))!.slice(6)));
        expect(events.map((e) => Object.keys(e)[0])).to.deep.equal(["partial_item", "complete_item", "final_response"]);
        expect(events[1].complete_item.text).to.equal("Hi!");
        expect(texts(events[2].final_response)).to.deep.equal(["Hi!"]);
        const sessionId = (await call(emu.url, "POST", sessionUrl())).body.session_id;
        const stateful = await fetch(`${emu.url}${base}/sessions/${sessionId}/message_stream?version=2024-08-25`, {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ input: { text: "order pizza" } }),
        });
        expect(await stateful.text()).to.contain("Which size?");
    });
    it("an action whose intent matches answers with its first step; unmatched input falls to the dialog, then anything_else", async () => {
        const step = (text: string) => ({ step: "step_1", output: { generic: [{ response_type: "text", values: [{ text_expression: { concat: [{ scalar: text }] } }] }] } });
        const workspace = {
            intents: [{ intent: "action_1_intent_1", examples: [{ text: "reset my password" }] }],
            actions: [
                { action: "action_1", title: "Reset", condition: { intent: "action_1_intent_1" }, steps: [step("Let us reset it."), step("Second step")] },
                { action: "anything_else", condition: { expression: "anything_else" }, steps: [step("I did not get that.")] },
            ],
        };
        const updated = await call(emu.url, "POST", `/v2/assistants/${assistant.assistantId}/skills/${assistant.actionSkill}`, { body: { workspace } });
        expect(updated.status).to.equal(202);
        const replies = await statelessTurns(emu, assistant.draft, ["reset my password", "hello"]);
        expect(replies.map(texts)).to.deep.equal([["Let us reset it."], ["Hi!"]]);
        await call(emu.url, "POST", `/v1/workspaces/${assistant.dialogSkill}/dialog_nodes/fallback`, { body: { conditions: "false" } });
        const [fallback] = await statelessTurns(emu, assistant.draft, ["something odd"]);
        expect(texts(fallback)).to.deep.equal(["I did not get that."]);
    });
});

describe("emulator v2 sessions with --data-dir", () => {
    it("a session and its dialog position survive a restart", async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "emu-sessions-"));
        try {
            let emu = await startEmulator({ dataDir });
            const assistant = await assistantWithDialog(emu, PIZZA);
            const sessionId = (await call(emu.url, "POST", `/v2/assistants/${assistant.draft}/sessions`)).body.session_id;
            const url = `/v2/assistants/${assistant.draft}/sessions/${sessionId}/message`;
            expect(texts((await call(emu.url, "POST", url, { body: { input: { text: "order pizza" } } })).body)).to.deep.equal(["Which size?"]);
            await emu.stop();
            emu = await startEmulator({ dataDir });
            expect(texts((await call(emu.url, "POST", url, { body: { input: { text: "small" } } })).body)).to.deep.equal(["A small pizza, coming up."]);
            await emu.stop();
        } finally {
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
