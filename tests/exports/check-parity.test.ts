/**
 * Check and service agree: what the API refuses (the emulator answers 400 at a path) is refused
 * by check at the same property with no API call, and what the API accepts passes check.
 */
import { expect } from "chai";
import { EmulatorClient } from "../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { camelCase, FREE_FORM_KEYS, fromApi } from "../../provider/casing";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2 } from "../../provider/config";
import { COLLECTIONS } from "../../resources/workspace/types";
import { workspaceBody } from "../../resources/workspace/mapping";
import { directResource } from "../support/direct";

interface Case {
    title: string;
    /** Workspace inputs (or Assistant inputs with `assistant: true`). */
    inputs: Record<string, unknown>;
    /** The property check names and the path of the API's 400; both absent when both accept. */
    checkPath?: string;
    apiPath?: string;
    versionV1?: string;
    assistant?: boolean;
}

const node = (extra: Record<string, unknown>) => ({ name: "w", dialogNodes: [{ dialogNode: "n", ...extra }] });
const generic = (item: Record<string, unknown>) => node({ output: { generic: [item] } });
const values = (value: Record<string, unknown>) => ({ name: "w", entities: [{ entity: "e", values: [{ value: "v", ...value }] }] });
const disambiguation = (settings: Record<string, unknown>) => ({ name: "w", systemSettings: { disambiguation: settings } });

const REFUSED: Case[] = [
    { title: "a mention's entity name with a space", inputs: { name: "w", intents: [{ intent: "i", examples: [{ text: "book a table", mentions: [{ entity: "my place", location: [0, 4] }] }] }] }, checkPath: "intents[0].examples[0].mentions[0].entity", apiPath: "intents[0].examples[0].mentions[0].entity" },
    { title: "a mention of an unknown system entity", inputs: { name: "w", intents: [{ intent: "i", examples: [{ text: "book a table", mentions: [{ entity: "sys-table", location: [0, 4] }] }] }] }, checkPath: "intents[0].examples[0].mentions[0].entity", apiPath: "intents[0].examples[0].mentions[0].entity" },
    { title: "a whitespace-only pattern", inputs: values({ type: "patterns", patterns: ["   "] }), checkPath: "entities[0].values[0].patterns[0]", apiPath: "entities[0].values[0].patterns[0]" },
    { title: "patterns without type patterns (type defaults to synonyms)", inputs: values({ patterns: ["\\d+"] }), checkPath: "entities[0].values[0].type", apiPath: "entities[0].values[0].patterns" },
    { title: "a webhook name over 64 characters", inputs: { name: "w", webhooks: [{ url: "https://example.com", name: "w".repeat(65) }] }, checkPath: "webhooks[0].name", apiPath: "webhooks[0].name" },
    { title: "a non-string disambiguation prompt", inputs: disambiguation({ prompt: 5 }), checkPath: "systemSettings.disambiguation.prompt", apiPath: "system_settings.disambiguation.prompt" },
    { title: "an unknown response_type", inputs: generic({ response_type: "carousel" }), checkPath: "dialogNodes[0].output.generic[0].response_type", apiPath: "dialog_nodes[0].output.generic[0].response_type" },
    { title: "a text response without values", inputs: generic({ response_type: "text" }), checkPath: "dialogNodes[0].output.generic[0].values", apiPath: "dialog_nodes[0].output.generic[0].values" },
    { title: "a pause above 10000 ms", inputs: generic({ response_type: "pause", time: 10001 }), checkPath: "dialogNodes[0].output.generic[0].time", apiPath: "dialog_nodes[0].output.generic[0].time" },
    { title: "an option without label", inputs: generic({ response_type: "option", options: [{ value: { input: { text: "yes" } } }] }), checkPath: "dialogNodes[0].output.generic[0].options[0].label", apiPath: "dialog_nodes[0].output.generic[0].options[0].label" },
    { title: "values on a pause response", inputs: generic({ response_type: "pause", time: 10, values: [] }), checkPath: "dialogNodes[0].output.generic[0].values", apiPath: "dialog_nodes[0].output.generic[0].values" },
    { title: "an image without source", inputs: generic({ response_type: "image" }), checkPath: "dialogNodes[0].output.generic[0].source", apiPath: "dialog_nodes[0].output.generic[0].source" },
    { title: "an action type outside the documented set", inputs: node({ actions: [{ name: "a", type: "lambda", result_variable: "r" }] }), checkPath: "dialogNodes[0].actions[0].type", apiPath: "dialog_nodes[0].actions[0].type" },
    { title: "reprompt on a standard node", inputs: node({ nextStep: { behavior: "reprompt" } }), checkPath: "dialogNodes[0].nextStep.behavior", apiPath: "dialog_nodes[0].next_step.behavior" },
    {
        title: "skip_slot on a filled handler under a slot",
        inputs: { name: "w", dialogNodes: [{ dialogNode: "f", type: "frame" }, { dialogNode: "s", parent: "f", type: "slot", variable: "$x" }, { dialogNode: "h", parent: "s", type: "event_handler", eventName: "filled", nextStep: { behavior: "skip_slot" } }] },
        checkPath: "dialogNodes[2].nextStep.behavior", apiPath: "dialog_nodes[2].next_step.behavior",
    },
    { title: "a title with a newline", inputs: node({ title: "two\nlines" }), checkPath: "dialogNodes[0].title", apiPath: "dialog_nodes[0].title" },
    { title: "sensitivity medium_low at version 2018-09-20", inputs: disambiguation({ sensitivity: "medium_low" }), versionV1: "2018-09-20", checkPath: "systemSettings.disambiguation.sensitivity", apiPath: "system_settings.disambiguation.sensitivity" },
    { title: "workspace language EN", inputs: { name: "w", language: "EN" }, checkPath: "language", apiPath: "language" },
    { title: "assistant language EN", inputs: { name: "a", language: "EN" }, assistant: true, checkPath: "language", apiPath: "language" },
    { title: "assistant language eng", inputs: { name: "a", language: "eng" }, assistant: true, checkPath: "language", apiPath: "language" },
];

