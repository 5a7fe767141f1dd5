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
import type { ResourceSpec } from "../../provider/bridge/spec";
import type { CheckFailure } from "../../provider/validation";
import { createElement, deleteElement, getElement, updateElement } from "./element-client";
import { type ElementKind, keyOf } from "./kinds";
import { elementSchema } from "./schemas";
import { elementResourceSummary } from "./summary-shapes";

export type ElementInputs<E> = E & {
    /** Workspace (dialog skill) holding the element. Changing it replaces the resource. */
    workspaceId: string;
    /** Take over an existing element with the same key instead of failing (default false). */
    adopt?: boolean;
};

export function elementResourceSpec<E extends object>(
    type: string,
    kind: ElementKind<E>,
    properties: object,
    rules: (element: E, at: string) => CheckFailure[],
): ResourceSpec<ElementInputs<E>, ElementInputs<E>> {
    const schema = elementSchema({
        ...properties,
        workspaceId: { type: "string", minLength: 1 },
        adopt: { type: "boolean" },
    }, kind.key) as { required: string[] };
    schema.required = [...schema.required, "workspaceId"];

    const elementOf = (inputs: ElementInputs<E>): E => {
        const { workspaceId: _w, adopt: _a, ...element } = inputs;
        return element as unknown as E;
    };

    return {
        type,
        inputSchema: schema,
        replaceOn: ["workspaceId"],
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
        async read(ctx, _id, olds) {
            const live = await getElement(ctx.client, kind, olds.workspaceId, keyOf(kind, olds));
            if (live === undefined) return undefined;
            const inputs = { ...live, workspaceId: olds.workspaceId, ...(olds.adopt !== undefined ? { adopt: olds.adopt } : {}) } as ElementInputs<E>;
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
