/** Shared plumbing of the v1 rules: finding a workspace, stamping changes, patching fields. */
import type { V1Context, WorkspaceRecord } from "./model";
import { isoNow } from "../core/clock";
import { notFound } from "../core/errors";

export function requireWorkspace(ctx: V1Context, workspaceId: string): WorkspaceRecord {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    if (!workspace) throw notFound(`Workspace not found: ${workspaceId}`);
    return workspace;
}

/** Any content change bumps `updated` and the revision and starts a training period of asyncDelayMs. */
export function markChanged(ctx: V1Context, workspace: WorkspaceRecord, stamp = isoNow(ctx)): void {
    workspace.updated = stamp;
    workspace.revision = (workspace.revision ?? 0) + 1;
    workspace.training_until = ctx.now() + (ctx.options.asyncDelayMs ?? 0);
    delete workspace.status_errors;
}

/** Element updates patch: a field in the body replaces the stored one; a null one (checked to undefined) clears it. */
export function setOrClear<T extends object>(record: T, body: Record<string, any>, field: keyof T & string, value: unknown): void {
    if (!(field in body)) return;
    if (value === undefined) delete (record as any)[field];
    else (record as any)[field] = value;
}