const ACCEPTED: Case[] = [
    { title: "a dialog node title with ? (the service holds such titles)", inputs: node({ title: "Opening hours?" }) },
    { title: "an empty dialog node title", inputs: node({ title: "" }) },
    { title: "sensitivity medium_low at the default version", inputs: disambiguation({ sensitivity: "medium_low", enabled: true }) },
    { title: "sensitivity high at version 2018-09-20", inputs: disambiguation({ sensitivity: "high" }), versionV1: "2018-09-20" },
    { title: "a webhook action (later versions)", inputs: node({ actions: [{ name: "main_webhook", type: "webhook", result_variable: "r" }] }) },
    { title: "a later response type", inputs: generic({ response_type: "user_defined", user_defined: { any: null } }) },
    { title: "assistant language zh-cn", inputs: { name: "a", language: "zh-cn" }, assistant: true },
];

/** Dialog node bodies (API field names) the node routes refuse, with the path of the 400. */
const NODE_BODIES: [Record<string, unknown>, string][] = [
    [{ dialog_node: "bad/id" }, "dialog_node"],
    [{ dialog_node: "n", title: "t".repeat(65) }, "title"],
    [{ dialog_node: "n", description: "d".repeat(129) }, "description"],
    [{ dialog_node: "n", conditions: "a\nb" }, "conditions"],
    [{ dialog_node: "n", user_label: "u".repeat(513) }, "user_label"],
    [{ dialog_node: "n", type: "widget" }, "type"],
    [{ dialog_node: "n", event_name: "boom" }, "event_name"],
    [{ dialog_node: "n", digress_out_slots: "x" }, "digress_out_slots"],
    [{ dialog_node: "n", parent: "a/b" }, "parent"],
    [{ dialog_node: "n", next_step: { behavior: "fly" } }, "next_step.behavior"],
    [{ dialog_node: "n", next_step: { behavior: "jump_to" } }, "next_step.dialog_node"],
    [{ dialog_node: "n", next_step: { behavior: "jump_to", dialog_node: "a/b" } }, "next_step.dialog_node"],
    [{ dialog_node: "n", next_step: { behavior: "get_user_input", selector: "x" } }, "next_step.selector"],
    [{ dialog_node: "n", actions: Array.from({ length: 6 }, (_, i) => ({ name: `a${i}`, result_variable: "r" })) }, "actions"],
    [{ dialog_node: "n", actions: [{ name: "a" }] }, "actions[0].result_variable"],
    [{ dialog_node: "n", actions: [{ name: "a", result_variable: "r", parameters: [] }] }, "actions[0].parameters"],
    [{ dialog_node: "n", context: "x" }, "context"],
    [{ dialog_node: "n", metadata: [] }, "metadata"],
    [{ dialog_node: "n", disabled: "no" }, "disabled"],
    [{ dialog_node: "n", output: { modifiers: { overwrite: "yes" } } }, "output.modifiers.overwrite"],
    [{ dialog_node: "n", output: { generic: ["text"] } }, "output.generic[0]"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "text", values: [{ text: "x".repeat(4097) }] }] } }, "output.generic[0].values[0].text"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "text", values: [], selection_policy: "shuffle" }] } }, "output.generic[0].selection_policy"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "pause", time: 1.5 }] } }, "output.generic[0].time"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "image", source: "u", description: "d".repeat(257) }] } }, "output.generic[0].description"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "option", options: Array.from({ length: 21 }, () => ({ label: "l", value: { input: { text: "v" } } })) }] } }, "output.generic[0].options"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "option", options: [{ label: "l", value: { input: { text: "a\nb" } } }] }] } }, "output.generic[0].options[0].value.input.text"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "option", options: [{ label: "l" }] }] } }, "output.generic[0].options[0].value"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "option", preference: "slider", options: [] }] } }, "output.generic[0].preference"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "connect_to_agent", message_to_human_agent: "m".repeat(257) }] } }, "output.generic[0].message_to_human_agent"],
    [{ dialog_node: "n", output: { generic: [{ response_type: "text", values: [], time: 5 }] } }, "output.generic[0].time"],
];

