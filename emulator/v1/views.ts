/** Response shapes of the v1 elements: audit fields only on request, subelements only on export. */
import type { CounterexampleRecord, DialogNodeRecord, EntityRecord, ExampleRecord, IntentRecord, SynonymRecord, ValueRecord } from "./model";

export interface ViewFlags {
    /** Include subelements (examples, values, synonyms). */
    export: boolean;
    /** Include created/updated. */
    audit: boolean;
}

function withAudit<T extends Record<string, unknown>>(view: T, record: { created: string; updated: string }, audit: boolean): T {
    if (audit) {
        (view as any).created = record.created;
        (view as any).updated = record.updated;
    }
    return view;
}

export function exampleView(example: ExampleRecord, flags: ViewFlags): any {
    const view: any = { text: example.text };
    if (example.mentions) view.mentions = example.mentions.map((m) => ({ entity: m.entity, location: [...m.location] }));
    return withAudit(view, example, flags.audit);
}

export function intentView(intent: IntentRecord, flags: ViewFlags): any {
    const view: any = { intent: intent.intent };
    if (intent.description !== undefined) view.description = intent.description;
    if (flags.export) view.examples = intent.examples.map((e) => exampleView(e, flags));
    return withAudit(view, intent, flags.audit);
}

export function counterexampleView(counterexample: CounterexampleRecord, flags: ViewFlags): any {
    return withAudit({ text: counterexample.text }, counterexample, flags.audit);
}

export function synonymView(synonym: SynonymRecord, flags: ViewFlags): any {
    return withAudit({ synonym: synonym.synonym }, synonym, flags.audit);
}

/** Patterns are attributes of a value (always shown); synonyms are subelements (shown on export). */
export function valueView(value: ValueRecord, flags: ViewFlags): any {
    const view: any = { value: value.value, type: value.type };
    if (value.metadata !== undefined) view.metadata = value.metadata;
    if (value.type === "patterns") view.patterns = [...(value.patterns ?? [])];
    else if (flags.export) view.synonyms = value.synonyms.map((s) => s.synonym);
    return withAudit(view, value, flags.audit);
}

export function entityView(entity: EntityRecord, flags: ViewFlags): any {
    const view: any = { entity: entity.entity };
    if (entity.description !== undefined) view.description = entity.description;
    if (entity.metadata !== undefined) view.metadata = entity.metadata;
    if (entity.fuzzy_match !== undefined) view.fuzzy_match = entity.fuzzy_match;
    if (flags.export) view.values = entity.values.map((v) => valueView(v, flags));
    return withAudit(view, entity, flags.audit);
}

/** Dialog nodes have no subelements; parent/previous_sibling are omitted when empty. */
export function dialogNodeView(node: DialogNodeRecord, flags: ViewFlags): any {
    const view: any = {};
    for (const key of Object.keys(node)) {
        if (key === "created" || key === "updated") continue;
        const value = node[key];
        if (value !== undefined) view[key] = value;
    }
    return withAudit(view, node, flags.audit);
}
