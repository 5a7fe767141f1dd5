/**
 * The detailed diff a native provider gives the engine: property path -> kind, so that
 * `pulumi preview --diff` prints what changed and nothing of unchanged content. Paths go down to
 * the values inside the elements of keyed collections (the summary shape's collections, the same
 * identities the planner and the element digests use): `intents[3].examples[1]` when the element
 * sits at the same position before and after, `intents["refund"].examples[1]` when it moved (the
 * CLI resolves positions against both sides, so a moved element is named by its key instead).
 * Old values come from the inputs of the last deployment (`inputDiff`): outputs keep digests only.
 */
import { diff } from "deep-diff";
import { keyedDiff } from "../keyed-diff";
import { isCollection, type CollectionShape, type ObjectShape } from "../change-summary/shape";

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
        const leaves = changedLeaves(old, element, replacing);
        if (Object.keys(leaves).length === 0) result[base] = update;
        for (const [leaf, kind] of Object.entries(leaves)) result[`${base}${leaf}`] = kind;
    }
    for (const { new: element } of diff.renamed) result[`${name}[${newIndex.get(key(element))}]`] = update;
    for (const element of diff.added) result[`${name}[${newIndex.get(key(element))}]`] = replacing ? "addReplace" : "add";
    for (const element of diff.removed) result[`${name}[${oldIndex.get(key(element))}]`] = replacing ? "deleteReplace" : "delete";
    return result;
}

/** More leaves than this in one element: its changed top-level fields are reported instead. */
const MAX_LEAVES = 20;

/**
 * Paths (relative, `.examples[1]`, `.output.generic[0].values[0].text`) of what differs inside an
 * element as declared, so that the CLI prints the changed values and not their siblings.
 */
function changedLeaves(old: unknown, element: unknown, replacing: boolean): DetailedDiff {
    const records = diff(old, element) ?? [];
    const leaves: DetailedDiff = {};
    if (records.length <= MAX_LEAVES) {
        for (const record of records) {
            const path = [...(record.path ?? []), ...(record.kind === "A" ? [record.index] : [])];
            const kind = record.kind === "A" ? record.item.kind : record.kind;
            leaves[pathText(path)] = kind === "N" ? (replacing ? "addReplace" : "add") : kind === "D" ? (replacing ? "deleteReplace" : "delete") : replacing ? "updateReplace" : "update";
        }
        return leaves;
    }
    for (const field of new Set(records.map((r) => r.path?.[0]).filter((f) => f !== undefined))) {
        leaves[pathText([field])] = kindOf((old as Bag)[field], (element as Bag)[field], replacing);
    }
    return leaves;
}

const pathText = (path: unknown[]) => path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("");

function kindOf(before: unknown, after: unknown, replacing: boolean): DiffKind {
    if (before === undefined || before === null) return replacing ? "addReplace" : "add";
    if (after === undefined || after === null) return replacing ? "deleteReplace" : "delete";
    return replacing ? "updateReplace" : "update";
}
