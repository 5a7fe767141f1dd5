/**
 * fromWorkspaceExport: a skill JSON exported from the tooling or from
 * `GET /v1/workspaces/{id}?export=true` -> Workspace inputs, so that a deployment repo can keep
 * the exported file in git and deploy it. Read-only fields (workspace_id, status, created,
 * updated, counts) and the provider's creation marker in metadata are dropped; everything else maps field for field (camelCase, free-form parts
 * untouched), and all four collections become owned.
 */
import { fromApi } from "../../provider/casing";
import type { WorkspaceArgs } from ".";
import { withoutCreationToken } from "./mapping";

const READ_ONLY = new Set(["workspace_id", "status", "status_errors", "status_description", "created", "updated", "counts", "pagination", "skill_id", "assistant_id"]);

const ELEMENT_READ_ONLY = new Set(["created", "updated"]);

function withoutAudit(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutAudit);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !ELEMENT_READ_ONLY.has(k)).map(([k, v]) => [k, k === "metadata" ? v : withoutAudit(v)]));
}

export function fromWorkspaceExport(json: string | Record<string, unknown>): WorkspaceArgs {
    const exported = typeof json === "string" ? JSON.parse(json) : json;
    if (!exported || typeof exported !== "object" || Array.isArray(exported)) {
        throw new Error("fromWorkspaceExport: expected a workspace JSON object");
    }
    const content: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exported)) {
        if (READ_ONLY.has(key) || value === null) continue;
        // Audit fields live on elements only; free-form parts (output, context, metadata) are not touched.
        content[key] = ["intents", "entities", "counterexamples"].includes(key) ? withoutAudit(value)
            : key === "dialog_nodes" ? (value as Record<string, unknown>[]).map(({ created: _c, updated: _u, ...node }) => node)
            : value;
    }
    if (content.metadata) content.metadata = withoutCreationToken(content.metadata as Record<string, unknown>);
    const args = fromApi<WorkspaceArgs & Record<string, unknown>>(content);
    for (const collection of ["intents", "entities", "dialogNodes", "counterexamples"] as const) {
        if (args[collection] === undefined) args[collection] = [];
    }
    return args;
}
