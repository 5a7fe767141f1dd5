/**
 * How plan summaries name v1 elements (provider/change-summary): intents `#name`, entities
 * `@name` with their values by name, dialog nodes by id (a new parent or previous sibling reads
 * "moved"), and the API routes of element calls. Compared in the kinds' canonical forms, the ones
 * the planner compares, so the summary and the calls agree.
 */
import { snakeCase } from "../../provider/casing";
import type { CollectionShape, PlannedChange, SummaryShape } from "../../provider/change-summary/shape";
import type { ElementInputs } from "./element-spec";
import {
    type CollectionName, counterexampleKind, dialogNodeKind, type ElementKind, entityKind, exampleIdentity, identityOf, intentKind, keyOf,
} from "./kinds";
import type { EntityValue, Example } from "./types";

const strings = (noun: string): CollectionShape<string> => ({ noun, key: (s) => s });

const example: CollectionShape<Example> = { noun: "example", ...exampleIdentity, identity: exampleIdentity };

const entityValue: CollectionShape<EntityValue> = {
    noun: "value", key: (v) => v.value, keyProperty: "value", named: true,
    fields: { synonyms: strings("synonym"), patterns: strings("pattern") },
};

function elementShape<E extends object>(kind: ElementKind<E>, extra: Partial<CollectionShape<E>>): CollectionShape<E> {
    return { noun: kind.label, ...identityOf(kind), identity: identityOf(kind), named: true, renames: true, ...extra };
}

export const ELEMENT_SHAPES: Record<CollectionName, CollectionShape> = {
    intents: elementShape(intentKind, { label: (k) => `#${k}`, fields: { examples: example } }),
    entities: elementShape(entityKind, { plural: "entities", label: (k) => `@${k}`, fields: { values: entityValue } }),
    dialogNodes: elementShape(dialogNodeKind, {}),
    counterexamples: elementShape(counterexampleKind, { label: (k) => JSON.stringify(k) }),
};

/** `POST /v1/workspaces/{workspace_id}/intents` and `.../intents/{intent}`: the documented route templates. */
export function elementRoutes(kind: ElementKind): { collection: string; element: string } {
    const collection = `/v1/workspaces/{workspace_id}/${kind.apiCollection}`;
    return { collection, element: `${collection}/{${snakeCase(kind.key)}}` };
}

/** The summary of a single-element resource (Intent, Entity, DialogNode): its fields, named like the Workspace's elements. */
export function elementResourceSummary<E extends object>(type: string, kind: ElementKind<E>): SummaryShape<ElementInputs<E>> {
    const shape = ELEMENT_SHAPES[kind.collection];
    const routes = elementRoutes(kind);
    const calls: Record<PlannedChange<unknown>["action"], string[]> = {
        create: [`POST ${routes.collection}`],
        update: [`POST ${routes.element}`],
        // Create in the new workspace, then delete from the old one.
        replace: [`POST ${routes.collection}`, `DELETE ${routes.element}`],
    };
    return {
        title: (inputs) => `${type} ${shape.label ? shape.label(keyOf(kind, inputs)) : keyOf(kind, inputs)}`,
        fields: shape.fields,
        shown: ["workspaceId", kind.key, ...(shape.position ?? [])],
        ignored: ["adopt"],
        calls: (change) => calls[change.action],
    };
}
