/**
 * Whole-workspace handlers: list, create, get (export / include_audit / sort=stable), update,
 * delete, and /v1/workspaces_async (create and update answered 202 with the workspace
 * `Processing`; the export `Processing` until it is prepared).
 */
import { badRequest } from "../../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import type { V1Context, WorkspaceRecord } from "../model";
import { requireWorkspace } from "../store";
import { workspaceView } from "../workspace-views";
import * as rules from "../workspaces";
import * as asyncRules from "../async-workspaces";

/** What a create or update request says besides its body. */
function requestFacts(req: EmulatorRequest): rules.RequestFacts {
    const raw = req.headers["x-watson-learning-opt-out"];
    const header = Array.isArray(raw) ? raw[0] : raw;
    return { optOutHeader: header === undefined ? undefined : header.toLowerCase() === "true", versionDate: req.query.get("version") ?? undefined };
}

const workspaceSortKeys = {
    name: (w: WorkspaceRecord) => w.name ?? "",
    updated: (w: WorkspaceRecord) => w.updated,
};

/**
 * Create and update responses carry metadata.api_version (major v1, minor = the request's version
 * date), as the service fills it in (IBM's SDK tests expect it). It is added to the response only,
 * not stored, so GET and exports return the metadata exactly as sent.
 */
function withApiVersion(view: any, req: EmulatorRequest): any {
    const api_version = { major_version: "v1", minor_version: req.query.get("version") };
    return { ...view, metadata: { ...(view.metadata ?? {}), api_version } };
}

export function listWorkspaces(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const flags = { export: false, audit: queryFlag(req, "include_audit") };
    const page = paginate(Object.values(ctx.state.v1.workspaces), req, { sortKeys: workspaceSortKeys });
    return { status: 200, body: { workspaces: page.items.map((w) => workspaceView(ctx, w, flags)), pagination: page.pagination } };
}

export function createWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = rules.createWorkspace(ctx, req.body ?? {}, requestFacts(req));
    // Read after the create, as ever: a bad include_audit answers 400 with the workspace created.
    const audit = queryFlag(req, "include_audit");
    return { status: 201, body: withApiVersion(workspaceView(ctx, workspace, { export: false, audit }), req) };
}

/** sort=stable or none. */
function stableSort(req: EmulatorRequest): boolean {
    const sort = req.query.get("sort");
    if (sort !== null && sort !== "" && sort !== "stable") throw badRequest(`Invalid sort value ${sort}; supported: stable`, "sort");
    return sort === "stable";
}

export function getWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = { export: queryFlag(req, "export"), audit: queryFlag(req, "include_audit") };
    return { status: 200, body: workspaceView(ctx, workspace, flags, stableSort(req)) };
}

export function updateWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const append = queryFlag(req, "append");
    asyncRules.checkNotProcessing(ctx, req.params.workspace_id);
    const workspace = rules.updateWorkspace(ctx, req.params.workspace_id, req.body ?? {}, append, requestFacts(req));
    return { status: 200, body: withApiVersion(workspaceView(ctx, workspace, { export: false, audit: queryFlag(req, "include_audit") }), req) };
}

export function deleteWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    requireWorkspace(ctx, req.params.workspace_id);
    rules.deleteWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: {} };
}

export function createWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = asyncRules.createWorkspaceAsync(ctx, req.body ?? {}, requestFacts(req));
    return { status: 202, body: withApiVersion(workspaceView(ctx, workspace, { export: false, audit: queryFlag(req, "include_audit") }), req) };
}

export function updateWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const append = queryFlag(req, "append");
    const workspace = asyncRules.updateWorkspaceAsync(ctx, req.params.workspace_id, req.body ?? {}, append, requestFacts(req));
    return { status: 202, body: withApiVersion(workspaceView(ctx, workspace, { export: false, audit: queryFlag(req, "include_audit") }), req) };
}

/**
 * The workspace with status `Processing` while the export is prepared, then the export as
 * GET ?export=true gives it (include_audit, sort=stable), with `counts` when verbose=true.
 */
export function exportWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const audit = queryFlag(req, "include_audit");
    const stable = stableSort(req);
    const verbose = queryFlag(req, "verbose");
    const { ready, workspace } = asyncRules.exportProgress(ctx, req.params.workspace_id);
    if (!ready) return { status: 200, body: { ...workspaceView(ctx, workspace, { export: false, audit }), status: "Processing" } };
    const view = workspaceView(ctx, workspace, { export: true, audit }, stable);
    if (verbose) view.counts = { intent: workspace.intents.length, entity: workspace.entities.length, node: workspace.dialog_nodes.length };
    return { status: 200, body: view };
}
