/**
 * The changes a user makes between two `pulumi up`s, as pure functions from one declared
 * workspace to the next (the previous one is never modified: the engine compares both).
 */
import type { DialogNodeElement } from "../resources/v1-elements/types";
import type { WorkspaceInputs } from "../resources/workspace/types";
import { intent } from "./workload";

export interface Edit {
    key: string;
    title: string;
    apply(w: WorkspaceInputs): WorkspaceInputs;
}

/** One example of one intent gets new text. */
export function editOneExample(w: WorkspaceInputs): WorkspaceInputs {
    const intents = [...(w.intents ?? [])];
    const target = Math.floor(intents.length / 2);
    const examples = [...(intents[target].examples ?? [])];
    examples[0] = { text: `${examples[0].text} (reworded)` };
    intents[target] = { ...intents[target], examples };
    return { ...w, intents };
}

const ADDED_FROM = 100_000;

export function addIntents(count: number, examples: number): (w: WorkspaceInputs) => WorkspaceInputs {
    return (w) => ({ ...w, intents: [...(w.intents ?? []), ...Array.from({ length: count }, (_, i) => intent(ADDED_FROM + i, examples))] });
}

/** Removes `count` of the original intents (spread over the list), not the ones just added. */
export function removeIntents(count: number): (w: WorkspaceInputs) => WorkspaceInputs {
    return (w) => {
        const intents = w.intents ?? [];
        const originals = intents.filter((i) => Number(i.intent.slice("intent_".length)) < ADDED_FROM);
        const step = Math.max(1, Math.floor(originals.length / count));
        const gone = new Set(originals.filter((_, n) => n % step === 0).slice(0, count).map((i) => i.intent));
        return { ...w, intents: intents.filter((i) => !gone.has(i.intent)) };
    };
}

export function renameEntity(w: WorkspaceInputs): WorkspaceInputs {
    const entities = [...(w.entities ?? [])];
    const target = Math.floor(entities.length / 3);
    entities[target] = { ...entities[target], entity: `${entities[target].entity}_renamed` };
    return { ...w, entities };
}

/**
 * Moves one intent node (with its response conditions) from the first folder to the end of the
 * second; the node that followed it closes the gap, as the service relinks it.
 */
export function moveDialogSubtree(w: WorkspaceInputs): WorkspaceInputs {
    const nodes: DialogNodeElement[] = (w.dialogNodes ?? []).map((n) => ({ ...n }));
    const folders = nodes.filter((n) => n.type === "folder");
    if (folders.length < 2) throw new Error("moveDialogSubtree needs two folders");
    const [from, to] = folders;
    const moved = nodes.find((n) => n.parent === from.dialogNode && n.previousSibling !== undefined)!;
    const follower = nodes.find((n) => n.parent === from.dialogNode && n.previousSibling === moved.dialogNode);
    if (follower) follower.previousSibling = moved.previousSibling;
    const childrenOfTarget = nodes.filter((n) => n.parent === to.dialogNode);
    const followed = new Set(childrenOfTarget.map((n) => n.previousSibling));
    const lastOfTarget = childrenOfTarget.find((n) => !followed.has(n.dialogNode));
    moved.parent = to.dialogNode;
    if (lastOfTarget) moved.previousSibling = lastOfTarget.dialogNode;
    else delete moved.previousSibling;
    return { ...w, dialogNodes: nodes };
}

export function changeDescription(w: WorkspaceInputs): WorkspaceInputs {
    return { ...w, description: `${w.description ?? ""} (revised)` };
}

/** The same declaration again (a fresh copy, as the engine decodes it from the program). */
export function noChange(w: WorkspaceInputs): WorkspaceInputs {
    return structuredClone(w);
}

export function largeWorkspaceEdits(examplesPerIntent: number, addRemove: number): Edit[] {
    return [
        { key: "oneExampleEdit", title: "Edit one example", apply: editOneExample },
        { key: "addIntents", title: `Add ${addRemove} intents`, apply: addIntents(addRemove, examplesPerIntent) },
        { key: "removeIntents", title: `Remove ${addRemove} intents`, apply: removeIntents(addRemove) },
        { key: "renameEntity", title: "Rename one entity", apply: renameEntity },
        { key: "moveDialogSubtree", title: "Move one dialog subtree", apply: moveDialogSubtree },
        { key: "descriptionOnly", title: "Change only the description", apply: changeDescription },
        { key: "noopUp", title: "No-op up", apply: noChange },
    ];
}
