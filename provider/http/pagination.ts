/**
 * Next-page computation for list endpoints. Pages carry `pagination.next_url` (a relative or
 * absolute URL with the cursor, page_limit and sort) and/or `pagination.next_cursor`. We keep our
 * own path and version and take only the query parameters from next_url, so a base URL with a path
 * (`/instances/<id>`) or an absolute next_url from a proxy cannot send us elsewhere.
 */

export type Query = Record<string, string | number | boolean | undefined>;

/** The query for the next page, or undefined on the last page. */
export function nextPageQuery(page: unknown, current: Query): Query | undefined {
    const pagination = (page as { pagination?: Record<string, unknown> } | undefined)?.pagination;
    if (!pagination || typeof pagination !== "object") return undefined;
    const nextUrl = pagination.next_url;
    if (typeof nextUrl === "string" && nextUrl.length > 0) {
        const params = new URL(nextUrl, "http://next.invalid").searchParams;
        const next: Query = { ...current };
        params.forEach((value, name) => {
            if (name !== "version") next[name] = value;
        });
        return next;
    }
    const nextCursor = pagination.next_cursor;
    if (typeof nextCursor === "string" && nextCursor.length > 0) return { ...current, cursor: nextCursor };
    return undefined;
}

/** The items of one page under `itemsKey`, with a clear error when the page has another shape. */
export function pageItems<T>(page: unknown, itemsKey: string, where: string): T[] {
    // A page without the array is not an empty list: treating it as one would make a read report
    // existing objects gone, and the next create would duplicate them.
    const items = page && typeof page === "object" ? (page as Record<string, unknown>)[itemsKey] : undefined;
    if (!Array.isArray(items)) throw new Error(`${where}: expected an array under "${itemsKey}" in the list response`);
    return items as T[];
}
