/**
 * Paging, sorting and the `pagination` object of every v1 and v2 list. Cursors are opaque base64url
 * tokens of an offset; refresh_url / next_url are relative (path + query), as the service returns
 * them, and keep every query parameter of the request except the cursor.
 */
import { badRequest } from "./errors";
import type { EmulatorRequest } from "./http-types";

export interface ListSpec<T> {
    /** Sortable attributes by name (`-name` reverses, commas combine), e.g. { intent: (i) => i.intent }. */
    sortKeys: Record<string, (item: T) => string | number>;
    /** The sort applied without a `sort` parameter (e.g. "intent"); absent keeps the stored order. */
    defaultSort?: string;
}

export interface Page<T> {
    items: T[];
    pagination: Record<string, unknown>;
}

const DEFAULT_PAGE_LIMIT = 100;

/** Boolean query parameters: absent means false; anything but true/false is a 400. */
export function queryFlag(req: EmulatorRequest, name: string): boolean {
    const raw = req.query.get(name);
    if (raw === null || raw === "") return false;
    if (raw === "true") return true;
    if (raw === "false") return false;
    throw badRequest(`Invalid value for query parameter ${name}: expected true or false`, name);
}

function encodeCursor(offset: number): string {
    return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodeCursor(cursor: string): number {
    try {
        const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
        if (Number.isInteger(parsed?.offset) && parsed.offset >= 0) return parsed.offset;
    } catch {
        // fall through to the 400 below
    }
    throw badRequest("Invalid cursor", "cursor");
}

function pageLimit(req: EmulatorRequest): number {
    const raw = req.query.get("page_limit");
    if (raw === null || raw === "") return DEFAULT_PAGE_LIMIT;
    const limit = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(limit) || limit < 1) {
        throw badRequest("page_limit must be a positive integer", "page_limit");
    }
    return limit;
}

function sorted<T>(items: T[], req: EmulatorRequest, spec: ListSpec<T>): T[] {
    const requested = req.query.get("sort");
    const raw = requested === null || requested === "" ? spec.defaultSort : requested;
    if (raw === undefined) return items;
    const comparators = raw.split(",").map((term) => {
        const descending = term.startsWith("-");
        const name = descending ? term.slice(1) : term;
        const keyOf = spec.sortKeys[name];
        if (!keyOf) {
            throw badRequest(`Invalid sort attribute ${term}; supported: ${Object.keys(spec.sortKeys).join(", ")}`, "sort");
        }
        return { keyOf, sign: descending ? -1 : 1 };
    });
    return [...items].sort((a, b) => {
        for (const { keyOf, sign } of comparators) {
            const x = keyOf(a);
            const y = keyOf(b);
            if (x !== y) return x < y ? -sign : sign;
        }
        return 0;
    });
}

function urlWith(req: EmulatorRequest, cursor: string | undefined): string {
    const query = new URLSearchParams(req.query);
    query.delete("cursor");
    if (cursor !== undefined) query.set("cursor", cursor);
    const encodedPath = req.path.split("/").map((s) => encodeURIComponent(safeDecode(s))).join("/");
    return `${encodedPath}?${query.toString()}`;
}

function safeDecode(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}

/**
 * One page of `items` (already in default order) for this request: `page_limit` (default 100, no
 * maximum), `cursor`, `sort` and `include_count` (adds `total` and `matched`). Every query
 * parameter is checked before anything is returned.
 */
export function paginate<T>(items: T[], req: EmulatorRequest, spec: ListSpec<T>): Page<T> {
    const limit = pageLimit(req);
    const includeCount = queryFlag(req, "include_count");
    const rawCursor = req.query.get("cursor");
    const offset = rawCursor ? decodeCursor(rawCursor) : 0;
    const ordered = sorted(items, req, spec);
    const page = ordered.slice(offset, offset + limit);
    const pagination: Record<string, unknown> = { refresh_url: urlWith(req, rawCursor || undefined) };
    if (rawCursor) pagination.refresh_cursor = rawCursor;
    if (offset + limit < ordered.length) {
        const next = encodeCursor(offset + limit);
        pagination.next_url = urlWith(req, next);
        pagination.next_cursor = next;
    }
    if (includeCount) {
        pagination.total = ordered.length;
        pagination.matched = ordered.length;
    }
    return { items: page, pagination };
}
