// Stand-in used only while emulator/v1/workspaces.ts is missing (see ../v1-fallback.ts).
import type { EmulatorContext } from "../../../../emulator/core/types";

export function createWorkspaceFromBody(ctx: EmulatorContext, body: any): any {
    const workspace = { intents: [], entities: [], dialog_nodes: [], counterexamples: [], ...body, workspace_id: ctx.newId(), training_until: 0 };
    (ctx.state.v1.workspaces as any)[workspace.workspace_id] = workspace;
    return { workspace_id: workspace.workspace_id, name: body.name, language: body.language };
}

export function exportWorkspaceJson(ctx: EmulatorContext, workspaceId: string): any {
    const workspace = (ctx.state.v1.workspaces as any)[workspaceId];
    if (!workspace) return undefined;
    const { training_until: _ignored, ...rest } = workspace;
    return { ...rest, status: "Available" };
}

export function updateWorkspaceFromBody(ctx: EmulatorContext, workspaceId: string, body: any): void {
    Object.assign((ctx.state.v1.workspaces as any)[workspaceId], body);
}

export function statusOf(): string {
    return "Available";
}
