/**
 * Per-element digests of keyed collections: what state keeps of a bulky collection instead of a
 * second copy of it (the inputs hold the content once). A digest says, per element key, a short
 * hash of the element's comparison form without its key and position fields, plus the position
 * fields by value (a dialog node's parent and previous sibling: the planner simulates where the
 * service keeps each node). That is enough to tell which elements were added, removed, renamed
 * (same hash under another key), moved or changed; the update itself carries the new content.
 *
 * Stored as text, one line per element in the order of the content it was taken from:
 * `key<TAB>hash[<TAB>position value...]`. Keys and ids never hold tabs or line breaks (the API's
 * character rules); `%`, tab and line breaks are escaped all the same. Text instead of nested
 * values: the engine's cost follows the number of values it carries, not their bytes.
 */
import { createHash } from "crypto";
import { stableJson } from "./values";

/** How the elements of a collection are told apart and compared. */
export interface ElementIdentity<E = any> {
    key(element: E): string;
    /** The property of the comparison form holding the key (left out of the hash, so renames match). */
    keyProperty?: string;
    /** Comparison form (sorted sets, defaults dropped). Default: the element itself. */
    canonical?(element: E): unknown;
    /** Fields that place the element (parent, previous sibling): kept by value, outside the hash. */
    position?: readonly string[];
}

export interface ElementDigest {
    hash: string;
    /** The identity's position fields, by name (absent ones undefined). */
    position: Record<string, string | undefined>;
}

/** Key -> digest, in the order of the content they were taken from. */
export type DigestMap = Map<string, ElementDigest>;

/** The output holding a collection's digests: `intents` -> `intentsDigests`. */
export const digestKey = (property: string) => `${property}Digests`;

/** 8 base64url characters (48 bits): a change of one element is never missed in practice. */
const HASH_LENGTH = 8;

const cache = new WeakMap<ElementIdentity, WeakMap<object, ElementDigest>>();

export function digestOf<E>(identity: ElementIdentity<E>, element: E): ElementDigest {
    let byElement = cache.get(identity);
    if (!byElement) cache.set(identity, (byElement = new WeakMap()));
    const cached = element && typeof element === "object" ? byElement.get(element as object) : undefined;
    if (cached) return cached;
    const form = (identity.canonical ? identity.canonical(element) : element) as Record<string, unknown>;
    const rest: Record<string, unknown> = { ...form };
    if (identity.keyProperty) delete rest[identity.keyProperty];
    const position: Record<string, string | undefined> = {};
    for (const field of identity.position ?? []) {
        position[field] = rest[field] === undefined || rest[field] === null ? undefined : String(rest[field]);
        delete rest[field];
    }
    const hash = createHash("sha256").update(stableJson(rest)).digest("base64url").slice(0, HASH_LENGTH);
    const digest = { hash, position };
    if (element && typeof element === "object") byElement.set(element as object, digest);
    return digest;
}

/** Digests of a collection; a later element with a key already seen is left out (check rejects duplicates). */
export function digestMap<E>(identity: ElementIdentity<E>, elements: readonly E[]): DigestMap {
    const map: DigestMap = new Map();
    for (const element of elements) {
        const key = identity.key(element);
        if (!map.has(key)) map.set(key, digestOf(identity, element));
    }
    return map;
}

const escape = (text: string) => text.replace(/[%\t\n\r]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
const unescape = (text: string) => (text.includes("%") ? text.replace(/%([0-9a-f]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))) : text);

export function encodeDigests(identity: ElementIdentity, map: DigestMap): string {
    const fields = identity.position ?? [];
    const lines: string[] = [];
    for (const [key, digest] of map) lines.push([escape(key), digest.hash, ...fields.map((f) => escape(digest.position[f] ?? ""))].join("\t"));
    return lines.join("\n");
}

export function decodeDigests(identity: ElementIdentity, text: string): DigestMap {
    const fields = identity.position ?? [];
    const map: DigestMap = new Map();
    if (text === "") return map;
    for (const line of text.split("\n")) {
        const [key, hash, ...values] = line.split("\t");
        const position: Record<string, string | undefined> = {};
        fields.forEach((f, i) => { position[f] = values[i] ? unescape(values[i]) : undefined; });
        map.set(unescape(key), { hash, position });
    }
    return map;
}

/** The digest text of a collection. */
export function digestText<E>(identity: ElementIdentity<E>, elements: readonly E[]): string {
    return encodeDigests(identity, digestMap(identity, elements));
}

export function samePosition(a: ElementDigest, b: ElementDigest): boolean {
    const fields = new Set([...Object.keys(a.position), ...Object.keys(b.position)]);
    for (const f of fields) if (a.position[f] !== b.position[f]) return false;
    return true;
}

/** Equal digests, order ignored. */
export function sameDigests(a: DigestMap, b: DigestMap): boolean {
    if (a.size !== b.size) return false;
    for (const [key, digest] of a) {
        const other = b.get(key);
        if (!other || other.hash !== digest.hash || !samePosition(digest, other)) return false;
    }
    return true;
}

export interface DigestDiff<E> {
    /** In the new list order. */
    added: E[];
    /** Keys, in the stored order. */
    removed: string[];
    /** Same key, other hash (or, when positions count, another position). */
    changed: { key: string; stored: ElementDigest; element: E }[];
    /** A removed and an added element with the same hash (and position, when positions count). */
    renamed: { from: string; stored: ElementDigest; element: E }[];
}

/**
 * Stored digests against declared elements. `withPosition`: whether a position change makes an
 * element changed (the summary) or is left to the caller (the dialog planner simulates moves).
 */
export function diffDigests<E>(identity: ElementIdentity<E>, stored: DigestMap, elements: readonly E[], withPosition: boolean): DigestDiff<E> {
    const news = new Map<string, E>();
    for (const element of elements) {
        const key = identity.key(element);
        if (!news.has(key)) news.set(key, element);
    }
    const same = (a: ElementDigest, b: ElementDigest) => a.hash === b.hash && (!withPosition || samePosition(a, b));
    const result: DigestDiff<E> = { added: [], removed: [], changed: [], renamed: [] };
    const addedCandidates: [string, E][] = [];
    for (const [key, element] of news) {
        const old = stored.get(key);
        if (!old) addedCandidates.push([key, element]);
        else if (!same(old, digestOf(identity, element))) result.changed.push({ key, stored: old, element });
    }
    const removedBySignature = new Map<string, string[]>();
    const signature = (d: ElementDigest) => (withPosition ? `${d.hash}\t${stableJson(d.position)}` : d.hash);
    for (const [key, digest] of stored) {
        if (news.has(key)) continue;
        const sig = signature(digest);
        removedBySignature.set(sig, [...(removedBySignature.get(sig) ?? []), key]);
    }
    const renamedFrom = new Set<string>();
    for (const [, element] of addedCandidates) {
        const from = removedBySignature.get(signature(digestOf(identity, element)))?.shift();
        if (from === undefined) result.added.push(element);
        else {
            renamedFrom.add(from);
            result.renamed.push({ from, stored: stored.get(from)!, element });
        }
    }
    for (const key of stored.keys()) if (!news.has(key) && !renamedFrom.has(key)) result.removed.push(key);
    return result;
}
