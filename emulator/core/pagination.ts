import { ApiProblem, type EmulatorRequest } from "./types";

export interface PageOptions<T> {
    /** Allowed `sort` values (without the `-` prefix) and the key each sorts by. */
    sortKeys: Record<string, (item: T) => string | number>;
    /** Query parameters to carry into refresh_url / next_url besides version, page_limit, sort and cursor. */
    keep?: string[];
}

export interface Page<T> {
    items: T[];
    pagination: Record<string, unknown>;
}

const DEFAULT_PAGE_LIMIT = 100;

function encodeCursor(offset: number): string {
    return Buffer.from(JSON.stringify({ offset }), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
    try {
        const offset = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")).offset;
        if (Number.isInteger(offset) && offset >= 0) return offset;
    } catch {
        /* falls through */
    }
    throw new ApiProblem(400, `Invalid cursor: ${cursor}`, [{ message: "The cursor is not valid", path: "cursor" }]);
}

export function booleanQuery(req: EmulatorRequest, name: string): boolean {
    const value = req.query.get(name);
    if (value === null || value === "") return false;
    if (value === "true" || value === "false") return value === "true";
    throw new ApiProblem(400, `Invalid value for ${name}: "${value}"`, [{ message: `${name} must be true or false`, path: name }]);
}

/**
 * Pages a list with `page_limit` (default 100), `cursor`, `sort` (`-` reverses) and `include_count`.
 * refresh_url and next_url are relative to the service URL, as the service returns them
 * (e.g. `/v2/assistants?version=...&cursor=...`).
 */
export function paginate<T>(req: EmulatorRequest, all: T[], options: PageOptions<T>): Page<T> {
    const limitText = req.query.get("page_limit");
    const pageLimit = limitText === null || limitText === "" ? DEFAULT_PAGE_LIMIT : Number(limitText);
    if (!Number.isInteger(pageLimit) || pageLimit < 1) {
        throw new ApiProblem(400, `Invalid value for page_limit: "${limitText}"`, [
            { message: "page_limit must be a positive integer", path: "page_limit" },
        ]);
    }
    const sort = req.query.get("sort") ?? "";
    let items = all;
    if (sort !== "") {
        const descending = sort.startsWith("-");
        const keyName = descending ? sort.slice(1) : sort;
        const key = options.sortKeys[keyName];
        if (!key) {
            const allowed = Object.keys(options.sortKeys).join(", ");
            throw new ApiProblem(400, `Invalid value for sort: "${sort}"`, [{ message: `sort must be one of ${allowed} (optionally prefixed with -)`, path: "sort" }]);
        }
        items = [...all].sort((a, b) => {
            const [x, y] = [key(a), key(b)];
            const order = x < y ? -1 : x > y ? 1 : 0;
            return descending ? -order : order;
        });
    }
    const cursor = req.query.get("cursor");
    const offset = cursor ? decodeCursor(cursor) : 0;
    const page = items.slice(offset, offset + pageLimit);

    const urlFor = (cursorValue: string | undefined) => {
        const query = new URLSearchParams();
        for (const name of ["version", "page_limit", "sort", "include_count", "include_audit", ...(options.keep ?? [])]) {
            const value = req.query.get(name);
            if (value !== null) query.set(name, value);
        }
        if (cursorValue) query.set("cursor", cursorValue);
        return `${req.path}?${query.toString()}`;
    };
    const refreshCursor = offset > 0 ? encodeCursor(offset) : undefined;
    const pagination: Record<string, unknown> = { refresh_url: urlFor(refreshCursor) };
    if (refreshCursor) pagination.refresh_cursor = refreshCursor;
    if (offset + pageLimit < items.length) {
        const nextCursor = encodeCursor(offset + pageLimit);
        pagination.next_url = urlFor(nextCursor);
        pagination.next_cursor = nextCursor;
    }
    if (booleanQuery(req, "include_count")) {
        pagination.total = items.length;
        pagination.matched = items.length;
    }
    return { items: page, pagination };
}
