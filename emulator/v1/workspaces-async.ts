/**
 * /v1/workspaces_async: the same create, update and export as /v1/workspaces, answered with 202
 * (create, update) while the workspace trains; the export is the GET ?export=true view.
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { createWorkspace, getWorkspace, updateWorkspace } from "./workspaces";

const accepted = (response: EmulatorResponse): EmulatorResponse => ({ ...response, status: 202 });

export function createWorkspaceAsync(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    return accepted(createWorkspace(req, ctx));
}

export function updateWorkspaceAsync(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    return accepted(updateWorkspace(req, ctx));
}

export function exportWorkspaceAsync(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const query = new URLSearchParams(req.query);
    query.set("export", "true");
    return getWorkspace({ ...req, query }, ctx);
}
