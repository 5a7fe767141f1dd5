/**
 * O(1) lookups by natural key over the plain arrays kept in state. The index is a cache keyed by
 * the array's identity (so reloaded or replaced arrays simply get a fresh one); every mutation of
 * a keyed collection goes through these helpers so the cache never goes stale.
 */
const indexes = new WeakMap<object, Map<string, any>>();

function indexOf<T>(list: T[], key: keyof T): Map<string, T> {
    let index = indexes.get(list);
    if (!index) {
        index = new Map();
        for (const item of list) index.set(item[key] as unknown as string, item);
        indexes.set(list, index);
    }
    return index;
}

export function findByKey<T>(list: T[], key: keyof T, value: string): T | undefined {
    return indexOf(list, key).get(value);
}

export function addByKey<T>(list: T[], key: keyof T, item: T): void {
    list.push(item);
    // The item as stored, read back: under --data-dir that is the tracked view, so later changes through the index are saved.
    indexOf(list, key).set(item[key] as unknown as string, list[list.length - 1]);
}

export function removeByKey<T>(list: T[], key: keyof T, value: string): T | undefined {
    const index = indexOf(list, key);
    const item = index.get(value);
    if (item === undefined) return undefined;
    list.splice(list.indexOf(item), 1);
    index.delete(value);
    return item;
}

/** Removes many items in one pass (deleting a dialog subtree). */
export function removeAllByKey<T>(list: T[], key: keyof T, values: Set<string>): void {
    let kept = 0;
    for (const item of list) {
        if (!values.has(item[key] as unknown as string)) list[kept++] = item;
    }
    list.length = kept;
    const index = indexes.get(list);
    if (index) for (const value of values) index.delete(value);
}

/** Changes an item's key in place, keeping its position. */
export function renameByKey<T>(list: T[], key: keyof T, item: T, newValue: string): void {
    const index = indexOf(list, key);
    index.delete(item[key] as unknown as string);
    (item as any)[key] = newValue;
    index.set(newValue, item);
}

/** Duplicate keys inside one request body, reported as 400s by the caller. */
export function firstDuplicate<T>(list: T[], keyOf: (item: T) => string): { index: number; value: string } | undefined {
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
        const value = keyOf(list[i]);
        if (seen.has(value)) return { index: i, value };
        seen.add(value);
    }
    return undefined;
}