/** Intent and entity bodies (API field names) their routes refuse, with the path of the 400. */
const INTENT_BODIES: [Record<string, unknown>, string][] = [
    [{ intent: "bad name" }, "intent"],
    [{ intent: "sys-help" }, "intent"],
    [{ intent: "i".repeat(129) }, "intent"],
    [{ intent: "i", description: "a\nb" }, "description"],
    [{ intent: "i", examples: [{ text: "  " }] }, "examples[0].text"],
    [{ intent: "i", examples: [{ text: "x".repeat(1025) }] }, "examples[0].text"],
    [{ intent: "i", examples: [{ text: "a\tb" }] }, "examples[0].text"],
    [{ intent: "i", examples: [{ text: "hello", mentions: [{ entity: "e", location: [3, 1] }] }] }, "examples[0].mentions[0].location"],
    [{ intent: "i", examples: [{ text: "hello", mentions: [{ entity: "e", location: [0, 9] }] }] }, "examples[0].mentions[0].location"],
    [{ intent: "i", examples: [{ text: "hello", mentions: [{ entity: "e", location: [0, 1, 2] }] }] }, "examples[0].mentions[0].location"],
    [{ intent: "i", examples: [{ text: "a" }, { text: "a" }] }, "examples[1].text"],
];
const ENTITY_BODIES: [Record<string, unknown>, string][] = [
    [{ entity: "a.b" }, "entity"],
    [{ entity: "sys-weather" }, "entity"],
    [{ entity: "e".repeat(65) }, "entity"],
    [{ entity: "e", fuzzy_match: "yes" }, "fuzzy_match"],
    [{ entity: "e", values: [{ value: " " }] }, "values[0].value"],
    [{ entity: "e", values: [{ value: "v", synonyms: ["s".repeat(65)] }] }, "values[0].synonyms[0]"],
    [{ entity: "e", values: [{ value: "v", type: "patterns", patterns: ["a", "b", "c", "d", "e", "f"] }] }, "values[0].patterns"],
    [{ entity: "e", values: [{ value: "v", type: "patterns", patterns: ["(open"] }] }, "values[0].patterns[0]"],
    [{ entity: "e", values: [{ value: "v", type: "patterns", synonyms: ["s"] }] }, "values[0].synonyms"],
    [{ entity: "e", values: [{ value: "v", type: "regex" }] }, "values[0].type"],
    [{ entity: "e", values: [{ value: "v" }, { value: "v" }] }, "values[1].value"],
    [{ entity: "sys-number", values: [{ value: "one" }] }, "values"],
];

