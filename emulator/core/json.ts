/**
 * A deep copy of JSON data. Unlike structuredClone it also copies the persistent store's tracked
 * views of the state (proxies, which structuredClone refuses: "#<Object> could not be cloned").
 */
export function copyJson<T>(value: T): T {
    return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
