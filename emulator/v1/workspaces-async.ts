/**
 * /v1/workspaces_async: the same create, update and export as /v1/workspaces, answered with 202
 * (create, update) while the workspace trains; the export is the GET ?export=true view.
 */
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import type { V1Context } from "./model";
import { createWorkspace, getWorkspace, updateWorkspace } from "./workspaces";

const accepted = (response: EmulatorResponse): EmulatorResponse => ({ ...response, status: 202 });

export function createWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    return accepted(createWorkspace(req, ctx));
}

export function updateWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    return accepted(updateWorkspace(req, ctx));
}

export function exportWorkspaceAsync(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const query = new URLSearchParams(req.query);
    query.set("export", "true");
    return getWorkspace({ ...req, query }, ctx);
}
