/**
 * The asynchronous workspace methods (/v1/workspaces_async, ibm-watson 12.x): a create or update is
 * checked completely when accepted (a bad body is refused at once, as the synchronous call refuses
 * it) and applied once the emulator's async delay has passed; until then the workspace is
 * `Processing`. An export is prepared for the same delay. Due work is applied before any v1 request
 * reads the state (settleDueWrites), so every read sees what the service would show.
 */
import { ApiProblem, conflict } from "../core/errors";
import { copyJson } from "../core/json";
import type { V1Context, WorkspaceRecord } from "./model";
import { requireWorkspace } from "./store";
import * as rules from "./workspaces";
import { requireBodyObject } from "./validation";

const dueAt = (ctx: V1Context) => ctx.now() + (ctx.options.asyncDelayMs ?? 0);

/** A workspace that is still `Processing` takes no second whole-workspace write. */
function refuseWhileProcessing(workspace: WorkspaceRecord): void {
    if (workspace.pending) {
        throw conflict(`Workspace ${workspace.workspace_id} is Processing an asynchronous operation; send the next one once its status is no longer Processing`);
    }
}

/** POST /v1/workspaces_async: the workspace exists at once (scalars only, `Processing`); its content follows. */
export function createWorkspaceAsync(ctx: V1Context, rawBody: unknown, request: rules.RequestFacts): WorkspaceRecord {
    const body = requireBodyObject(rawBody);
    rules.checkWorkspaceBody(ctx, body, request);
    const scalars = Object.fromEntries(Object.entries(body).filter(([field]) => !rules.isCollection(field)));
    const workspace = rules.createWorkspace(ctx, scalars, request);
    workspace.pending = { body: copyJson(body), append: false, ...request, due: dueAt(ctx) };
    return workspace;
}

/**
 * POST /v1/workspaces_async/{id}: checked against a copy of the workspace now, applied when due.
 * Returns that copy as updated (`Processing`), what the answer shows; the workspace itself is unchanged.
 */
export function updateWorkspaceAsync(ctx: V1Context, workspaceId: string, rawBody: unknown, append: boolean, request: rules.RequestFacts): WorkspaceRecord {
    const workspace = requireWorkspace(ctx, workspaceId);
    refuseWhileProcessing(workspace);
    const body = requireBodyObject(rawBody);
    const scratch: V1Context = { ...ctx, state: { v1: { workspaces: { [workspaceId]: copyJson(workspace) } } } };
    const preview = rules.updateWorkspace(scratch, workspaceId, body, append, request);
    workspace.pending = { body: copyJson(body), append, ...request, due: dueAt(ctx) };
    return { ...preview, pending: workspace.pending };
}

/** The synchronous update's guard: it waits for an accepted async write like the async update does. */
export function checkNotProcessing(ctx: V1Context, workspaceId: string): void {
    refuseWhileProcessing(requireWorkspace(ctx, workspaceId));
}

/**
 * Applies every pending write whose time has come. One that no longer applies (an element added
 * meanwhile collides with an append) leaves the workspace `Failed` with its `status_errors`.
 */
export function settleDueWrites(ctx: V1Context): void {
    const now = ctx.now();
    for (const workspace of Object.values(ctx.state.v1.workspaces)) {
        const pending = workspace.pending;
        if (!pending || now < pending.due) continue;
        delete workspace.pending;
        try {
            rules.updateWorkspace(ctx, workspace.workspace_id, pending.body, pending.append, pending);
        } catch (err) {
            if (!(err instanceof ApiProblem)) throw err;
            workspace.status_errors = [{ message: err.message }, ...err.errors.filter((e) => e.message !== err.message).map((e) => ({ message: e.message }))];
        }
    }
}

/**
 * GET /v1/workspaces_async/{id}/export: the first call starts preparing the export of the current
 * content; until it is ready (and while a write is pending) the answer is the workspace with status
 * `Processing`; then the full export. A content change starts a new preparation.
 */
export function exportProgress(ctx: V1Context, workspaceId: string): { ready: boolean; workspace: WorkspaceRecord } {
    const workspace = requireWorkspace(ctx, workspaceId);
    const revision = workspace.revision ?? 0;
    if (!workspace.export_job || workspace.export_job.revision !== revision) {
        workspace.export_job = { ready_at: dueAt(ctx), revision };
    }
    return { ready: !workspace.pending && ctx.now() >= workspace.export_job.ready_at, workspace };
}
