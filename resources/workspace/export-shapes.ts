/**
 * The historical shapes of a workspace export (API versions 2017-02-03, 2018-09-20, 2021-11-27
 * and the tooling's "Download" of a dialog skill), brought to the current create body:
 *
 * - `null` on a field of the API's own structure means "absent" (older exports write every unset
 *   optional field as null). Free-form parts (output, context, metadata, actions, headers) are the
 *   user's JSON: a null inside them is a value and is kept.
 * - Fields that only the 2017-02-03 API documents (IBM Cloud API docs, Conversation v1, version
 *   2017-02-03) map to their successor or, when they have none, are dropped or reported by name.
 */
import { FREE_FORM_KEYS } from "../../provider/casing";

type Json = Record<string, unknown>;

/** The free-form parts of a workspace: the casing's, and the `parameters` of a dialog node action. */
const FREE_FORM = new Set([...FREE_FORM_KEYS, "parameters"]);

/**
 * A copy without null-valued fields, outside free-form parts (whose contents are kept verbatim).
 * A dialog node action is the API's structure (name, type, result_variable, credentials) around
 * free-form `parameters`.
 */
export function withoutNulls(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutNulls);
    if (!isObject(value)) return value;
    const out: Json = {};
    for (const [key, inner] of Object.entries(value)) {
        if (inner === null) continue;
        out[key] = key === "actions" && Array.isArray(inner) ? inner.map(withoutNulls)
            : FREE_FORM.has(key) ? inner
            : withoutNulls(inner);
    }
    return out;
}

/**
 * 2017-02-03 dialog node `go_to` -> `next_step`. `go_to` named a node to jump to, where in it to
 * pass focus (`selector`), and `return`, "Reserved for future use": it never had an effect, so it
 * maps to nothing (a jump never returns; returning after a digression is `digress_out`).
 */
function goToAsNextStep(node: Json, at: string, problems: string[]): Json {
    const { go_to: goTo, ...rest } = node;
    if (goTo === undefined) return node;
    if (!isObject(goTo)) {
        problems.push(`${at}.go_to: must be an object with dialog_node (2017-02-03 form of next_step)`);
        return rest;
    }
    if (rest.next_step !== undefined) {
        problems.push(`${at}: has both go_to (2017-02-03) and next_step; keep only next_step`);
        return rest;
    }
    if (typeof goTo.dialog_node !== "string") {
        problems.push(`${at}.go_to.dialog_node: is required (the node to jump to)`);
        return rest;
    }
    const nextStep: Json = { behavior: "jump_to", dialog_node: goTo.dialog_node };
    if (goTo.selector !== undefined) nextStep.selector = goTo.selector;
    return { ...rest, next_step: nextStep };
}

/**
 * 2017-02-03 entity fields without a successor: `type` and `open_list` were "Reserved for future
 * use"; `source` was only returned ("system.entities" for system entities, which are enabled by
 * name). A value in them changes nothing at the service, so they are dropped.
 */
const RETIRED_ENTITY_FIELDS = ["type", "open_list", "source"];

function currentEntity(entity: Json): Json {
    return Object.fromEntries(Object.entries(entity).filter(([key]) => !RETIRED_ENTITY_FIELDS.includes(key)));
}

/** An export (any historical shape, nulls already removed) as a current create body; problems are reported by path. */
export function currentShape(exported: Json, problems: string[]): Json {
    const out: Json = { ...exported };
    if (Array.isArray(out.entities)) out.entities = out.entities.map((e) => (isObject(e) ? currentEntity(e) : e));
    if (Array.isArray(out.dialog_nodes)) {
        out.dialog_nodes = out.dialog_nodes.map((node, i) => (isObject(node) ? goToAsNextStep(node, `dialog_nodes[${i}]`, problems) : node));
    }
    return out;
}

export function isObject(value: unknown): value is Json {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
