/**
 * Deterministic workspace content for the benchmarks: intents with examples, entities with values
 * and synonyms, a dialog tree shaped like real ones (folders of intent nodes with response
 * conditions, frames with slots and their handlers, plain root nodes with jumps) and
 * counterexamples. The same sizes always give the same content, so runs compare.
 */
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, IntentElement,
} from "../resources/v1-elements/types";
import type { WorkspaceInputs } from "../resources/workspace/types";

export interface WorkspaceSize {
    intents: number;
    examplesPerIntent: number;
    entities: number;
    valuesPerEntity: number;
    synonymsPerValue: number;
    dialogNodes: number;
    counterexamples: number;
}

/** The "large workspace" of the issue. */
export const LARGE: WorkspaceSize = {
    intents: 1000, examplesPerIntent: 20, entities: 200, valuesPerEntity: 10, synonymsPerValue: 5, dialogNodes: 2000, counterexamples: 500,
};

/** About 20 MB of emulator state once stored (audit fields included): the store section's workspace. */
export const STORE_20MB: WorkspaceSize = {
    intents: 4000, examplesPerIntent: 20, entities: 800, valuesPerEntity: 10, synonymsPerValue: 5, dialogNodes: 8000, counterexamples: 2000,
};

/** The engine section's "20 MB workspace": LARGE ten times over (under the API's 50 MB create limit). */
export const HUGE: WorkspaceSize = {
    intents: 10000, examplesPerIntent: 20, entities: 2000, valuesPerEntity: 10, synonymsPerValue: 5, dialogNodes: 20000, counterexamples: 5000,
};

/** Only intents (the growth curve varies the intent count alone). */
export const intentsOnly = (intents: number): WorkspaceSize => ({
    intents, examplesPerIntent: 20, entities: 0, valuesPerEntity: 0, synonymsPerValue: 0, dialogNodes: 0, counterexamples: 0,
});

const VERBS = ["reset", "change", "update", "cancel", "renew", "check", "close", "open", "transfer", "find"];
const NOUNS = ["password", "account", "order", "card", "address", "subscription", "booking", "invoice", "payment", "profile"];
const pad = (n: number, width = 4) => String(n).padStart(width, "0");

export const intentName = (i: number) => `intent_${pad(i)}`;
export const entityName = (i: number) => `entity_${pad(i, 3)}`;

export function intent(i: number, examples: number): IntentElement {
    const verb = VERBS[i % VERBS.length];
    const noun = NOUNS[Math.floor(i / VERBS.length) % NOUNS.length];
    return {
        intent: intentName(i),
        description: `Users who want to ${verb} their ${noun} (group ${i})`,
        examples: Array.from({ length: examples }, (_, j) => ({ text: `how can I ${verb} my ${noun} please, case ${i} variant ${j}` })),
    };
}

function entity(i: number, size: WorkspaceSize): EntityElement {
    return {
        entity: entityName(i),
        description: `Things of kind ${i}`,
        fuzzyMatch: i % 2 === 0,
        values: Array.from({ length: size.valuesPerEntity }, (_, v) => ({
            value: `value ${i}-${v}`,
            synonyms: Array.from({ length: size.synonymsPerValue }, (_, s) => `synonym ${i}-${v}-${s}`),
        })),
    };
}

const text = (t: string) => ({ generic: [{ response_type: "text", values: [{ text: t }], selection_policy: "sequential" }] });

/** Appends nodes to one sibling list, linking previousSibling in order. */
class Siblings {
    private last: string | undefined;
    constructor(private readonly nodes: DialogNodeElement[], private readonly parent?: string) {}
    add(node: Omit<DialogNodeElement, "parent" | "previousSibling">): string {
        this.nodes.push({ ...node, ...(this.parent ? { parent: this.parent } : {}), ...(this.last ? { previousSibling: this.last } : {}) });
        this.last = node.dialogNode;
        return node.dialogNode;
    }
}

/**
 * A dialog of exactly `count` nodes (count >= 2): about 60 % in folders (intent nodes with two
 * response conditions each), 25 % in frames (3 slots, each with focus and input handlers), the rest
 * plain root nodes, some jumping into a folder; `welcome` first and `anything_else` last.
 */
