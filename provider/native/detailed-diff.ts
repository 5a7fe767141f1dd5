/**
 * The detailed diff a native provider gives the engine: property path -> kind, so that
 * `pulumi preview --diff` prints what changed and nothing of unchanged content. Paths go down to
 * the fields of the elements of keyed collections (the summary shape's collections, the same
 * identities the planner and the element digests use): `intents[3].examples` when the element
 * sits at the same position before and after, `intents["refund"].examples` when it moved (the
 * CLI resolves positions against both sides, so a moved element is named by its key instead).
 * Old values come from the inputs of the last deployment (`inputDiff`): outputs keep digests only.
 */
import { keyedDiff } from "../keyed-diff";
import { isCollection, type CollectionShape, type ObjectShape } from "../change-summary/shape";
import { deepEqual } from "../values";

export type DiffKind = "add" | "addReplace" | "delete" | "deleteReplace" | "update" | "updateReplace";

/** Path (Pulumi property path syntax) -> kind of change. */
export type DetailedDiff = Record<string, DiffKind>;

type Bag = Record<string, any>;

/**
 * The detailed diff of `changed` properties between the last deployment's inputs and the
 * declared ones. Without old inputs (state of the dynamic path, or imported without them), each
 * changed property is reported whole.
 */
export function detailedDiff(changed: readonly string[], replaces: readonly string[], oldInputs: Bag | undefined, news: Bag, shape?: ObjectShape): DetailedDiff {
    const result: DetailedDiff = {};
    for (const name of changed) {
        const replacing = replaces.includes(name);
        const before = oldInputs?.[name];
        const after = news[name];
        const field = shape?.fields?.[name];
        if (oldInputs && field && isCollection(field) && Array.isArray(before) && Array.isArray(after)) {
            const elements = collectionDiff(name, field, before, after, replacing);
            if (Object.keys(elements).length > 0) {
                Object.assign(result, elements);
                continue;
            }
        }
        result[name] = oldInputs ? kindOf(before, after, replacing) : replacing ? "updateReplace" : "update";
    }
    return result;
}

function collectionDiff(name: string, shape: CollectionShape, olds: unknown[], news: unknown[], replacing: boolean): DetailedDiff {
    const result: DetailedDiff = {};
    const key = (e: unknown) => shape.key(e);
    const oldIndex = new Map(olds.map((e, i) => [key(e), i]));
    const newIndex = new Map(news.map((e, i) => [key(e), i]));
    const diff = keyedDiff(olds, news, key, { canonical: shape.canonical, keyProperty: shape.keyProperty, detectRenames: shape.renames });
    const update: DiffKind = replacing ? "updateReplace" : "update";
    for (const { old, new: element } of diff.changed) {
        const k = key(element);
        const at = newIndex.get(k)!;
        const base = oldIndex.get(k) === at ? `${name}[${at}]` : `${name}[${JSON.stringify(k)}]`;
        const fields = changedFields(old as Bag, element as Bag);
        if (fields.length === 0) result[base] = update;
        for (const field of fields) result[`${base}.${field}`] = kindOf((old as Bag)[field], (element as Bag)[field], replacing);
    }
    for (const { new: element } of diff.renamed) result[`${name}[${newIndex.get(key(element))}]`] = update;
    for (const element of diff.added) result[`${name}[${newIndex.get(key(element))}]`] = replacing ? "addReplace" : "add";
    for (const element of diff.removed) result[`${name}[${oldIndex.get(key(element))}]`] = replacing ? "deleteReplace" : "delete";
    return result;
}

/** Top-level fields of an element that differ as declared (order inside them counts: the CLI prints what differs). */
function changedFields(old: Bag, element: Bag): string[] {
    if (!old || !element || typeof old !== "object" || typeof element !== "object") return [];
    const names = new Set([...Object.keys(old), ...Object.keys(element)]);
    return [...names].filter((f) => !deepEqual(old[f] ?? undefined, element[f] ?? undefined));
}

function kindOf(before: unknown, after: unknown, replacing: boolean): DiffKind {
    if (before === undefined || before === null) return replacing ? "addReplace" : "add";
    if (after === undefined || after === null) return replacing ? "deleteReplace" : "delete";
    return replacing ? "updateReplace" : "update";
}
