import { expect } from "chai";
import { createWorkspace, errorPaths, p, useEmulator, type Call } from "./client";

/** parent/previous_sibling of every node, for compact tree assertions. */
async function tree(call: Call, ws: string): Promise<Record<string, [string | undefined, string | undefined]>> {
    const { body } = await call("GET", p`/v1/workspaces/${ws}/dialog_nodes`);
    return Object.fromEntries(body.dialog_nodes.map((n: any) => [n.dialog_node, [n.parent, n.previous_sibling]]));
}

describe("emulator v1: dialog nodes", () => {
    const { call } = useEmulator();
    let ws: string;
    beforeEach(async () => {
        ws = await createWorkspace(call, {
            dialog_nodes: [
                { dialog_node: "a" },
                { dialog_node: "b", previous_sibling: "a" },
                { dialog_node: "c", previous_sibling: "b" },
                { dialog_node: "b1", parent: "b" },
                { dialog_node: "b2", parent: "b", previous_sibling: "b1" },
            ],
        });
    });

    it("creates, gets, lists, updates and deletes a node", async () => {
        const node = {
            dialog_node: "hello", title: "Hello node", conditions: "#hello", type: "standard", previous_sibling: "c",
            output: { generic: [{ response_type: "text", selection_policy: "random", values: [{ text: "Hi!" }] }] },
            context: { greeted: true }, metadata: { owner: "me" }, digress_in: "returns", user_label: "Say hi",
            actions: [{ name: "lookup", type: "server", result_variable: "context.r", parameters: { q: 1 } }],
        };
        const created = await call("POST", p`/v1/workspaces/${ws}/dialog_nodes`, node);
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal(node);
        expect((await call("GET", p`/v1/workspaces/${ws}/dialog_nodes/hello`)).body).to.deep.equal(node);
        const audited = await call("GET", p`/v1/workspaces/${ws}/dialog_nodes/hello`, undefined, { include_audit: true });
        expect(audited.body).to.include.keys("created", "updated");
        const updated = await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/hello`, { conditions: "#hi", context: null });
        expect(updated.body.conditions).to.equal("#hi");
        expect(updated.body).not.to.have.property("context");
        expect(updated.body.output).to.deep.equal(node.output);
        const page = await call("GET", p`/v1/workspaces/${ws}/dialog_nodes`, undefined, { page_limit: 4, sort: "dialog_node" });
        expect(page.body.dialog_nodes.map((n: any) => n.dialog_node)).to.deep.equal(["a", "b", "b1", "b2"]);
        expect((await call("GET", page.body.pagination.next_url)).body.dialog_nodes.map((n: any) => n.dialog_node)).to.deep.equal(["c", "hello"]);
        expect((await call("DELETE", p`/v1/workspaces/${ws}/dialog_nodes/hello`)).body).to.deep.equal({});
        expect((await call("GET", p`/v1/workspaces/${ws}/dialog_nodes/hello`)).status).to.equal(404);
    });

    it("omits parent and previous_sibling when the node has none", async () => {
        const { body } = await call("GET", p`/v1/workspaces/${ws}/dialog_nodes/a`);
        expect(body).to.deep.equal({ dialog_node: "a" });
    });

    it("a created node takes its slot and the former occupant follows it", async () => {
        await call("POST", p`/v1/workspaces/${ws}/dialog_nodes`, { dialog_node: "ab", previous_sibling: "a" });
        await call("POST", p`/v1/workspaces/${ws}/dialog_nodes`, { dialog_node: "first" });
        const t = await tree(call, ws);
        expect(t.ab).to.deep.equal([undefined, "a"]);
        expect(t.b).to.deep.equal([undefined, "ab"]);
        expect(t.first).to.deep.equal([undefined, undefined]);
        expect(t.a).to.deep.equal([undefined, "first"]);
    });

    it("deleting a node deletes its descendants and re-links the following sibling", async () => {
        await call("DELETE", p`/v1/workspaces/${ws}/dialog_nodes/b`);
        expect(await tree(call, ws)).to.deep.equal({ a: [undefined, undefined], c: [undefined, "a"] });
    });

    it("moving a node keeps the tree consistent", async () => {
        const moved = await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/a`, { parent: "b", previous_sibling: "b1" });
        expect(moved.status).to.equal(200);
        expect(await tree(call, ws)).to.deep.equal({
            a: ["b", "b1"], b: [undefined, undefined], c: [undefined, "b"], b1: ["b", undefined], b2: ["b", "a"],
        });
        await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/a`, { parent: null, previous_sibling: "c" });
        expect((await tree(call, ws)).a).to.deep.equal([undefined, "c"]);
        expect((await tree(call, ws)).b2).to.deep.equal(["b", "b1"]);
    });

    it("renaming a node rewrites parent, previous_sibling and jump_to references", async () => {
        await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/c`, { next_step: { behavior: "jump_to", dialog_node: "b", selector: "body" } });
        const renamed = await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/b`, { dialog_node: "bee" });
        expect(renamed.body.dialog_node).to.equal("bee");
        const t = await tree(call, ws);
        expect(t.bee).to.deep.equal([undefined, "a"]);
        expect(t.c).to.deep.equal([undefined, "bee"]);
        expect(t.b1).to.deep.equal(["bee", undefined]);
        expect((await call("GET", p`/v1/workspaces/${ws}/dialog_nodes/c`)).body.next_step.dialog_node).to.equal("bee");
        expect((await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/bee`, { dialog_node: "a" })).status).to.equal(409);
    });

    it("rejects broken references on element calls", async () => {
        const url = p`/v1/workspaces/${ws}/dialog_nodes`;
        expect(errorPaths(await call("POST", url, { dialog_node: "x", parent: "ghost" }))).to.deep.equal(["parent"]);
        expect(errorPaths(await call("POST", url, { dialog_node: "x", previous_sibling: "ghost" }))).to.deep.equal(["previous_sibling"]);
        expect(errorPaths(await call("POST", url, { dialog_node: "x", previous_sibling: "b1" }))).to.deep.equal(["previous_sibling"]);
        expect(errorPaths(await call("POST", url, { dialog_node: "x", next_step: { behavior: "jump_to", dialog_node: "ghost" } }))).to.deep.equal(["next_step.dialog_node"]);
        expect(errorPaths(await call("POST", `${url}/b`, { parent: "b1" }))).to.include("parent");
        expect(errorPaths(await call("POST", `${url}/b`, { parent: "b" }))).to.include("parent");
        expect((await call("POST", url, { dialog_node: "a" })).status).to.equal(409);
    });

    it("refuses a full body's broken tree (missing parents, foreign siblings, shared slots, cycles, jump targets) with a 400 naming the path", async () => {
        const cases: [unknown[], string][] = [
            [[{ dialog_node: "x", parent: "ghost" }], "dialog_nodes[0].parent"],
            [[{ dialog_node: "x" }, { dialog_node: "y", parent: "x" }, { dialog_node: "z", previous_sibling: "y" }], "dialog_nodes[2].previous_sibling"],
            [[{ dialog_node: "x" }, { dialog_node: "y" }], "dialog_nodes[1].previous_sibling"],
            [[{ dialog_node: "x", parent: "y" }, { dialog_node: "y", parent: "x" }], "dialog_nodes[0].parent"],
            [[{ dialog_node: "r" }, { dialog_node: "x", previous_sibling: "y" }, { dialog_node: "y", previous_sibling: "x" }], "dialog_nodes[1].previous_sibling"],
            [[{ dialog_node: "x", next_step: { behavior: "jump_to", dialog_node: "nowhere" } }], "dialog_nodes[0].next_step.dialog_node"],
            [[{ dialog_node: "x" }, { dialog_node: "x", previous_sibling: "x" }], "dialog_nodes[1].dialog_node"],
        ];
        for (const [nodes, path] of cases) {
            const reply = await call("POST", "/v1/workspaces", { dialog_nodes: nodes });
            expect(reply.status, JSON.stringify(nodes)).to.equal(400);
            expect(errorPaths(reply), JSON.stringify(nodes)).to.include(path);
        }
    });

    it("refuses invalid node fields, enum values and over-long values with a 400 naming the path", async () => {
        const text = (extra: object) => ({ dialog_node: "n", output: { generic: [{ response_type: "text", values: [{ text: "t" }], ...extra }] } });
        const cases: [unknown, string][] = [
            [{}, "dialog_node"],
            [{ dialog_node: "bad/id" }, "dialog_node"],
            [{ dialog_node: "n".repeat(1025) }, "dialog_node"],
            [{ dialog_node: "n", title: "t".repeat(65) }, "title"],
            [{ dialog_node: "n", title: "two\nlines" }, "title"],
            [{ dialog_node: "n", description: "d".repeat(129) }, "description"],
            [{ dialog_node: "n", conditions: "a\nb" }, "conditions"],
            [{ dialog_node: "n", conditions: "c".repeat(2049) }, "conditions"],
            [{ dialog_node: "n", user_label: "u".repeat(513) }, "user_label"],
            [{ dialog_node: "n", type: "widget" }, "type"],
            [{ dialog_node: "n", event_name: "boom" }, "event_name"],
            [{ dialog_node: "n", digress_in: "x" }, "digress_in"],
            [{ dialog_node: "n", digress_out: "x" }, "digress_out"],
            [{ dialog_node: "n", digress_out_slots: "x" }, "digress_out_slots"],
            [{ dialog_node: "n", next_step: { behavior: "fly" } }, "next_step.behavior"],
            [{ dialog_node: "n", next_step: { behavior: "jump_to" } }, "next_step.dialog_node"],
            [{ dialog_node: "n", next_step: { behavior: "get_user_input", selector: "x" } }, "next_step.selector"],
            [{ dialog_node: "n", next_step: { behavior: "reprompt" } }, "next_step.behavior"],
            [{ dialog_node: "n", actions: Array.from({ length: 6 }, (_, i) => ({ name: `a${i}`, result_variable: "r" })) }, "actions"],
            [{ dialog_node: "n", actions: [{ name: "a" }] }, "actions[0].result_variable"],
            [{ dialog_node: "n", actions: [{ name: "a", result_variable: "r", type: "lambda" }] }, "actions[0].type"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "carousel" }] } }, "output.generic[0].response_type"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "text" }] } }, "output.generic[0].values"],
            [text({ selection_policy: "shuffle" }), "output.generic[0].selection_policy"],
            [text({ time: 5 }), "output.generic[0].time"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "text", values: [{ text: "x".repeat(4097) }] }] } }, "output.generic[0].values[0].text"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "pause", time: 10001 }] } }, "output.generic[0].time"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "image" }] } }, "output.generic[0].source"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "image", source: "u", title: "t".repeat(513) }] } }, "output.generic[0].title"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "option", title: "t", options: Array.from({ length: 21 }, () => ({ label: "l", value: { input: { text: "v" } } })) }] } }, "output.generic[0].options"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "option", options: [{ label: "l", value: { input: { text: "a\nb" } } }] }] } }, "output.generic[0].options[0].value.input.text"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "option", preference: "slider", options: [] }] } }, "output.generic[0].preference"],
            [{ dialog_node: "n", output: { generic: [{ response_type: "connect_to_agent", message_to_human_agent: "m".repeat(257) }] } }, "output.generic[0].message_to_human_agent"],
        ];
        for (const [body, path] of cases) {
            const reply = await call("POST", p`/v1/workspaces/${ws}/dialog_nodes`, body);
            expect(reply.status, JSON.stringify(body)).to.equal(400);
            expect(errorPaths(reply), JSON.stringify(body)).to.include(path);
        }
    });

    it("accepts slot behaviors on event handlers under slots and frames", async () => {
        const reply = await call("POST", "/v1/workspaces", {
            dialog_nodes: [
                { dialog_node: "frame", type: "frame" },
                { dialog_node: "slot", type: "slot", parent: "frame", variable: "$size" },
                { dialog_node: "filled", type: "event_handler", event_name: "filled", parent: "slot", next_step: { behavior: "skip_all_slots" } },
                { dialog_node: "nomatch", type: "event_handler", event_name: "nomatch", parent: "slot", previous_sibling: "filled", next_step: { behavior: "skip_slot" } },
                { dialog_node: "generic", type: "event_handler", event_name: "generic", parent: "frame", previous_sibling: "slot", next_step: { behavior: "reprompt" } },
            ],
        });
        expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
        const wrong = await call("POST", "/v1/workspaces", {
            dialog_nodes: [
                { dialog_node: "slot", type: "slot" },
                { dialog_node: "filled", type: "event_handler", event_name: "filled", parent: "slot", next_step: { behavior: "skip_slot" } },
            ],
        });
        expect(errorPaths(wrong)).to.deep.equal(["dialog_nodes[1].next_step.behavior"]);
    });
});