export function dialogTree(count: number, intents: number): DialogNodeElement[] {
    const nodes: DialogNodeElement[] = [];
    const root = new Siblings(nodes);
    const intentRef = (k: number) => `#${intentName(intents > 0 ? k % intents : 0)}`;
    root.add({ dialogNode: "welcome", title: "Welcome", conditions: "welcome", output: text("Hello. How can I help?") });
    let budget = count - 2;
    const folders = count >= 40 ? Math.max(2, Math.round(count * 0.005)) : 0;
    const perFolder = folders > 0 ? Math.floor((count * 0.6 - folders) / (3 * folders)) : 0;
    const firstFolderNodes: string[] = [];
    let k = 0;
    for (let f = 0; f < folders && budget >= 1 + 3 * perFolder; f++, budget -= 1 + 3 * perFolder) {
        const folder = root.add({ dialogNode: `folder_${pad(f, 3)}`, type: "folder", title: `Topic ${f}` });
        const inFolder = new Siblings(nodes, folder);
        for (let n = 0; n < perFolder; n++, k++) {
            const id = inFolder.add({ dialogNode: `node_${pad(k)}`, title: `Answer ${k}`, conditions: intentRef(k), output: {} });
            if (f === 0) firstFolderNodes.push(id);
            const answers = new Siblings(nodes, id);
            answers.add({ dialogNode: `node_${pad(k)}_known`, type: "response_condition", conditions: "$user_known", output: text(`Welcome back. About ${k}: here is what to do.`) });
            answers.add({ dialogNode: `node_${pad(k)}_any`, type: "response_condition", conditions: "anything_else", output: text(`About ${k}: here is what to do.`) });
        }
    }
    const frames = Math.round(count * 0.025);
    for (let f = 0; f < frames && budget >= 10; f++, budget -= 10) {
        const frame = root.add({ dialogNode: `frame_${pad(f, 3)}`, type: "frame", title: `Form ${f}`, conditions: intentRef(k + f), output: text(`Form ${f} is complete.`) });
        const slots = new Siblings(nodes, frame);
        for (let s = 0; s < 3; s++) {
            const slot = slots.add({ dialogNode: `frame_${pad(f, 3)}_slot_${s}`, type: "slot", variable: `$field_${s}`, output: {} });
            const handlers = new Siblings(nodes, slot);
            handlers.add({ dialogNode: `${slot}_focus`, type: "event_handler", eventName: "focus", output: text(`Which field ${s}?`) });
            handlers.add({ dialogNode: `${slot}_input`, type: "event_handler", eventName: "input", conditions: `@${entityName(s)}`, context: { [`field_${s}`]: `@${entityName(s)}` } });
        }
    }
    for (let r = 0; budget > 0; r++, budget--) {
        const jump = r % 5 === 0 && firstFolderNodes.length > 0;
        root.add({
            dialogNode: `root_${pad(r)}`, title: `Shortcut ${r}`, conditions: `${intentRef(r)} && @${entityName(r % 7)}`, output: text(`Shortcut ${r}.`),
            ...(jump ? { nextStep: { behavior: "jump_to", dialogNode: firstFolderNodes[r % firstFolderNodes.length], selector: "body" } } : {}),
        });
    }
    root.add({ dialogNode: "anything_else", title: "Anything else", conditions: "anything_else", output: text("Sorry, I did not understand.") });
    return nodes;
}

export function workspaceContent(size: WorkspaceSize, name = "bench"): WorkspaceInputs {
    const counterexamples: CounterexampleElement[] = Array.from({ length: size.counterexamples }, (_, i) => ({ text: `not something we handle, number ${i}` }));
    return {
        name,
        description: "Benchmark workspace",
        language: "en",
        intents: Array.from({ length: size.intents }, (_, i) => intent(i, size.examplesPerIntent)),
        ...(size.entities > 0 ? { entities: Array.from({ length: size.entities }, (_, i) => entity(i, size)) } : {}),
        ...(size.dialogNodes > 0 ? { dialogNodes: dialogTree(size.dialogNodes, size.intents) } : {}),
        ...(size.counterexamples > 0 ? { counterexamples } : {}),
    };
}
