/**
 * The plan summary of one resource step, from the bridge's diff and the resource's SummaryShape:
 * per keyed collection the elements added, removed, renamed and changed (with the changed fields
 * named), the other changed properties by name (free-form JSON by the paths that changed inside
 * it), and the API calls the step will make. Values are printed only for fields declared `shown`
 * (identifiers such as a release number); element keys are printed as their names.
 */
import { diff as deepDiff } from "deep-diff";
import { containsUnknown, deepEqual, UNKNOWN } from "../values";
import { keyedDiff } from "../keyed-diff";
import { decodeDigests, diffDigests, digestKey, digestOf, type ElementDigest } from "../element-digests";
import { type CollectionShape, type FieldShape, isCollection, type ObjectShape, type PlannedChange, type SummaryShape } from "./shape";

export interface ResourceSummary {
    /** `Workspace "Support" (id): update` */
    header: string;
    /** Indented body lines. */
    lines: string[];
}

/** Element lines listed per collection before the rest is counted. */
export const MAX_ELEMENT_LINES = 10;
/** Phrases listed for one element (or free-form paths for one field) before the rest is counted. */
export const MAX_PHRASES = 4;
const MAX_LABEL = 60;
const INDENT = "  ";

type Bag = Record<string, unknown>;

export function describeChange<I extends object>(shape: SummaryShape<I>, change: PlannedChange<I>): ResourceSummary {
    const replacing = change.replaces.length > 0 ? ` (${change.replaces.join(", ")} changed)` : "";
    const header = `${shape.title(namingUnknowns(change.news))}${change.id ? ` (${change.id})` : ""}: ${change.action}${replacing}`;
    const lines = change.action === "create"
        ? contentLines(shape, change.news as Bag)
        : changeLines(shape, change.olds as Bag, change.news as Bag, change.changed, change.previous as (() => Bag | undefined) | undefined);
    lines.push(...callLines(shape.calls?.(change) ?? []));
    return { header, lines };
}

/** A new resource: how much content of each collection it carries. */
function contentLines(shape: ObjectShape, news: Bag): string[] {
    const counts = Object.entries(shape.fields ?? {})
        .filter(([field, fieldShape]) => isCollection(fieldShape) && Array.isArray(news[field]))
        .map(([field, fieldShape]) => count((news[field] as unknown[]).length, fieldShape as CollectionShape));
    return counts.length > 0 ? [`${INDENT}content: ${counts.join(", ")}`] : [];
}

function changeLines(shape: ObjectShape, olds: Bag, news: Bag, changed: string[], previous?: () => Bag | undefined): string[] {
    const lines: string[] = [];
    const others: string[] = [];
    collectChanges(shape, olds, news, changed, "", lines, others, previous);
    if (others.length > 0) lines.push(`${INDENT}changed: ${cut(others, MAX_PHRASES * 2).join(", ")}`);
    return lines;
}

/**
 * Collections get their own lines (named ones a line per element); nested objects are walked;
 * everything else is gathered in `others` for one "changed:" line.
 */
function collectChanges(
    shape: ObjectShape, olds: Bag, news: Bag, changed: string[], prefix: string, lines: string[], others: string[], previous?: () => Bag | undefined,
): void {
    for (const field of changed) {
        if (shape.ignored?.includes(field)) continue;
        const path = prefix + field;
        if (containsUnknown(news[field])) {
            others.push(`${path} ${KNOWN_LATER}`);
            continue;
        }
        const fieldShape = shape.fields?.[field];
        if (fieldShape && isCollection(fieldShape)) {
            const stored = olds[digestKey(field)];
            const d = typeof stored === "string" && !Array.isArray(olds[field])
                ? digestedChanges(fieldShape, stored, news[field], () => previous?.()?.[field])
                : elementChanges(fieldShape, olds[field], news[field]);
            if (fieldShape.named) lines.push(...collectionBlock(path, fieldShape, d));
            else {
                const phrases = countPhrases(fieldShape, d);
                if (phrases.length > 0) lines.push(`${INDENT}${path}: ${phrases.join(", ")}`);
            }
        } else if (fieldShape) {
            const [o, n] = [asObject(olds[field]), asObject(news[field])];
            collectChanges(fieldShape, o, n, differingKeys(o, n), `${path}.`, lines, others);
        } else {
            others.push(...fieldPhrases(field, shape, olds, news).map((p) => prefix + p));
        }
    }
}

function differingKeys(olds: Bag, news: Bag): string[] {
    return [...new Set([...Object.keys(news), ...Object.keys(olds)])].filter((k) => !deepEqual(olds[k], news[k]));
}

