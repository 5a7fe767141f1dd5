/**
 * Cross-field rules of v1 elements that the JSON Schema cannot word well. Pure: they run in check,
 * before any API call, and each failure names the property path and the rule. (Character classes,
 * lengths, blank text and the intent sys- prefix are schema rules: schemas.ts.)
 */
import { type CheckFailure, didYouMean, regexError } from "../../provider/validation";
import { DOCUMENTED_RESPONSE_TYPES, RESPONSE_TYPE_FIELDS, SENSITIVITY_LEVELS, sensitivityLevels } from "./schema-fragments";
import { type ElementKind, keyOf } from "./kinds";
import type { CounterexampleElement, DialogNodeElement, EntityElement, IntentElement } from "./types";

/** System entities the service can enable (`entity: "sys-number"`, no values). */
export const SYSTEM_ENTITIES = new Set([
    "sys-currency", "sys-date", "sys-time", "sys-location", "sys-number", "sys-percentage", "sys-person",
]);

function duplicates(values: string[], path: (index: number) => string, what: string): CheckFailure[] {
    const seen = new Map<string, number>();
    const failures: CheckFailure[] = [];
    values.forEach((value, index) => {
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else failures.push({ property: path(index), reason: `duplicate ${what} "${value}" (also at index ${first})` });
    });
    return failures;
}

export function checkIntent(intent: IntentElement, at = ""): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const examples = intent.examples ?? [];
    examples.forEach((example, i) => {
        const path = `${at}examples[${i}]`;
        (example.mentions ?? []).forEach((mention, j) => {
            if (typeof mention.entity === "string" && mention.entity.toLowerCase().startsWith("sys-") && !SYSTEM_ENTITIES.has(mention.entity)) {
                failures.push({ property: `${path}.mentions[${j}].entity`, reason: `entity names cannot begin with the reserved prefix sys- (${mention.entity} is not a known system entity)` });
            }
            const [start, end] = mention.location ?? [];
            if (typeof start === "number" && typeof end === "number" && (start >= end || end > (example.text ?? "").length)) {
                failures.push({ property: `${path}.mentions[${j}].location`, reason: "location must be [start, end) with start < end <= the text's length" });
            }
        });
    });
    failures.push(...duplicates(examples.map((e) => e.text), (i) => `${at}examples[${i}].text`, "example"));
    return failures;
}

export function checkEntity(entity: EntityElement, at = ""): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const name = entity.entity;
    const values = entity.values ?? [];
    if (typeof name === "string" && name.toLowerCase().startsWith("sys-")) {
        if (!SYSTEM_ENTITIES.has(name)) {
            failures.push({ property: `${at}entity`, reason: `entity names cannot begin with the reserved prefix sys- (${name} is not a known system entity: ${[...SYSTEM_ENTITIES].join(", ")})` });
        } else if (values.length > 0) {
            failures.push({ property: `${at}values`, reason: `system entity ${name} cannot have values` });
        }
    }
    values.forEach((value, i) => {
        const path = `${at}values[${i}]`;
        const hasSynonyms = (value.synonyms ?? []).length > 0;
        const hasPatterns = (value.patterns ?? []).length > 0;
        if (hasSynonyms && hasPatterns) {
            failures.push({ property: `${path}.patterns`, reason: "a value has either synonyms or patterns, not both" });
        } else if (hasPatterns && value.type !== "patterns") {
            failures.push({ property: `${path}.type`, reason: 'patterns need type: "patterns"' });
        } else if (hasSynonyms && value.type === "patterns") {
            failures.push({ property: `${path}.synonyms`, reason: 'a value of type "patterns" cannot have synonyms' });
        }
        failures.push(...duplicates(value.synonyms ?? [], (j) => `${path}.synonyms[${j}]`, "synonym"));
        (value.patterns ?? []).forEach((pattern, j) => {
            const error = regexError(pattern);
            if (error !== undefined) failures.push({ property: `${path}.patterns[${j}]`, reason: `pattern is not a valid regular expression: ${error}` });
        });
    });
    failures.push(...duplicates(values.map((v) => v.value), (i) => `${at}values[${i}].value`, "value"));
    return failures;
}

