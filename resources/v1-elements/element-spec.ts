/**
 * The ResourceSpec of a single-element resource (Intent, Entity, DialogNode), generic over the
 * element kind. Inputs: `workspaceId`, `adopt`, and the fields of one collection element.
 *
 *   - create: one POST; with `adopt: true` an existing element with the same key is taken over
 *     (updated to the declared content) instead of failing with 409.
 *   - update: one POST of the whole element at its current key; a key change is a rename in place.
 *   - changing `workspaceId` replaces (the element is created in the new workspace, then deleted
 *     from the old one).
 *   - read: the live element, in input shape, so drift shows on the next diff; 404 = gone.
 *   - delete: that element only.
 *
 * The id is `<workspaceId>/<key at creation>`; the current key is always taken from the state.
 */
import { URN_KEY } from "../../provider/bridge/creation-marker";
import type { ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { createElement, deleteElement, getElement, updateElement } from "./element-client";
import { type ElementKind, keyOf } from "./kinds";
import { elementSchema } from "./schemas";
import { elementResourceSummary } from "./summary-shapes";

/** Where an element resource's element lives, and how a create treats one that exists. */
export interface ElementPlacement {
    /**
     * Workspace (dialog skill) id holding the element. Changing it REPLACES the resource (the
     * element is created in the new workspace, then deleted from the old one).
     */
    workspaceId: string;
    /**
     * Take over an existing element with the same key instead of failing with "already exists"
     * (default false). Pulumi import does not work for dynamic providers; this is the way in.
     */
    adopt?: boolean;
}

/** The inputs (and outputs) of an element resource: the element's fields and its placement. */
export type ElementInputs<E> = E & ElementPlacement;

export function elementResourceSpec<E extends object>(
    type: string,
    kind: ElementKind<E>,
    properties: object,
    rules: (element: E, at: string) => CheckFailure[],
): ResourceSpec<ElementInputs<E>, ElementInputs<E>> {
    const schema = elementSchema({
        ...properties,
        workspaceId: { type: "string", minLength: 1, replaceOnChange: true },
        adopt: { type: "boolean" },
    }, kind.key) as { required: string[]; properties: object };
    schema.required = [...schema.required, "workspaceId"];

    const elementOf = (inputs: ElementInputs<E>): E => {
        const { workspaceId: _w, adopt: _a, ...element } = inputs;
        return element as unknown as E;
    };

    return {
        type,
        inputSchema: schema,
        replaceOn: replacingProperties(schema),
        // Declared by the thousand: every input (and the URN) travels as one string (resource.ts).
        packed: [...Object.keys(schema.properties) as (keyof ElementInputs<E> & string)[], URN_KEY],
        check: (inputs) => rules(inputs, ""),
        summary: elementResourceSummary(type, kind),
        canonical: (property, value) => {
            if (property === "workspaceId" || property === "adopt" || property === kind.key) return value;
            // Compare each property through the element's canonical form (sorted sets, defaults dropped).
            const canonical = kind.canonical({ [kind.key]: "", [property]: value } as E) as Record<string, unknown>;
            return canonical[property];
        },
        async create(ctx, inputs) {
            const element = elementOf(inputs);
            await createElement(ctx.client, kind, inputs.workspaceId, element, { onConflict: inputs.adopt ? "update" : "fail" });
            return { id: `${inputs.workspaceId}/${keyOf(kind, element)}`, outs: inputs };
        },
        async read(ctx, id, olds) {
            // An import has no stored state: the id (`<workspace id>/<key>`) says which element.
            const slash = id.indexOf("/");
            const workspaceId = olds.workspaceId ?? id.slice(0, slash);
            const live = await getElement(ctx.client, kind, workspaceId, olds.workspaceId === undefined ? id.slice(slash + 1) : keyOf(kind, olds));
            if (live === undefined) return undefined;
            const inputs = { ...live, workspaceId, ...(olds.adopt !== undefined ? { adopt: olds.adopt } : {}) } as ElementInputs<E>;
            return { outs: inputs, inputs };
        },
        async update(ctx, _id, olds, news) {
            await updateElement(ctx.client, kind, news.workspaceId, keyOf(kind, olds), elementOf(news), { onMissing: "create", previous: elementOf(olds) });
            return news;
        },
        async delete(ctx, _id, olds) {
            await deleteElement(ctx.client, kind, olds.workspaceId, keyOf(kind, olds));
        },
    };
}
