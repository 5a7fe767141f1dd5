/**
 * What differs between the four v1 element kinds, in one table: routes, natural key, documented
 * rate limit of their element calls, and the canonical form used to compare declared and live
 * content. Everything else (CRUD, adoption, renames, planning) is generic over this descriptor.
 *
 * Canonical forms make comparisons stable: sets the API does not keep in order (examples,
 * values, synonyms, patterns, mentions, collections) are sorted; API defaults (`type: synonyms`,
 * node `type: standard`, false flags) and empty optional parts are dropped; audit fields are
 * removed. Free-form JSON (output, context, metadata, actions) is compared as is.
 */
import { deepEqual, stableJson } from "../../provider/values";
import { sortedBy } from "../../provider/keyed-diff";
import type { ElementIdentity } from "../../provider/element-digests";
import type { Bucket } from "./service-limits";
import { counterexampleProperties, dialogNodeProperties, entityProperties, intentProperties } from "./schemas";
import type {
    CounterexampleElement, DialogNodeElement, EntityElement, EntityValue, Example, IntentElement, Mention,
} from "./types";

export type CollectionName = "intents" | "entities" | "dialogNodes" | "counterexamples";

export interface ElementKind<E extends object = any> {
    /** Human name, used in messages. */
    label: string;
    /** Workspace input holding a collection of this kind. */
    collection: CollectionName;
    /** Path segment and export property of the collection. */
    apiCollection: "intents" | "entities" | "dialog_nodes" | "counterexamples";
    /** Natural key (camelCase input property); renaming it is an update carrying the new key. */
    key: keyof E & string;
    /** Rate-limit bucket of the element create/update/delete routes (service-limits.ts). */
    writeBucket: Bucket;
    /** Rate-limit bucket of the collection's list route (with `export=true` when `exportOnGet`). */
    listBucket: Bucket;
    /** Whether GET of one element needs `export=true` to include its subelements. */
    exportOnGet: boolean;
    /**
     * Fields every update sends, null when not declared. Element updates keep the fields a body
     * leaves out, and the service changes dialog node positions behind the state's back (placing
     * a node makes the one that held its place follow it), so the stored version of a node cannot
     * tell whether its position needs clearing.
     */
    alwaysSent?: readonly (keyof E & string)[];
    /** Fields that place an element among the others (dialog nodes: parent, previous sibling). */
    position?: readonly (keyof E & string)[];
    /** Every field an element may declare (its schema's properties). */
    fields: readonly string[];
    canonical(element: E): E;
    /**
     * Collections inside one element whose state, as a resource of its own, keeps per-element
     * digests instead of a second copy (provider/bridge/digests.ts): the engine's cost follows
     * the number of values it stores, and a thousand Intent resources store their examples once.
     */
    parts?: Readonly<Record<string, ElementIdentity>>;
}

const AUDIT = new Set(["created", "updated"]);

/** Drops undefined/null, empty strings/arrays and audit fields from the top level of an object. */
function compact<T extends object>(value: T, dropDefaults: Record<string, unknown> = {}): T {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
        if (inner === undefined || inner === null || AUDIT.has(key)) continue;
        if (inner === "" || (Array.isArray(inner) && inner.length === 0)) continue;
        if (key in dropDefaults && dropDefaults[key] === inner) continue;
        out[key] = inner;
    }
    return out as T;
}

function canonicalMention(mention: Mention): Mention {
    return { entity: mention.entity, location: [...mention.location] };
}

function canonicalExample(example: Example): Example {
    return compact({
        text: example.text,
        mentions: sortedBy(example.mentions?.map(canonicalMention), (m) => stableJson(m)),
    });
}

/** How an intent's examples are told apart and compared (digests and plan summaries). */
export const exampleIdentity: ElementIdentity<Example> = { key: (e) => e.text, keyProperty: "text", canonical: canonicalExample };

function canonicalValue(value: EntityValue): EntityValue {
    return compact({
        value: value.value,
        type: value.type,
        synonyms: value.synonyms ? [...value.synonyms].sort() : undefined,
        patterns: value.patterns ? [...value.patterns].sort() : undefined,
        metadata: value.metadata,
    }, { type: "synonyms" });
}

export const intentKind: ElementKind<IntentElement> = {
    label: "intent",
    collection: "intents",
    apiCollection: "intents",
    key: "intent",
    writeBucket: "intents",
    listBucket: "intentExports",
    exportOnGet: true,
    fields: Object.keys(intentProperties),
    canonical: (intent) => compact({
        intent: intent.intent,
        description: intent.description,
        examples: sortedBy(intent.examples?.map(canonicalExample), (e) => e.text),
    }),
    parts: { examples: exampleIdentity },
};

export const entityKind: ElementKind<EntityElement> = {
    label: "entity",
    collection: "entities",
    apiCollection: "entities",
    key: "entity",
    writeBucket: "entities",
    listBucket: "entityExports",
    exportOnGet: true,
    fields: Object.keys(entityProperties),
    canonical: (entity) => compact({
        entity: entity.entity,
        description: entity.description,
        metadata: entity.metadata,
        fuzzyMatch: entity.fuzzyMatch,
        values: sortedBy(entity.values?.map(canonicalValue), (v) => v.value),
    }),
};

const NODE_POSITION = ["parent", "previousSibling"] as const;

export const dialogNodeKind: ElementKind<DialogNodeElement> = {
    label: "dialog node",
    collection: "dialogNodes",
    apiCollection: "dialog_nodes",
    key: "dialogNode",
    writeBucket: "dialogNodeWrites",
    listBucket: "subelementLists",
    exportOnGet: false,
    alwaysSent: NODE_POSITION,
    position: NODE_POSITION,
    fields: Object.keys(dialogNodeProperties),
    canonical: (node) => compact({ ...node }, { type: "standard", disabled: false, disambiguationOptOut: false }),
};

export const counterexampleKind: ElementKind<CounterexampleElement> = {
    label: "counterexample",
    collection: "counterexamples",
    apiCollection: "counterexamples",
    key: "text",
    writeBucket: "subelementWrites",
    listBucket: "subelementLists",
    exportOnGet: false,
    fields: Object.keys(counterexampleProperties),
    canonical: (counterexample) => ({ text: counterexample.text }),
};

export const ELEMENT_KINDS: readonly ElementKind[] = [intentKind, entityKind, dialogNodeKind, counterexampleKind];

export function keyOf<E extends object>(kind: ElementKind<E>, element: E): string {
    return String(element[kind.key]);
}

const identities = new Map<ElementKind, ElementIdentity>();

/** How digests (provider/element-digests.ts) tell elements of this kind apart; one object per kind (digests are cached by it). */
export function identityOf<E extends object>(kind: ElementKind<E>): ElementIdentity<E> {
    let identity = identities.get(kind);
    if (!identity) {
        identity = { key: (e: E) => keyOf(kind, e), keyProperty: kind.key, canonical: kind.canonical, position: kind.position };
        identities.set(kind, identity);
    }
    return identity;
}

/** A collection in canonical form: elements canonicalized and sorted by key. */
export function canonicalCollection<E extends object>(kind: ElementKind<E>, elements: E[]): E[] {
    return sortedBy(elements.map((e) => kind.canonical(e)), (e) => keyOf(kind, e));
}

export function sameElement<E extends object>(kind: ElementKind<E>, a: E, b: E): boolean {
    return deepEqual(kind.canonical(a), kind.canonical(b));
}
