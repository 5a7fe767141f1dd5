/** The response shapes of a whole workspace: the plain view, the export, sort=stable. */
import type { V1Context, WorkspaceRecord } from "./model";
import { counterexampleView, dialogNodeView, entityView, intentView, type ViewFlags } from "./views";
import { statusOf } from "./workspaces";

const byKey = <T>(keyOf: (item: T) => string) => (a: T, b: T) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
};

/** sort=stable: every collection alphabetically by its key (synonyms by text), for stable diffs. */
function sortStable(view: any): void {
    view.intents.sort(byKey((i: any) => i.intent));
    for (const intent of view.intents) intent.examples.sort(byKey((e: any) => e.text));
    view.entities.sort(byKey((e: any) => e.entity));
    for (const entity of view.entities) {
        entity.values.sort(byKey((v: any) => v.value));
        for (const value of entity.values) value.synonyms?.sort();
    }
    view.counterexamples.sort(byKey((c: any) => c.text));
    view.dialog_nodes.sort(byKey((n: any) => n.dialog_node));
}

export function workspaceView(ctx: V1Context, workspace: WorkspaceRecord, flags: ViewFlags, stable = false): any {
    const view: any = { name: workspace.name, description: workspace.description, language: workspace.language };
    for (const field of ["metadata", "learning_opt_out", "system_settings", "webhooks"] as const) {
        if (workspace[field] !== undefined) view[field] = workspace[field];
    }
    view.workspace_id = workspace.workspace_id;
    view.status = statusOf(ctx, workspace);
    if (workspace.status_errors) view.status_errors = workspace.status_errors.map((error) => ({ ...error }));
    if (view.name === undefined) delete view.name;
    if (view.description === undefined) delete view.description;
    if (flags.audit) {
        view.created = workspace.created;
        view.updated = workspace.updated;
    }
    if (flags.export) {
        view.intents = workspace.intents.map((i) => intentView(i, flags));
        view.entities = workspace.entities.map((e) => entityView(e, flags));
        view.dialog_nodes = workspace.dialog_nodes.map((n) => dialogNodeView(n, flags));
        view.counterexamples = workspace.counterexamples.map((c) => counterexampleView(c, flags));
        if (stable) sortStable(view);
    }
    return view;
}

/** The GET ?export=true JSON (workspace_id and status included, no audit fields); undefined if absent. */
export function exportWorkspace(ctx: V1Context, workspaceId: string): any | undefined {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    return workspace ? workspaceView(ctx, workspace, { export: true, audit: false }) : undefined;
}