/** `next_step.dialog_node` -> `nextStep.dialogNode`; segments inside free-form parts keep their names. */
function inputPath(apiPath: string): string {
    const segments = apiPath.split(".");
    const freeForm = segments.findIndex((segment) => FREE_FORM_KEYS.includes(segment.replace(/\[\d+\]$/, "")));
    return segments.map((segment, i) => (freeForm >= 0 && i > freeForm ? segment : camelCase(segment))).join(".");
}

describe("check and service agree on authoring rules", function () {
    this.timeout(30_000);
    let emu: RunningEmulator;
    before(async () => { emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 }); });
    after(async () => { await emu.stop(); });

    async function checkFailures(c: Case) {
        const config: Record<string, string> = { url: emu.url, authType: "noauth", ...(c.versionV1 ? { versionV1: c.versionV1 } : {}) };
        const before = emu.stats().total;
        const { failures } = await directResource(c.assistant ? "Assistant" : "Workspace", config).check(c.inputs);
        expect(emu.stats().total, "API calls made by check").to.equal(before);
        return failures ?? [];
    }

    async function apiCall(c: Case) {
        const [path, version] = c.assistant ? ["/v2/assistants", DEFAULT_VERSION_V2] : ["/v1/workspaces", c.versionV1 ?? DEFAULT_VERSION_V1];
        const body = c.assistant ? c.inputs : workspaceBody(c.inputs as any, { collections: COLLECTIONS.filter((k) => c.inputs[k] !== undefined) });
        const reply = await new EmulatorClient(emu.url).call("POST", path, { body, version });
        return { status: reply.status, paths: ((reply.body.errors ?? []) as { path: string }[]).map((e) => e.path) };
    }

    for (const c of REFUSED) {
        it(`refused by both: ${c.title}`, async () => {
            const failures = await checkFailures(c);
            expect(failures.map((f) => f.property), JSON.stringify(failures)).to.include(c.checkPath);
            const reply = await apiCall(c);
            expect(reply.status).to.equal(400);
            expect(reply.paths).to.include(c.apiPath);
        });
    }

    for (const c of ACCEPTED) {
        it(`accepted by both: ${c.title}`, async () => {
            expect(await checkFailures(c)).to.deep.equal([]);
            expect((await apiCall(c)).status).to.be.oneOf([200, 201]);
        });
    }

    const elementRoutes = [["DialogNode", "dialog_nodes", NODE_BODIES], ["Intent", "intents", INTENT_BODIES], ["Entity", "entities", ENTITY_BODIES]] as const;
    for (const [type, collection, bodies] of elementRoutes) {
        describe(`${type} fields`, () => {
            let workspaceId: string;
            before(async () => {
                workspaceId = (await new EmulatorClient(emu.url).post("/v1/workspaces", { name: type })).workspace_id;
            });
            for (const [body, apiPath] of bodies) {
                it(`refused by both: ${JSON.stringify(body).slice(0, 90)} at ${apiPath}`, async () => {
                    const inputs = { workspaceId, ...fromApi<Record<string, unknown>>(body) };
                    const before = emu.stats().total;
                    const { failures } = await directResource(type, { url: emu.url, authType: "noauth" }).check(inputs);
                    expect(emu.stats().total).to.equal(before);
                    expect((failures ?? []).map((f) => f.property), JSON.stringify(failures)).to.include(inputPath(apiPath));
                    const reply = await new EmulatorClient(emu.url).call("POST", `/v1/workspaces/${workspaceId}/${collection}`, { body });
                    expect(reply.status).to.equal(400);
                    expect((reply.body.errors as { path: string }[]).map((e) => e.path)).to.include(apiPath);
                });
            }
        });
    }

    it("the service takes null for every optional field of an old export's create body", async () => {
        const body = {
            name: "w", description: null, metadata: null,
            intents: [{ intent: "i", description: null, examples: [{ text: "hello", mentions: null }] }],
            entities: [{ entity: "e", description: null, metadata: null, fuzzy_match: null, values: [{ value: "v", metadata: null, synonyms: null, type: null }] }],
            dialog_nodes: [{ dialog_node: "n", title: null, description: null, conditions: null, parent: null, previous_sibling: null, output: null, context: null, metadata: null, next_step: null, actions: null, type: null }],
            counterexamples: null,
        };
        const reply = await new EmulatorClient(emu.url).call("POST", "/v1/workspaces", { body });
        expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
    });
});
