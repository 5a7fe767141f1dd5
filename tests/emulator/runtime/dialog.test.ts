import { expect } from "chai";
import { createWorkspace, useEmulator, type Call } from "../v1/client";

const text = (value: string) => ({ generic: [{ response_type: "text", values: [{ text: value }] }] });

/** Sends the inputs in turn through v1 message, carrying the context; returns every response. */
async function conversation(call: Call, workspaceId: string, inputs: string[], context: Record<string, unknown> = {}): Promise<any[]> {
    const replies: any[] = [];
    let current: unknown = context;
    for (const input of inputs) {
        const reply = await call("POST", `/v1/workspaces/${workspaceId}/message`, { input: { text: input }, context: current });
        if (reply.status !== 200) throw new Error(`message failed: ${JSON.stringify(reply.body)}`);
        current = reply.body.context;
        replies.push(reply.body);
    }
    return replies;
}

const said = (replies: any[]) => replies.map((r) => r.output.text.join(" | "));

describe("emulator runtime: dialog", () => {
    const { call } = useEmulator();
    const intents = [
        { intent: "hello", examples: [{ text: "hello" }] },
        { intent: "book", examples: [{ text: "book a table" }] },
        { intent: "stop", examples: [{ text: "never mind" }] },
    ];
    const entities = [{ entity: "sys-number" }, { entity: "sys-date" }, { entity: "size", values: [{ value: "large" }, { value: "extra large" }] }];

    it("conditions: && || ! comparisons, @entity:value, $variables and input.text", async () => {
        const id = await createWorkspace(call, {
            intents, entities,
            dialog_nodes: [
                { dialog_node: "n1", conditions: "@sys-number > 10 && !#hello", output: text("big number") },
                { dialog_node: "n2", previous_sibling: "n1", conditions: "@size:(extra large) || $vip == true", output: text("xl or vip") },
                { dialog_node: "n3", previous_sibling: "n2", conditions: "input.text == 'ping'", output: text("pong") },
                { dialog_node: "n4", previous_sibling: "n3", conditions: "$name != null && $age >= 18", output: text("adult $name") },
                { dialog_node: "n5", previous_sibling: "n4", conditions: "anything_else", output: text("else") },
            ],
        });
        expect(said(await conversation(call, id, ["give me 12", "give me 3", "extra large", "ping"]))).to.deep.equal(["big number", "else", "xl or vip", "pong"]);
        expect(said(await conversation(call, id, ["x"], { vip: true }))).to.deep.equal(["xl or vip"]);
        expect(said(await conversation(call, id, ["x"], { name: "Ann", age: 30 }))).to.deep.equal(["adult Ann"]);
    });

    it("welcome is true only on a first turn without input; conversation_start on any first turn", async () => {
        const id = await createWorkspace(call, {
            dialog_nodes: [
                { dialog_node: "w", conditions: "welcome", output: text("welcome") },
                { dialog_node: "s", previous_sibling: "w", conditions: "conversation_start", output: text("start") },
                { dialog_node: "e", previous_sibling: "s", conditions: "anything_else", output: text("else") },
            ],
        });
        expect(said(await conversation(call, id, ["", "hi"]))).to.deep.equal(["welcome", "else"]);
        expect(said(await conversation(call, id, ["hi", "hi"]))).to.deep.equal(["start", "else"]);
    });

    it("an unsupported expression is false and reported in log_messages, never a failure", async () => {
        const id = await createWorkspace(call, {
            dialog_nodes: [
                { dialog_node: "odd", conditions: "intents.size() > 1", output: text("odd") },
                { dialog_node: "e", previous_sibling: "odd", conditions: "true", output: text("Hi <? input.text.length() ?>") },
            ],
        });
        const [reply] = await conversation(call, id, ["hi"]);
        expect(reply.output.text).to.deep.equal(["Hi <? input.text.length() ?>"]);
        expect(reply.output.log_messages.map((m: any) => m.level)).to.deep.equal(["warn", "warn"]);
        expect(reply.output.log_messages[0].msg).to.contain("intents.size() > 1");
    });

    it("a node with children (no next_step or get_user_input) waits for input and tries its children first; folders open in place; disabled nodes are skipped", async () => {
        const id = await createWorkspace(call, {
            intents, entities,
            dialog_nodes: [
                { dialog_node: "book", conditions: "#book", output: text("For how many?"), next_step: { behavior: "get_user_input" } },
                { dialog_node: "count", parent: "book", conditions: "@sys-number", context: { people: "@sys-number" }, output: text("Table for $people.") },
                { dialog_node: "folder", type: "folder", previous_sibling: "book" },
                { dialog_node: "off", parent: "folder", conditions: "#hello", disabled: true, output: text("disabled") },
                { dialog_node: "hi", parent: "folder", previous_sibling: "off", conditions: "#hello", output: text("Hello!") },
                { dialog_node: "else", previous_sibling: "folder", conditions: "anything_else", output: text("else") },
            ],
        });
        const replies = await conversation(call, id, ["book a table", "4", "hello", "4"]);
        expect(said(replies)).to.deep.equal(["For how many?", "Table for 4.", "Hello!", "else"]);
        expect(replies[1].context.people).to.equal(4);
        expect(replies[1].output.nodes_visited).to.deep.equal(["count"]);
    });

    it("response conditions pick the first that holds; selection_policy sequential cycles and multiline joins", async () => {
        const id = await createWorkspace(call, {
            intents,
            dialog_nodes: [
                { dialog_node: "hi", conditions: "#hello", output: {} },
                { dialog_node: "r1", parent: "hi", type: "response_condition", conditions: "$vip", output: text("Welcome back, VIP") },
                {
                    dialog_node: "r2", parent: "hi", previous_sibling: "r1", type: "response_condition", conditions: "anything_else",
                    output: { generic: [{ response_type: "text", selection_policy: "sequential", values: [{ text: "one" }, { text: "two" }] }] },
                },
                {
                    dialog_node: "e", previous_sibling: "hi", conditions: "anything_else",
                    output: { generic: [{ response_type: "text", selection_policy: "multiline", values: [{ text: "a" }, { text: "b" }] }, { response_type: "pause", time: 500 }] },
                },
            ],
        });
        expect(said(await conversation(call, id, ["hello", "hello", "hello"]))).to.deep.equal(["one", "two", "one"]);
        expect(said(await conversation(call, id, ["hello"], { vip: true }))).to.deep.equal(["Welcome back, VIP"]);
        const [other] = await conversation(call, id, ["what"]);
        expect(other.output.generic).to.deep.equal([{ response_type: "text", text: "a\nb" }, { response_type: "pause", time: 500 }]);
    });

    it("selection_policy random is deterministic: the same conversation gives the same answers", async () => {
        const values = ["a", "b", "c", "d", "e"].map((t) => ({ text: t }));
        const id = await createWorkspace(call, {
            dialog_nodes: [{ dialog_node: "r", conditions: "true", output: { generic: [{ response_type: "text", selection_policy: "random", values }] } }],
        });
        const first = said(await conversation(call, id, ["x", "x", "x", "x"]));
        expect(said(await conversation(call, id, ["x", "x", "x", "x"]))).to.deep.equal(first);
    });

    it("next_step: jump_to with condition, body and client selectors, and skip_user_input", async () => {
        const id = await createWorkspace(call, {
            intents,
            dialog_nodes: [
                { dialog_node: "a", conditions: "input.text == 'a'", output: text("A"), next_step: { behavior: "jump_to", selector: "body", dialog_node: "t" } },
                { dialog_node: "b", previous_sibling: "a", conditions: "input.text == 'b'", output: text("B"), next_step: { behavior: "jump_to", selector: "condition", dialog_node: "t" } },
                { dialog_node: "c", previous_sibling: "b", conditions: "input.text == 'c'", output: text("C"), next_step: { behavior: "jump_to", selector: "client", dialog_node: "t" } },
                { dialog_node: "d", previous_sibling: "c", conditions: "input.text == 'd'", output: text("D"), next_step: { behavior: "skip_user_input" } },
                { dialog_node: "d1", parent: "d", conditions: "true", output: text("D1") },
                { dialog_node: "t", previous_sibling: "d", conditions: "input.text == 't'", output: text("T") },
                { dialog_node: "z", previous_sibling: "t", conditions: "anything_else", output: text("Z") },
            ],
        });
        expect(said(await conversation(call, id, ["a"]))).to.deep.equal(["A | T"]);
        expect(said(await conversation(call, id, ["b"]))).to.deep.equal(["B | Z"]);
        expect(said(await conversation(call, id, ["c", "t"]))).to.deep.equal(["C", "T"]);
        const [d] = await conversation(call, id, ["d"]);
        expect(d.output.text).to.deep.equal(["D", "D1"]);
        expect(d.output.nodes_visited).to.deep.equal(["d", "d1"]);
    });

    it("a jump loop stops after 50 nodes with an error log message", async () => {
        const id = await createWorkspace(call, {
            dialog_nodes: [{ dialog_node: "loop", conditions: "true", output: {}, next_step: { behavior: "jump_to", selector: "body", dialog_node: "loop" } }],
        });
        const [reply] = await conversation(call, id, ["x"]);
        expect(reply.output.log_messages.map((m: any) => m.level)).to.deep.equal(["error"]);
    });

    it("slots: prompts for each empty slot in order, fills from any input, handlers answer and skip_all_slots leaves", async () => {
        const id = await createWorkspace(call, {
            intents, entities,
            dialog_nodes: [
                { dialog_node: "frame", type: "frame", conditions: "#book", output: text("Booked $people on $date.") },
                { dialog_node: "slot_people", parent: "frame", type: "slot", variable: "$people" },
                { dialog_node: "people_in", parent: "slot_people", type: "event_handler", event_name: "input", conditions: "@sys-number", context: { people: "@sys-number" } },
                { dialog_node: "people_ask", parent: "slot_people", previous_sibling: "people_in", type: "event_handler", event_name: "focus", output: text("How many?") },
                { dialog_node: "people_nomatch", parent: "slot_people", previous_sibling: "people_ask", type: "event_handler", event_name: "nomatch", output: text("A number, please.") },
                { dialog_node: "people_help", parent: "slot_people", previous_sibling: "people_nomatch", type: "event_handler", event_name: "generic", conditions: "input.text == 'help'", output: text("Say a number like 4.") },
                { dialog_node: "slot_date", parent: "frame", previous_sibling: "slot_people", type: "slot", variable: "$date" },
                { dialog_node: "date_in", parent: "slot_date", type: "event_handler", event_name: "input", conditions: "@sys-date" },
                { dialog_node: "date_ask", parent: "slot_date", previous_sibling: "date_in", type: "event_handler", event_name: "focus", output: text("Which day?") },
                { dialog_node: "date_filled", parent: "slot_date", previous_sibling: "date_ask", type: "event_handler", event_name: "filled", output: text("Noted $date.") },
                { dialog_node: "quit", parent: "frame", previous_sibling: "slot_date", type: "event_handler", event_name: "generic", conditions: "#stop", output: text("Cancelled."), next_step: { behavior: "skip_all_slots" } },
                { dialog_node: "else", previous_sibling: "frame", conditions: "anything_else", output: text("else") },
            ],
        });
        const replies = await conversation(call, id, ["book a table", "soon", "3", "2025-05-01"]);
        expect(said(replies)).to.deep.equal(["How many?", "A number, please.", "Which day?", "Noted 2025-05-01. | Booked 3 on 2025-05-01."]);
        expect(said(await conversation(call, id, ["book a table for 2 on 2025-06-01"]))).to.deep.equal(["Noted 2025-06-01. | Booked 2 on 2025-06-01."]);
        expect(said(await conversation(call, id, ["book a table", "never mind"]))).to.deep.equal(["How many?", "Cancelled. | Booked $people on $date."]);
        expect(said(await conversation(call, id, ["book a table", "help"]))).to.deep.equal(["How many?", "Say a number like 4. | How many?"]);
    });

    it("v1 message checks its body: 400 with the path, nothing logged", async () => {
        const id = await createWorkspace(call, {});
        const bad = await call("POST", `/v1/workspaces/${id}/message`, { input: { text: "a\tb" }, alternate_intents: "yes" });
        expect(bad.status).to.equal(400);
        expect(bad.body.errors.map((e: any) => e.path)).to.deep.equal(["input.text", "alternate_intents"]);
        expect((await call("POST", "/v1/workspaces/nope/message", {})).status).to.equal(404);
        expect((await call("GET", `/v1/workspaces/${id}/logs`)).body.logs).to.deep.equal([]);
    });

    it("every v1 message is logged; logs filter by a subset of the filter language; user_data deletes by customer_id", async () => {
        const id = await createWorkspace(call, { intents });
        await call("POST", `/v1/workspaces/${id}/message`, { input: { text: "hello" } }, {}, { "X-Watson-Metadata": "customer_id=c1" });
        await call("POST", `/v1/workspaces/${id}/message`, { input: { text: "book a table" } });
        const all = await call("GET", `/v1/workspaces/${id}/logs`);
        expect(all.body.logs.map((l: any) => l.request.input.text)).to.deep.equal(["hello", "book a table"]);
        const top = await call("GET", `/v1/workspaces/${id}/logs`, undefined, { filter: "response.top_intent::book" });
        expect(top.body.logs.map((l: any) => l.request.input.text)).to.deep.equal(["book a table"]);
        const account = await call("GET", "/v1/logs", undefined, { filter: `language::en,workspace_id::${id},request.input.text:HELL` });
        expect(account.body.logs).to.have.length(1);
        expect((await call("GET", "/v1/logs")).status).to.equal(400);
        expect((await call("GET", "/v1/logs", undefined, { filter: `workspace_id::${id}` })).status).to.equal(400);
        expect((await call("DELETE", "/v1/user_data", undefined, { customer_id: "c1" })).status).to.equal(202);
        expect((await call("GET", `/v1/workspaces/${id}/logs`)).body.logs).to.have.length(1);
        expect((await call("DELETE", "/v1/user_data")).status).to.equal(400);
    });
    it("odd content and a stale dialog state never fail the call", async () => {
        const id = await createWorkspace(call, {
            dialog_nodes: [{ dialog_node: "n", conditions: "true", output: { generic: [{ response_type: "text", values: [] }] }, context: { a: { b: ["$missing"] } } }],
        });
        const reply = await call("POST", `/v1/workspaces/${id}/message`, {
            input: { text: "x" },
            context: { system: { dialog_stack: [{ dialog_node: "gone", state: "in_progress" }], dialog_turn_counter: 3 } },
        });
        expect(reply.status).to.equal(200);
        expect(reply.body.output.nodes_visited).to.deep.equal(["n"]);
        expect(reply.body.context.a).to.deep.equal({ b: [null] });
    });
});
