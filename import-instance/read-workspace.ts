/**
 * A v1 workspace's content, as `GET /v1/workspaces/{id}?export=true` would give it, read with the
 * calls that have the most room under the service's rate limits: the plain workspace read
 * (6,000 per 5 min) and one list per collection (1,000-2,500 per 30 min, intents and entities
 * with `export=true` for their examples and values), instead of the export read, which allows
 * only 20 per 30 minutes (shared/notes/service-limits.md): 25 workspaces cannot take that road.
 *
 * Elements come in the order of `export=true&sort=stable` (every collection by its key), the
 * order tools keep skill JSON in git with, so that a re-import of unchanged content diffs empty.
 */
import type { ApiClient } from "../provider/http/client";
import { apiPath } from "../provider/http/path";
import { snakeCase } from "../provider/casing";
import { ELEMENT_KINDS } from "../resources/v1-elements/kinds";
import { collectionPath } from "../resources/v1-elements/element-client";

export type WorkspaceExport = Record<string, unknown> & { workspace_id: string; name?: string };

/** Large pages: fewer calls per collection (the lists follow cursors past it). */
const PAGE_LIMIT = 500;

export async function readWorkspaceContent(client: ApiClient, workspaceId: string): Promise<WorkspaceExport> {
    const workspace = await client.request<WorkspaceExport>({ method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}` });
    const content: WorkspaceExport = { ...workspace };
    for (const kind of ELEMENT_KINDS) {
        const elements = await client.paginate<Record<string, unknown>>({
            api: "v1",
            path: collectionPath(kind, workspaceId),
            bucket: kind.listBucket,
            query: { page_limit: PAGE_LIMIT, ...(kind.exportOnGet ? { export: true } : {}) },
            itemsKey: kind.apiCollection,
        });
        content[kind.apiCollection] = sortedBy(elements, snakeCase(kind.key)).map(withSortedParts);
    }
    return content;
}

/** Subelements in stable order too: examples by text, values by value, synonyms alphabetically. */
function withSortedParts(element: Record<string, unknown>): Record<string, unknown> {
    const sorted = { ...element };
    if (Array.isArray(element.examples)) sorted.examples = sortedBy(element.examples, "text");
    if (Array.isArray(element.values)) {
        sorted.values = sortedBy(element.values, "value").map((v) => (Array.isArray(v.synonyms) ? { ...v, synonyms: [...v.synonyms].sort() } : v));
    }
    return sorted;
}

function sortedBy<T extends Record<string, any>>(items: T[], key: string): T[] {
    return [...items].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
}
