/**
 * The v1 authoring routes with their documented rate limits
 * (https://cloud.ibm.com/apidocs/assistant-v1#rate-limiting and each method's notes): whole-workspace writes 30 / 30 min, element reads 6000 / 5 min, element writes
 * 500-2000 / 30 min depending on the element. Synchronous workspace writes take at most 1.5 MB
 * (ibm-watson 12.x); larger bodies go through /v1/workspaces_async, up to the core's 50 MB.
 */
import type { Handler, HttpMethod, RateLimit, RouteDef } from "../core/http-types";
import { settleDueWrites } from "./async-workspaces";
import { counterexampleKind } from "./counterexamples";
import { dialogNodeKind } from "./dialog-nodes";
import { entityKind, synonymKind, valueKind } from "./entities";
import { type CrudHandlers, elementHandlers } from "./handlers/elements";
import { deleteUserData, listAllLogs, listWorkspaceLogs } from "./handlers/logs";
import { bulkClassifyWorkspace, listMentions, postMessage } from "./handlers/runtime";
import * as workspaces from "./handlers/workspaces";
import { exampleKind, intentKind } from "./intents";
import type { V1Slice } from "./model";

const HALF_HOUR = 1800;
const FIVE_MINUTES = 300;
/** Every single-element GET, workspaces included. */
const READ_ONE = { limit: 6000, windowSeconds: FIVE_MINUTES };

function route(
    method: HttpMethod,
    template: string,
    handler: Handler<V1Slice>,
    rateLimit: RouteDef<V1Slice>["rateLimit"],
    bodyLimit?: RouteDef<V1Slice>["bodyLimit"],
): RouteDef<V1Slice> {
    // Accepted async writes that are due are applied before any v1 request sees the state.
    const settled: Handler<V1Slice> = (req, ctx) => {
        settleDueWrites(ctx);
        return handler(req, ctx);
    };
    return { method, template, handler: settled, mutates: method !== "GET", rateLimit, ...(bodyLimit ? { bodyLimit } : {}) };
}

/** The synchronous create and update refuse more than 1.5 MB, naming the asynchronous method to use. */
export const SYNC_WORKSPACE_BYTES = 1_572_864;
const syncWorkspaceLimit = (asyncMethod: string) => {
    const message = `The workspace data cannot be larger than 1.5 MB (${SYNC_WORKSPACE_BYTES} bytes) in a synchronous request; for larger requests use the asynchronous method ${asyncMethod}`;
    return { bytes: SYNC_WORKSPACE_BYTES, message };
};

/**
 * One window per workspace operation, shared by its sync and async forms (the service counts a
 * method, and the async endpoints are the same methods); create, update and delete count apart.
 */
const workspaceWrites = (operation: "create" | "update" | "delete"): RateLimit => ({ limit: 30, windowSeconds: HALF_HOUR, bucket: `workspace ${operation}` });
/** GET workspace with export=true and the async export: 20 / 30 min, apart from plain reads. */
const WORKSPACE_EXPORT: RateLimit = { limit: 20, windowSeconds: HALF_HOUR, bucket: "workspace export" };
const workspaceRead = (query: URLSearchParams): RateLimit => (query.get("export") === "true" ? WORKSPACE_EXPORT : READ_ONE);

/**
 * List and create on `collection`, get / update / delete on `collection/{param}`; the list and
 * the writes have their own limits per half hour.
 */
function crudRoutes(collection: string, param: string, handlers: CrudHandlers, listLimit: number, writeLimit: number): RouteDef<V1Slice>[] {
    const one = `${collection}/{${param}}`;
    const list = { limit: listLimit, windowSeconds: HALF_HOUR };
    const write = { limit: writeLimit, windowSeconds: HALF_HOUR };
    return [
        route("GET", collection, handlers.list, list),
        route("POST", collection, handlers.create, write),
        route("GET", one, handlers.get, READ_ONE),
        route("POST", one, handlers.update, write),
        route("DELETE", one, handlers.delete, write),
    ];
}

const WS = "/v1/workspaces/{workspace_id}";
const INTENT = `${WS}/intents/{intent}`;
const ENTITY = `${WS}/entities/{entity}`;
const VALUE = `${ENTITY}/values/{value}`;

export const v1Routes: RouteDef<V1Slice>[] = [
    route("GET", "/v1/workspaces", workspaces.listWorkspaces, { limit: 500, windowSeconds: HALF_HOUR }),
    route("POST", "/v1/workspaces", workspaces.createWorkspace, workspaceWrites("create"), syncWorkspaceLimit("POST /v1/workspaces_async")),
    route("GET", WS, workspaces.getWorkspace, workspaceRead),
    route("POST", WS, workspaces.updateWorkspace, workspaceWrites("update"), syncWorkspaceLimit("POST /v1/workspaces_async/{workspace_id}")),
    route("DELETE", WS, workspaces.deleteWorkspace, workspaceWrites("delete")),
    ...crudRoutes(`${WS}/intents`, "intent", elementHandlers(intentKind), 2000, 2000),
    ...crudRoutes(`${INTENT}/examples`, "text", elementHandlers(exampleKind), 2500, 1000),
    ...crudRoutes(`${WS}/counterexamples`, "text", elementHandlers(counterexampleKind), 2500, 1000),
    ...crudRoutes(`${WS}/entities`, "entity", elementHandlers(entityKind), 1000, 1000),
    ...crudRoutes(`${ENTITY}/values`, "value", elementHandlers(valueKind), 2500, 1000),
    ...crudRoutes(`${VALUE}/synonyms`, "synonym", elementHandlers(synonymKind), 2500, 1000),
    ...crudRoutes(`${WS}/dialog_nodes`, "dialog_node", elementHandlers(dialogNodeKind), 2500, 500),
    route("GET", `${ENTITY}/mentions`, listMentions, { limit: 200, windowSeconds: HALF_HOUR }),
    // Message has no rate limit ("There is no rate limit for this operation."); it writes the log.
    route("POST", `${WS}/message`, postMessage, undefined),
    route("POST", `${WS}/bulk_classify`, bulkClassifyWorkspace, { limit: 20, windowSeconds: 60 }),
    // Documented 40 / 30 min without cursor (120 / min with one): a route has one limit.
    route("GET", `${WS}/logs`, listWorkspaceLogs, { limit: 40, windowSeconds: HALF_HOUR }),
    route("GET", "/v1/logs", listAllLogs, { limit: 40, windowSeconds: HALF_HOUR }),
    route("POST", "/v1/workspaces_async", workspaces.createWorkspaceAsync, workspaceWrites("create")),
    route("POST", "/v1/workspaces_async/{workspace_id}", workspaces.updateWorkspaceAsync, workspaceWrites("update")),
    route("GET", "/v1/workspaces_async/{workspace_id}/export", workspaces.exportWorkspaceAsync, WORKSPACE_EXPORT),
    route("DELETE", "/v1/user_data", deleteUserData, { limit: 4, windowSeconds: 60 }),
];
