import { expect } from "chai";
import { createWorkspace, useEmulator, type Call } from "../v1/client";

/** One v1 message: what the runtime understood of `text`. */
async function understand(call: Call, workspaceId: string, text: string, extra: Record<string, unknown> = {}) {
    const reply = await call("POST", `/v1/workspaces/${workspaceId}/message`, { input: { text }, ...extra });
    if (reply.status !== 200) throw new Error(`message failed: ${JSON.stringify(reply.body)}`);
    return reply.body;
}

describe("emulator runtime: intents and entities", () => {
    const { call } = useEmulator();

    const training = {
        intents: [
            { intent: "cancel", examples: [{ text: "Cancel my order" }, { text: "I want to cancel" }] },
            { intent: "track", examples: [{ text: "Where is my order?" }, { text: "track my parcel" }] },
        ],
        counterexamples: [{ text: "cancel culture is everywhere" }],
        entities: [
            { entity: "colour", fuzzy_match: true, values: [{ value: "purple", synonyms: ["violet"] }, { value: "dark green" }] },
            { entity: "order_id", values: [{ value: "order number", type: "patterns", patterns: ["ORD-(\\d+)"] }] },
            { entity: "city", values: [{ value: "Paris" }] },
            { entity: "sys-number" },
            { entity: "sys-date" },
        ],
    };

    it("an example matched after normalising case, punctuation and whitespace gets confidence 1", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "  cancel, MY   order!! ");
        expect(body.intents).to.deep.equal([{ intent: "cancel", confidence: 1 }]);
    });

    it("other input is scored by word-set cosine similarity, capped below 1, and alternate_intents ranks them all", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "where is my order", { alternate_intents: true });
        // "where is my order" vs "where is my order?" normalises equal; vs "Cancel my order": 2 shared of 4 and 3 words.
        expect(body.intents).to.deep.equal([{ intent: "track", confidence: 1 }, { intent: "cancel", confidence: 0.5774 }]);
        const single = await understand(call, id, "order my cancel");
        expect(single.intents).to.deep.equal([{ intent: "cancel", confidence: 0.99 }]);
    });

    it("input under the 0.2 threshold, or closer to a counterexample, is irrelevant: no intents", async () => {
        const id = await createWorkspace(call, training);
        expect((await understand(call, id, "the weather today")).intents).to.deep.equal([]);
        expect((await understand(call, id, "cancel culture is everywhere")).intents).to.deep.equal([]);
    });

    it("entity values and synonyms match as whole words in any case, with the location in the input", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "Violet or DARK  green, not purpleish");
        expect(body.entities).to.deep.equal([
            { entity: "colour", location: [0, 6], value: "purple", confidence: 1 },
            { entity: "colour", location: [10, 21], value: "dark green", confidence: 1 },
        ]);
    });

    it("fuzzy_match accepts one edit in words of five letters or more, with confidence 0.8", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "a purpel hat in Pari");
        expect(body.entities).to.deep.equal([{ entity: "colour", location: [2, 8], value: "purple", confidence: 0.8 }]);
    });

    it("pattern values match as regular expressions and report capture groups", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "status of ORD-123");
        expect(body.entities).to.deep.equal([
            { entity: "order_id", location: [10, 17], value: "order number", confidence: 1, groups: [{ group: "group_0", location: [14, 17] }] },
        ]);
        const number = await understand(call, id, "give me -2.5 or 7");
        expect(number.entities).to.deep.equal([
            { entity: "sys-number", location: [8, 12], value: "-2.5", confidence: 1, metadata: { numeric_value: -2.5 } },
            { entity: "sys-number", location: [16, 17], value: "7", confidence: 1, metadata: { numeric_value: 7 } },
        ]);
    });

    it("@sys-number reads digits and small number words; @sys-date reads ISO dates and today/tomorrow/yesterday", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "two tickets for 2025-03-01 or tomorrow");
        expect(body.entities.map((e: any) => [e.entity, e.value])).to.deep.equal([
            ["sys-number", "2"],
            ["sys-date", "2025-03-01"],
            ["sys-date", new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)],
        ]);
    });

    it("mentions in examples give contextual entities for input shaped like the example", async () => {
        const id = await createWorkspace(call, {
            intents: [{ intent: "travel", examples: [{ text: "fly me to Rome", mentions: [{ entity: "place", location: [10, 14] }] }] }],
            entities: [{ entity: "place", values: [{ value: "Lisbon", synonyms: ["Lisboa"] }] }],
        });
        const body = await understand(call, id, "Fly me to New York!");
        expect(body.entities).to.deep.equal([{ entity: "place", location: [10, 18], value: "New York", confidence: 1 }]);
        const known = await understand(call, id, "fly me to lisboa");
        expect(known.entities).to.deep.equal([{ entity: "place", location: [10, 16], value: "Lisbon", confidence: 1 }]);
    });

    it("intents and entities sent with the request replace recognition", async () => {
        const id = await createWorkspace(call, training);
        const body = await understand(call, id, "cancel my order", { intents: [{ intent: "track", confidence: 0.5 }], entities: [] });
        expect(body.intents).to.deep.equal([{ intent: "track", confidence: 0.5 }]);
        expect(body.entities).to.deep.equal([]);
    });

    it("bulk_classify uses the same classifier (every intent over the threshold, ranked), for v1 workspaces and v2 skills, and checks its input", async () => {
        const id = await createWorkspace(call, training);
        const reply = await call("POST", `/v1/workspaces/${id}/bulk_classify`, { input: [{ text: "track my parcel" }, { text: "hello" }] });
        expect(reply.status).to.equal(200);
        expect(reply.body.output).to.deep.equal([
            { input: { text: "track my parcel" }, entities: [], intents: [{ intent: "track", confidence: 1 }, { intent: "cancel", confidence: 0.3333 }] },
            { input: { text: "hello" }, entities: [], intents: [] },
        ]);
        const bad = await call("POST", `/v1/workspaces/${id}/bulk_classify`, { input: [{ text: "ok" }, {}] });
        expect(bad.status).to.equal(400);
        expect(bad.body.errors[0].path).to.equal("input[1].text");
        const assistant = (await call("POST", "/v2/assistants", { name: "A" })).body;
        const skill = assistant.assistant_skills.find((s: any) => s.type === "dialog").skill_id;
        await call("POST", `/v1/workspaces/${skill}`, { intents: training.intents });
        const v2 = await call("POST", `/v2/skills/${skill}/workspace/bulk_classify`, { input: [{ text: "cancel my order" }] });
        expect(v2.body.output[0].intents[0]).to.deep.equal({ intent: "cancel", confidence: 1 });
        expect((await call("POST", "/v2/skills/nope/workspace/bulk_classify", { input: [{ text: "x" }] })).status).to.equal(404);
        expect((await call("POST", `/v2/skills/${skill}/workspace/bulk_classify`, { input: [] })).status).to.equal(400);
    });

    it("mentions of an entity are listed with their intent and location", async () => {
        const id = await createWorkspace(call, {
            intents: [{ intent: "travel", examples: [{ text: "fly me to Rome", mentions: [{ entity: "place", location: [10, 14] }] }] }],
            entities: [{ entity: "place" }],
        });
        const reply = await call("GET", `/v1/workspaces/${id}/entities/place/mentions`);
        expect(reply.body.examples).to.deep.equal([{ text: "fly me to Rome", intent: "travel", location: [10, 14] }]);
        expect((await call("GET", `/v1/workspaces/${id}/entities/nope/mentions`)).status).to.equal(404);
    });
});
