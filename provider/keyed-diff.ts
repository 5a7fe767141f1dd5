/**
 * Element diff for collections with natural keys (intents by name, values by text, dialog nodes by
 * id...). Elements are compared through a canonical form (nested lists sorted by the caller, so
 * order the API does not keep never shows up as a change) serialized to JSON: equal strings mean
 * unchanged (property order is ignored through a key-sorted second look), and deep-diff runs only
 * on the elements that really differ.
 */
import { diff, Diff } from "deep-diff";
import { stableJson } from "./values";

export interface KeyedDiffOptions<T> {
    /** Comparison form of an element (e.g. nested lists sorted). Default: the element itself. */
    canonical?: (t: T) => unknown;
    /** Pair removed and added elements that differ only in their key (default true). */
    detectRenames?: boolean;
    /**
     * Property of the canonical form holding the key (e.g. "intent"). Rename detection then ignores
     * exactly that property; without it, any top-level property equal to the key is ignored.
     */
    keyProperty?: string;
}

export interface KeyedDiff<T> {
    /** In the new list order. */
    added: T[];
    /** In the old list order. */
    removed: T[];
    /** Same key, different content; `changes` are deep-diff records between the canonical forms. */
    changed: { old: T; new: T; changes: Diff<unknown>[] }[];
    /** Different key, otherwise identical: one update carrying the new key instead of delete + create. */
    renamed: { old: T; new: T }[];
    unchanged: T[];
}

interface Indexed<T> {
    item: T;
    key: string;
    canonical: unknown;
    /** Native JSON (property order as given): the cheap first comparison. */
    json: string;
    /** Key-sorted JSON, computed only when the native JSON differs. */
    stable?: string;
}

/** Later elements with an already seen key are ignored (check rejects duplicate keys: v1-elements/rules.ts). */
export function keyedDiff<T>(olds: T[] | undefined, news: T[] | undefined, key: (t: T) => string, opts: KeyedDiffOptions<T> = {}): KeyedDiff<T> {
    const canonical = opts.canonical ?? ((t: T) => t);
    const index = (items: T[] | undefined): Map<string, Indexed<T>> => {
        const map = new Map<string, Indexed<T>>();
        for (const item of items ?? []) {
            const k = key(item);
            if (map.has(k)) continue;
            const c = canonical(item);
            map.set(k, { item, key: k, canonical: c, json: JSON.stringify(c) ?? "null" });
        }
        return map;
    };
    const oldByKey = index(olds);
    const newByKey = index(news);

    const result: KeyedDiff<T> = { added: [], removed: [], changed: [], renamed: [], unchanged: [] };
    const addedCandidates: Indexed<T>[] = [];
    for (const n of newByKey.values()) {
        const o = oldByKey.get(n.key);
        if (!o) addedCandidates.push(n);
        else if (o.json === n.json || sortedJson(o) === sortedJson(n)) result.unchanged.push(n.item);
        else result.changed.push({ old: o.item, new: n.item, changes: diff(o.canonical, n.canonical) ?? [] });
    }
    const removedCandidates = [...oldByKey.values()].filter((o) => !newByKey.has(o.key));

    const renamedOld = new Set<Indexed<T>>();
    const renamedNew = new Set<Indexed<T>>();
    if (opts.detectRenames !== false && removedCandidates.length > 0 && addedCandidates.length > 0) {
        const bySignature = new Map<string, Indexed<T>[]>();
        for (const o of removedCandidates) {
            const sig = renameSignature(o, opts.keyProperty);
            bySignature.set(sig, [...(bySignature.get(sig) ?? []), o]);
        }
        for (const n of addedCandidates) {
            const match = bySignature.get(renameSignature(n, opts.keyProperty))?.shift();
            if (match) {
                renamedOld.add(match);
                renamedNew.add(n);
                result.renamed.push({ old: match.item, new: n.item });
            }
        }
    }
    result.added = addedCandidates.filter((n) => !renamedNew.has(n)).map((n) => n.item);
    result.removed = removedCandidates.filter((o) => !renamedOld.has(o)).map((o) => o.item);
    return result;
}

/** Keys that occur more than once, each reported once, in first-seen order. */
export function duplicateKeys<T>(items: T[] | undefined, key: (t: T) => string): string[] {
    const seen = new Set<string>();
    const dups = new Set<string>();
    for (const item of items ?? []) {
        const k = key(item);
        if (seen.has(k)) dups.add(k);
        else seen.add(k);
    }
    return [...dups];
}

/**
 * A copy of `items` sorted by a string key; handy inside `canonical` for order-insensitive lists.
 * Each key is computed once (canonical forms run on whole collections in diff).
 */
export function sortedBy<T>(items: T[] | undefined, key: (t: T) => string): T[] {
    return (items ?? [])
        .map((item) => ({ item, key: key(item) }))
        .sort((a, b) => compareStrings(a.key, b.key))
        .map((keyed) => keyed.item);
}

function sortedJson<T>(e: Indexed<T>): string {
    return (e.stable ??= stableJson(e.canonical));
}

const KEY_PLACEHOLDER = "\u0000key\u0000";

/** The canonical JSON with the key itself blanked out wherever it sits at the top level. */
function renameSignature<T>(e: Indexed<T>, keyProperty: string | undefined): string {
    const c = e.canonical;
    if (c === e.key) return JSON.stringify(KEY_PLACEHOLDER);
    if (!c || typeof c !== "object" || Array.isArray(c)) return sortedJson(e);
    const blanked: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c as Record<string, unknown>)) blanked[k] = (keyProperty ? k === keyProperty : v === e.key) ? KEY_PLACEHOLDER : v;
    return stableJson(blanked);
}

function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
