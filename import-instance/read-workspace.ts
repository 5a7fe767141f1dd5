/**
 * A v1 workspace's content, as `GET /v1/workspaces/{id}?export=true` would give it, read with the
 * calls that have the most room under the service's rate limits: the plain workspace read
 * (6,000 per 5 min) and one list per collection (1,000-2,500 per 30 min, intents and entities
 * with `export=true` for their examples and values), instead of the export read, which allows
 * only 20 per 30 minutes (shared/notes/service-limits.md): 25 workspaces cannot take that road.
 */
import type { ApiClient } from "../provider/http/client";
import { apiPath } from "../provider/http/path";
import { ELEMENT_KINDS } from "../resources/v1-elements/kinds";

export type WorkspaceExport = Record<string, unknown> & { workspace_id: string; name?: string };

/** Largest page the v1 lists accept: fewer calls per collection. */
const PAGE_LIMIT = 500;

export async function readWorkspaceContent(client: ApiClient, workspaceId: string): Promise<WorkspaceExport> {
    const workspace = await client.request<WorkspaceExport>({ method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}` });
    const content: WorkspaceExport = { ...workspace };
    for (const kind of ELEMENT_KINDS) {
        content[kind.apiCollection] = await client.paginate<unknown>({
            api: "v1",
            path: apiPath`/v1/workspaces/${workspaceId}/${kind.apiCollection}`,
            query: { page_limit: PAGE_LIMIT, ...(kind.exportOnGet ? { export: true } : {}) },
            itemsKey: kind.apiCollection,
        });
    }
    return content;
}
