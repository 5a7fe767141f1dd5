/** Shared plumbing of the v1 handlers: finding a workspace, stamping changes, reading query flags. */
import { ApiProblem, type EmulatorContext, type EmulatorRequest } from "../core/types";
import type { WorkspaceRecord } from "./model";

export function isoNow(ctx: EmulatorContext): string {
    return new Date(ctx.now()).toISOString();
}

export function requireWorkspace(ctx: EmulatorContext, workspaceId: string): WorkspaceRecord {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    if (!workspace) throw notFound(`Workspace not found: ${workspaceId}`);
    return workspace;
}

export function notFound(message: string): ApiProblem {
    return new ApiProblem(404, message, [{ message }]);
}

export function conflict(message: string, path: string): ApiProblem {
    return new ApiProblem(409, message, [{ message, path }]);
}

export function badRequest(message: string, path: string): ApiProblem {
    return new ApiProblem(400, message, [{ message, path }]);
}

/** Any content change bumps `updated` and starts a training period of asyncDelayMs. */
export function markChanged(ctx: EmulatorContext, workspace: WorkspaceRecord, stamp = isoNow(ctx)): void {
    workspace.updated = stamp;
    workspace.training_until = ctx.now() + (ctx.options.asyncDelayMs ?? 0);
}

/** Boolean query parameters: absent means false; anything but true/false is a 400. */
export function queryFlag(req: EmulatorRequest, name: string): boolean {
    const raw = req.query.get(name);
    if (raw === null || raw === "") return false;
    if (raw === "true") return true;
    if (raw === "false") return false;
    throw badRequest(`Invalid value for query parameter ${name}: expected true or false`, name);
}

export interface ViewFlags {
    /** Include subelements (examples, values, synonyms). */
    export: boolean;
    /** Include created/updated. */
    audit: boolean;
}

export function viewFlags(req: EmulatorRequest, exportable = true): ViewFlags {
    return { export: exportable ? queryFlag(req, "export") : true, audit: queryFlag(req, "include_audit") };
}

/** Element updates patch: a field in the body replaces the stored one; a null one (checked to undefined) clears it. */
export function setOrClear<T extends object>(record: T, body: Record<string, any>, field: keyof T & string, value: unknown): void {
    if (!(field in body)) return;
    if (value === undefined) delete (record as any)[field];
    else (record as any)[field] = value;
}
