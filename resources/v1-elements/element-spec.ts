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
import { digestOutputKeys } from "../../provider/bridge/digests";
import { decodeDigests, digestKey, digestMap, sameDigests } from "../../provider/element-digests";
import type { ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { withoutKeys } from "../../provider/values";
import { createElement, deleteElement, getElement, updateElement } from "./element-client";
import { type ElementKind, keyOf, sameElement } from "./kinds";
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
    /**
     * Overwrite the element even when it was changed in the service (e.g. in the tooling) since
     * this stack's last deploy; without it such an update fails naming the element. Never a change by itself.
     */
    overwriteLiveChanges?: boolean;
}

/** The inputs (and outputs) of an element resource: the element's fields and its placement. */
export type ElementInputs<E> = E & ElementPlacement;

type Bag = Record<string, any>;

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
        overwriteLiveChanges: { type: "boolean" },
    }, kind.key) as { required: string[]; properties: object };
    schema.required = [...schema.required, "workspaceId"];

    const parts = kind.parts ?? {};
    const partNames = Object.keys(parts);
    const elementOf = (inputs: ElementInputs<E>): E => {
        const { workspaceId: _w, adopt: _a, overwriteLiveChanges: _o, ...element } = inputs;
        return withoutKeys(element, digestOutputKeys(partNames)) as unknown as E;
    };
    // Stored outputs may hold digests of the parts (nestedDigests): a part stored is one the previous version had (an update clears it when no longer declared).
    const storedElement = (olds: ElementInputs<E>): E => ({
        ...Object.fromEntries(partNames.filter((name) => (olds as Bag)[digestKey(name)] !== undefined).map((name) => [name, []])),
        ...elementOf(olds),
    });
    const storedPart = (olds: Bag, name: string) => (Array.isArray(olds[name]) ? digestMap(parts[name], olds[name]) : decodeDigests(parts[name], olds[digestKey(name)] ?? ""));
    // The live element is the stored one: the same fields, and parts with the stored content or digests.
    const sameAsStored = (live: E, olds: ElementInputs<E>): boolean =>
        sameElement(kind, withoutKeys(live, partNames) as E, withoutKeys(elementOf(olds), partNames) as E)
        && partNames.every((name) => sameDigests(digestMap(parts[name], ((live as Bag)[name] ?? []) as object[]), storedPart(olds, name)));

    return {
        type,
        inputSchema: schema,
        replaceOn: replacingProperties(schema),
        // Declared by the thousand: every input (and the URN) travels as one string (resource.ts).
        packed: [...Object.keys(schema.properties) as (keyof ElementInputs<E> & string)[], URN_KEY],
        nestedDigests: parts as ResourceSpec<ElementInputs<E>, ElementInputs<E>>["digests"],
        check: (inputs) => rules(inputs, ""),
        summary: elementResourceSummary(type, kind),
        canonical: (property, value) => {
            if (property === "overwriteLiveChanges") return undefined; // an option, never a change by itself
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
        // An element changed in the service since the last deploy: the update would overwrite it.
        // Positions are left out: the service moves dialog nodes when another node takes their place.
        // An element already as declared (e.g. written by an interrupted update) has nothing to lose.
        async liveChanges(ctx, _id, olds, news) {
            const live = await getElement(ctx.client, kind, olds.workspaceId, keyOf(kind, olds));
            const unplaced = (element: E) => withoutKeys(element, kind.position ?? []);
            const changed = live !== undefined && !sameAsStored(unplaced(live), withoutKeys(olds, kind.position ?? []) as ElementInputs<E>)
                && !sameElement(kind, unplaced(live), unplaced(elementOf(news)));
            return { conflicts: changed ? [`${kind.label} "${keyOf(kind, olds)}"`] : [], drift: [] };
        },
        async update(ctx, _id, olds, news) {
            await updateElement(ctx.client, kind, news.workspaceId, keyOf(kind, olds), elementOf(news), { onMissing: "create", previous: storedElement(olds) });
            return news;
        },
        async delete(ctx, _id, olds) {
            await deleteElement(ctx.client, kind, olds.workspaceId, keyOf(kind, olds));
        },
    };
}
