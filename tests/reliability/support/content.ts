/**
 * Independent comparison of declared content with what the service holds: both sides are reduced
 * to the same plain summary (sets sorted, API defaults dropped) without using the provider's own
 * canonical forms, so that a provider bug cannot hide on both sides of the comparison.
 */
import type { WorkspaceInputs } from "../../../resources/workspace/types";

type Json = Record<string, any>;

const sorted = (values: string[] | undefined) => [...(values ?? [])].sort();

/** Keys that appear more than once in a list (a duplicate element on the service). */
export function duplicates(keys: string[]): string[] {
    return keys.filter((k, i) => keys.indexOf(k) !== i);
}

export interface WorkspaceSummary {
    name: string;
    description?: string;
    intents: Record<string, { description?: string; examples: string[] }>;
    entities: Record<string, { fuzzyMatch: boolean; values: Record<string, { type: string; synonyms: string[]; patterns: string[] }> }>;
    dialogNodes: Record<string, Json>;
    counterexamples: string[];
}

export function intentSummary(i: { description?: string; examples?: { text: string }[] }) {
    return { ...(i.description ? { description: i.description } : {}), examples: sorted(i.examples?.map((e) => e.text)) };
}

function nodeSummary(n: Json): Json {
    const summary: Json = {};
    for (const [field, value] of Object.entries(n)) {
        if (value === undefined || value === null || ["created", "updated", "dialogNode", "dialog_node"].includes(field)) continue;
        if (field === "type" && value === "standard") continue;
        if ((field === "disabled" || field === "disambiguation_opt_out" || field === "disambiguationOptOut") && value === false) continue;
        summary[snake(field)] = value;
    }
    return summary;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The declared side (camelCase inputs). */
export function declaredSummary(w: WorkspaceInputs): WorkspaceSummary {
    return {
        name: w.name,
        ...(w.description ? { description: w.description } : {}),
        intents: Object.fromEntries((w.intents ?? []).map((i) => [i.intent, intentSummary(i)])),
        entities: Object.fromEntries((w.entities ?? []).map((e) => [e.entity, {
            fuzzyMatch: e.fuzzyMatch === true,
            values: Object.fromEntries((e.values ?? []).map((v) => [v.value, { type: v.type ?? "synonyms", synonyms: sorted(v.synonyms), patterns: sorted(v.patterns) }])),
        }])),
        dialogNodes: Object.fromEntries((w.dialogNodes ?? []).map((n) => [n.dialogNode, nodeSummary({ ...n, nextStep: undefined, ...(n.nextStep ? { next_step: { behavior: n.nextStep.behavior, dialog_node: n.nextStep.dialogNode, selector: n.nextStep.selector } } : {}) })])),
        counterexamples: sorted(w.counterexamples?.map((c) => c.text)),
    };
}

/** The service side: GET /v1/workspaces/{id}?export=true (snake_case). Throws on duplicates. */
export function liveSummary(exported: Json): WorkspaceSummary {
    const check = (what: string, keys: string[]) => {
        const twice = duplicates(keys);
        if (twice.length > 0) throw new Error(`the service holds duplicate ${what}: ${twice.join(", ")}`);
    };
    const intents: Json[] = exported.intents ?? [];
    const entities: Json[] = exported.entities ?? [];
    const nodes: Json[] = exported.dialog_nodes ?? [];
    const counterexamples: Json[] = exported.counterexamples ?? [];
    check("intents", intents.map((i) => i.intent));
    check("entities", entities.map((e) => e.entity));
    check("dialog nodes", nodes.map((n) => n.dialog_node));
    check("counterexamples", counterexamples.map((c) => c.text));
    for (const i of intents) check(`examples of ${i.intent}`, (i.examples ?? []).map((e: Json) => e.text));
    return {
        name: exported.name,
        ...(exported.description ? { description: exported.description } : {}),
        intents: Object.fromEntries(intents.map((i) => [i.intent, intentSummary(i)])),
        entities: Object.fromEntries(entities.map((e) => [e.entity, {
            fuzzyMatch: e.fuzzy_match === true,
            values: Object.fromEntries((e.values ?? []).map((v: Json) => [v.value, { type: v.type ?? "synonyms", synonyms: sorted(v.synonyms), patterns: sorted(v.patterns) }])),
        }])),
        dialogNodes: Object.fromEntries(nodes.map((n) => [n.dialog_node, nodeSummary(n)])),
        counterexamples: sorted(counterexamples.map((c) => c.text)),
    };
}