/** A named collection at the top level: a count line, then one line per element. */
function collectionBlock(field: string, shape: CollectionShape, d: ElementChanges): string[] {
    const counts = [
        d.added.length > 0 ? `${d.added.length} added` : "",
        d.removed.length > 0 ? `${d.removed.length} removed` : "",
        d.renamed.length > 0 ? `${d.renamed.length} renamed` : "",
        d.changed.length > 0 ? `${d.changed.length} changed` : "",
    ].filter(Boolean);
    if (counts.length === 0) return [];
    const elementLines = [
        ...d.added.map((key) => `+ ${named(shape, key)}`),
        ...d.removed.map((key) => `- ${named(shape, key)}`),
        ...d.renamed.map((r) => `~ ${named(shape, r.old)} renamed to ${label(shape, r.new)}`),
        ...d.changed.map((c) => `~ ${named(shape, c.key)}: ${c.phrases.join(", ")}`),
    ];
    return [`${INDENT}${field}: ${counts.join(", ")}`, ...cut(elementLines, MAX_ELEMENT_LINES).map((l) => `${INDENT}${INDENT}${l}`)];
}

/** Element changes by key. */
interface ElementChanges {
    added: string[];
    removed: string[];
    renamed: { old: string; new: string }[];
    changed: { key: string; phrases: string[] }[];
}

function elementChanges(shape: CollectionShape, olds: unknown, news: unknown): ElementChanges {
    const d = keyedDiff(asArray(olds), asArray(news), (e) => shape.key(e), {
        canonical: shape.canonical,
        detectRenames: shape.renames === true,
        keyProperty: shape.keyProperty,
    });
    // A renamed element's references (children's parent, next sibling) follow it: not a move.
    const renamedTo = new Map(d.renamed.map((r) => [shape.key(r.old), shape.key(r.new)]));
    const changed = d.changed
        .map((c) => ({ key: shape.key(c.new), phrases: objectPhrases(shape, canonicalOf(shape, c.old), canonicalOf(shape, c.new), renamedTo) }))
        .filter((c) => c.phrases.length > 0);
    const keys = (items: unknown[]) => items.map((e) => shape.key(e));
    return { added: keys(d.added), removed: keys(d.removed), renamed: d.renamed.map((r) => ({ old: shape.key(r.old), new: shape.key(r.new) })), changed };
}

/** Said of a changed element whose former content is known only by its digest. */
export const CONTENT_CHANGED = "content changed";

/**
 * The same changes from stored digests (provider/element-digests.ts). What changed inside an
 * element is named from its previous declaration when that matches the stored digest (as it does
 * unless the service changed behind the state's back), else the element reads "content changed".
 */
function digestedChanges(shape: CollectionShape, stored: string, news: unknown, previous: () => unknown): ElementChanges {
    const identity = shape.identity ?? shape;
    const d = diffDigests(identity, decodeDigests(identity, stored), asArray(news), true);
    if (shape.renames !== true) {
        d.added.push(...d.renamed.map((r) => r.element));
        d.removed.push(...d.renamed.map((r) => r.from));
        d.renamed = [];
    }
    const renamedTo = new Map(d.renamed.map((r) => [r.from, shape.key(r.element)]));
    let previousByKey: Map<string, unknown> | undefined;
    const formerContent = (key: string, digest: ElementDigest): Bag | undefined => {
        previousByKey ??= new Map(asArray(previous()).map((e) => [shape.key(e), e]));
        const former = previousByKey.get(key);
        if (former === undefined || digestOf(identity, former).hash !== digest.hash) return undefined;
        // Content as declared, position as stored (the service may have moved it since).
        const content = { ...canonicalOf(shape, former) };
        for (const field of shape.position ?? []) {
            if (digest.position[field] === undefined) delete content[field];
            else content[field] = digest.position[field];
        }
        return content;
    };
    const changed = d.changed.map(({ key, stored: digest, element }) => {
        const former = formerContent(key, digest);
        if (former) return { key, phrases: objectPhrases(shape, former, canonicalOf(shape, element), renamedTo) };
        const now = digestOf(identity, element);
        const moved = (shape.position ?? []).some((f) => (renamedTo.get(digest.position[f] ?? "") ?? digest.position[f]) !== now.position[f]);
        return { key, phrases: [...(moved ? ["moved"] : []), ...(now.hash !== digest.hash ? [CONTENT_CHANGED] : [])] };
    }).filter((c) => c.phrases.length > 0);
    return {
        added: d.added.map((e) => shape.key(e)),
        removed: d.removed,
        renamed: d.renamed.map((r) => ({ old: r.from, new: shape.key(r.element) })),
        changed,
    };
}

/** What changed inside one element (or object), as short phrases. */
function objectPhrases(shape: ObjectShape & Partial<CollectionShape>, olds: Bag, news: Bag, renamedTo = new Map<string, string>()): string[] {
    const fields = [...new Set([...Object.keys(news), ...Object.keys(olds)])].filter((f) => f !== shape.keyProperty && !shape.ignored?.includes(f));
    const phrases: string[] = [];
    let moved = false;
    for (const field of fields) {
        if (shape.position?.includes(field)) {
            const before = typeof olds[field] === "string" ? renamedTo.get(olds[field] as string) ?? olds[field] : olds[field];
            if (!deepEqual(before, news[field])) moved = true;
            continue;
        }
        if (deepEqual(olds[field], news[field])) continue;
        phrases.push(...fieldPhrases(field, shape, olds, news));
    }
    if (moved) phrases.unshift("moved");
    return cut(phrases, MAX_PHRASES);
}