/** The documented response types that have this field (none: a field every type may carry). */
function typesWithField(field: string): string[] {
    return Object.entries(RESPONSE_TYPE_FIELDS).filter(([, rules]) => field in rules.properties).map(([type]) => type);
}

/** Fields of documented response types that belong to another type (later types are not constrained). */
function checkGenericFields(output: unknown, at: string): CheckFailure[] {
    const generic = (output as { generic?: unknown } | undefined)?.generic;
    if (!Array.isArray(generic)) return [];
    return generic.flatMap((item, i) => {
        const type = (item as { response_type?: unknown } | null)?.response_type;
        if (typeof type !== "string" || !(DOCUMENTED_RESPONSE_TYPES as readonly string[]).includes(type)) return [];
        return Object.keys(item as object)
            .map((field) => ({ field, types: typesWithField(field) }))
            .filter(({ types }) => types.length > 0 && !types.includes(type))
            .map(({ field, types }) => ({ property: `${at}output.generic[${i}].${field}`, reason: `is valid only when response_type is ${types.join(" or ")}` }));
    });
}

/** Events under which each slot-only behavior is valid, with the parent type it needs (§3.5 next_step.behavior). */
const SLOT_BEHAVIOR_EVENTS: Record<string, Record<string, readonly string[]>> = {
    reprompt: { filled: ["slot"], nomatch: ["slot"], generic: ["frame"] },
    skip_slot: { nomatch: ["slot"], generic: ["frame"] },
    skip_all_slots: { filled: ["slot"], nomatch: ["slot"], generic: ["frame"] },
};

/**
 * reprompt / skip_slot / skip_all_slots are valid only on event handlers of certain events under
 * a slot or frame. `parentType` is "unknown" when the parent is not in view (a separate DialogNode):
 * then only the node's own fields are checked.
 */
function slotBehaviorFailures(node: DialogNodeElement, parentType: string | undefined, at: string): CheckFailure[] {
    const behavior = node.nextStep?.behavior;
    const events = behavior ? SLOT_BEHAVIOR_EVENTS[behavior] : undefined;
    if (!events) return [];
    const parents = node.type === "event_handler" && node.eventName ? events[node.eventName] : undefined;
    if (parents && (parentType === "unknown" || parents.includes(parentType ?? ""))) return [];
    const where = Object.entries(events).map(([event, types]) => `${event} under a ${types.join(" or ")}`).join(", ");
    return [{ property: `${at}nextStep.behavior`, reason: `${behavior} is valid only on event_handler nodes (${where})` }];
}

export function checkDialogNode(node: DialogNodeElement, at = ""): CheckFailure[] {
    const failures: CheckFailure[] = [...checkGenericFields(node.output, at), ...slotBehaviorFailures(node, "unknown", at)];
    if (node.nextStep?.behavior === "jump_to" && !node.nextStep.dialogNode) {
        failures.push({ property: `${at}nextStep.dialogNode`, reason: "jump_to needs the target dialogNode" });
    }
    if (node.parent !== undefined && node.parent === node.dialogNode) {
        failures.push({ property: `${at}parent`, reason: "a node cannot be its own parent" });
    }
    if (node.previousSibling !== undefined && node.previousSibling === node.dialogNode) {
        failures.push({ property: `${at}previousSibling`, reason: "a node cannot be its own previous sibling" });
    }
    if (node.type === "event_handler" && !node.eventName) {
        failures.push({ property: `${at}eventName`, reason: "event_handler nodes need an eventName" });
    }
    if (node.type === "slot" && !node.variable) {
        failures.push({ property: `${at}variable`, reason: "slot nodes need a variable" });
    }
    return failures;
}

/** Counterexample text rules are all in the schema. */
export function checkCounterexample(_counterexample: CounterexampleElement, _at = ""): CheckFailure[] {
    return [];
}

const ELEMENT_RULES: Record<string, (element: any, at: string) => CheckFailure[]> = {
    intents: checkIntent, entities: checkEntity, dialogNodes: checkDialogNode, counterexamples: checkCounterexample,
};

