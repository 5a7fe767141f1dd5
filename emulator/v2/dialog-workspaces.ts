/**
 * The dialog skill of an assistant IS a v1 workspace (skill_id = workspace_id). Everything v2 does to
 * dialog content goes through the v1 rules, so v1 edits show up in releases.
 */
import type { V2Context } from "./model";
import { exportWorkspace } from "../v1/workspace-views";
import * as v1 from "../v1/workspaces";
import { settleDueWrites } from "../v1/async-workspaces";

/** Fields of an exported workspace that describe it rather than form its content. */
const READ_ONLY_FIELDS = ["workspace_id", "status", "status_errors", "status_description", "created", "updated", "skill_id", "counts"];

/** The collections that a whole-workspace replacement empties when the new content omits them. */
const COLLECTIONS = ["intents", "entities", "dialog_nodes", "counterexamples"];

export function createDialogWorkspace(ctx: V2Context, fields: { name?: string; description?: string; language: string }): string {
    const created = v1.createWorkspace(ctx, fields);
    return created.workspace_id;
}

export function exportDialogWorkspace(ctx: V2Context, workspaceId: string): Record<string, unknown> | undefined {
    // An async write to the workspace through v1 that is due shows up here too.
    settleDueWrites(ctx);
    return exportWorkspace(ctx, workspaceId);
}

/** Replaces the whole content (a skill update or import carries the complete workspace). */
export function replaceDialogWorkspace(ctx: V2Context, workspaceId: string, content: Record<string, unknown>): void {
    const body: Record<string, unknown> = {};
    for (const collection of COLLECTIONS) body[collection] = [];
    for (const [key, value] of Object.entries(content)) {
        if (!READ_ONLY_FIELDS.includes(key)) body[key] = value;
    }
    v1.updateWorkspace(ctx, workspaceId, body, false);
}

/** Name and description changes of the dialog skill are mirrored onto its workspace. */
export function renameDialogWorkspace(ctx: V2Context, workspaceId: string, fields: { name?: string; description?: string }): void {
    const body: Record<string, unknown> = {};
    if (fields.name !== undefined) body.name = fields.name;
    if (fields.description !== undefined) body.description = fields.description;
    if (Object.keys(body).length > 0) v1.updateWorkspace(ctx, workspaceId, body, false);
}

export function deleteDialogWorkspace(ctx: V2Context, workspaceId: string): void {
    v1.deleteWorkspace(ctx, workspaceId);
}

export function dialogWorkspaceStatus(ctx: V2Context, workspaceId: string): string {
    settleDueWrites(ctx);
    return v1.workspaceStatus(ctx, workspaceId);
}
