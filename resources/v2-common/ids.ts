/**
 * Composite resource ids for objects that only exist inside an assistant (`<assistantId>/<key>`).
 * Assistant ids are UUIDs and release numbers / environment ids contain no slash, so the first
 * slash separates the parts.
 */
export function joinId(assistantId: string, key: string): string {
    return `${assistantId}/${key}`;
}

export function splitId(id: string): { assistantId: string; key: string } {
    const slash = id.indexOf("/");
    if (slash <= 0 || slash === id.length - 1) throw new Error(`malformed resource id "${id}": expected <assistantId>/<key>`);
    return { assistantId: id.slice(0, slash), key: id.slice(slash + 1) };
}