/** Rules of each element plus unique keys across the collection. */
export function checkCollection<E extends object>(kind: ElementKind<E>, elements: E[], at: string): CheckFailure[] {
    const failures = elements.flatMap((element, i) => ELEMENT_RULES[kind.collection](element, `${at}[${i}].`));
    failures.push(...duplicates(elements.map((e) => keyOf(kind, e)), (i) => `${at}[${i}].${kind.key}`, kind.label));
    return failures;
}

/**
 * The dialog tree of a whole collection: parent, previousSibling and jump targets name declared
 * nodes, a previous sibling shares the node's parent, no two nodes claim the same slot, and
 * neither parents nor sibling chains loop.
 */
export function checkDialogTree(nodes: DialogNodeElement[], at: string): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const byId = new Map(nodes.map((n) => [n.dialogNode, n]));
    const slots = new Map<string, number>();
    nodes.forEach((node, i) => {
        const path = `${at}[${i}]`;
        if (node.parent !== undefined && !byId.has(node.parent)) {
            failures.push({ property: `${path}.parent`, reason: `parent "${node.parent}" is not a declared dialog node${didYouMean(node.parent, byId.keys())}` });
        }
        if (node.previousSibling !== undefined) {
            const sibling = byId.get(node.previousSibling);
            if (!sibling) {
                failures.push({ property: `${path}.previousSibling`, reason: `previousSibling "${node.previousSibling}" is not a declared dialog node${didYouMean(node.previousSibling, byId.keys())}` });
            } else if (sibling.parent !== node.parent) {
                failures.push({ property: `${path}.previousSibling`, reason: `previousSibling "${node.previousSibling}" has a different parent` });
            }
        }
        if (node.parent !== undefined && byId.has(node.parent)) {
            failures.push(...slotBehaviorFailures(node, byId.get(node.parent)!.type ?? "standard", `${path}.`));
        } else if (node.parent === undefined) failures.push(...slotBehaviorFailures(node, undefined, `${path}.`));
        const target = node.nextStep?.dialogNode;
        if (target !== undefined && !byId.has(target)) {
            failures.push({ property: `${path}.nextStep.dialogNode`, reason: `jump target "${target}" is not a declared dialog node${didYouMean(target, byId.keys())}` });
        }
        const slot = `${node.parent ?? ""}\u0000${node.previousSibling ?? ""}`;
        const other = slots.get(slot);
        if (other !== undefined) {
            failures.push({ property: `${path}.previousSibling`, reason: `node at index ${other} already follows "${node.previousSibling ?? "(first)"}" under the same parent` });
        } else slots.set(slot, i);
    });
    nodes.forEach((node, i) => {
        if (loops(node, byId, (n) => n.parent)) failures.push({ property: `${at}[${i}].parent`, reason: "parents form a cycle" });
        else if (loops(node, byId, (n) => n.previousSibling)) failures.push({ property: `${at}[${i}].previousSibling`, reason: "previous siblings form a cycle" });
    });
    return failures;
}

function loops(start: DialogNodeElement, byId: Map<string, DialogNodeElement>, next: (n: DialogNodeElement) => string | undefined): boolean {
    const seen = new Set<string>([start.dialogNode]);
    for (let id = next(start); id !== undefined; ) {
        if (seen.has(id)) return id === start.dialogNode;
        seen.add(id);
        const node = byId.get(id);
        id = node ? next(node) : undefined;
    }
    return false;
}

/** The disambiguation sensitivity levels the request's version date takes (schema-fragments.ts). */
export function checkSensitivity(inputs: { systemSettings?: Record<string, unknown> }, versionV1: string): CheckFailure[] {
    const sensitivity = (inputs.systemSettings?.disambiguation as { sensitivity?: unknown } | undefined)?.sensitivity;
    const levels = sensitivityLevels(versionV1);
    // Values no version takes are the schema's failure.
    if (typeof sensitivity !== "string" || levels.includes(sensitivity) || !(SENSITIVITY_LEVELS.later as readonly string[]).includes(sensitivity)) return [];
    return [{ property: "systemSettings.disambiguation.sensitivity", reason: `must be one of: ${levels.join(", ")} at API version ${versionV1} (${sensitivity} needs a later versionV1)` }];
}