/** Phrases for one changed field of an object, by its declared shape. */
function fieldPhrases(field: string, shape: ObjectShape, olds: Bag, news: Bag): string[] {
    const fieldShape: FieldShape | undefined = shape.fields?.[field];
    if (fieldShape && isCollection(fieldShape)) return nestedCollectionPhrases(fieldShape, olds[field], news[field]);
    if (fieldShape) {
        return objectPhrases(fieldShape, asObject(olds[field]), asObject(news[field])).map((p) => `${field}.${p}`);
    }
    if (shape.shown?.includes(field)) return [`${field} ${show(olds[field])} -> ${show(news[field])}`];
    return changedPaths(field, olds[field], news[field]);
}

/** Inside an element: named elements one by one (`value phone +1 synonym`), others counted (`+2 examples`). */
function nestedCollectionPhrases(shape: CollectionShape, olds: unknown, news: unknown): string[] {
    const d = elementChanges(shape, olds, news);
    if (shape.named) {
        return [
            ...d.added.map((key) => `+${named(shape, key)}`),
            ...d.removed.map((key) => `-${named(shape, key)}`),
            ...d.renamed.map((r) => `${named(shape, r.old)} renamed to ${label(shape, r.new)}`),
            ...d.changed.map((c) => `${named(shape, c.key)} ${c.phrases.join(", ")}`),
        ];
    }
    return countPhrases(shape, d);
}

function countPhrases(shape: CollectionShape, d: ElementChanges): string[] {
    return [
        d.added.length > 0 ? `+${count(d.added.length, shape)}` : "",
        d.removed.length > 0 ? `-${count(d.removed.length, shape)}` : "",
        d.renamed.length > 0 ? `${count(d.renamed.length, shape)} renamed` : "",
        d.changed.length > 0 ? `${count(d.changed.length, shape)} changed` : "",
    ].filter(Boolean);
}

/** A field named by where it changed: the field itself for plain values, the inner paths for JSON. */
function changedPaths(field: string, olds: unknown, news: unknown): string[] {
    if (!isStructured(olds) || !isStructured(news)) return [field];
    const paths = new Set<string>();
    for (const d of deepDiff(olds, news) ?? []) {
        const at = [...(d.path ?? []), ...(d.kind === "A" ? [d.index] : [])];
        paths.add(field + at.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join(""));
    }
    return cut(paths.size > 0 ? [...paths] : [field], MAX_PHRASES);
}

function callLines(calls: string[]): string[] {
    if (calls.length === 0) return [];
    const grouped = new Map<string, number>();
    for (const call of calls) grouped.set(call, (grouped.get(call) ?? 0) + 1);
    const lines = [...grouped].map(([call, n]) => (isApiCall(call) ? `${n} x ${call}` : call));
    return [`${INDENT}API calls:`, ...lines.map((l) => `${INDENT}${INDENT}${l}`)];
}

function isApiCall(entry: string): boolean {
    return /^(GET|POST|PUT|PATCH|DELETE) \//.test(entry);
}

/** The first `max` entries and, if there are more, how many were left out. */
export function cut(items: string[], max: number): string[] {
    return items.length <= max ? items : [...items.slice(0, max), `... ${items.length - max} more`];
}

function named(shape: CollectionShape, key: string): string {
    return `${shape.noun} ${label(shape, key)}`;
}

function label(shape: CollectionShape, key: string): string {
    const text = shape.label ? shape.label(key) : key;
    return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 3)}...` : text;
}

function count(n: number, shape: CollectionShape): string {
    return `${n} ${n === 1 ? shape.noun : plural(shape)}`;
}

function plural(shape: CollectionShape): string {
    return shape.plural ?? `${shape.noun}s`;
}

function canonicalOf(shape: CollectionShape, element: unknown): Bag {
    return asObject(shape.canonical ? shape.canonical(element) : element);
}

/** Values the engine does not know yet (preview), as they read in a title. */
function namingUnknowns<T>(value: T): T {
    if (value === UNKNOWN) return KNOWN_LATER as T;
    if (Array.isArray(value)) return value.map(namingUnknowns) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, namingUnknowns(v)])) as T;
    return value;
}

const KNOWN_LATER = "(known later)";

function show(value: unknown): string {
    if (value === UNKNOWN) return KNOWN_LATER;
    if (value === undefined || value === null) return "(none)";
    return typeof value === "string" ? value : JSON.stringify(value);
}

function isStructured(value: unknown): boolean {
    return value !== null && typeof value === "object";
}

function asArray(value: unknown): any[] {
    return Array.isArray(value) ? value : [];
}

function asObject(value: unknown): Bag {
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Bag) : {};
}
