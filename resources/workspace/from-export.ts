/**
 * fromWorkspaceExport: a skill JSON exported from the tooling or from
 * `GET /v1/workspaces/{id}?export=true` -> Workspace inputs, so that a deployment repo can keep
 * the exported file in git and deploy it. Every historical shape is accepted (export-shapes.ts:
 * nulls as absent, 2017-02-03 fields mapped). Read-only fields (workspace_id, status, created,
 * updated, counts) and the provider's creation marker in metadata are dropped; everything else
 * maps field for field (camelCase, free-form parts untouched), and all four collections become owned.
 */
import { FREE_FORM_KEYS, fromApi } from "../../provider/casing";
import { exportKind, parseExport, wrongKind } from "../exports/kind";
import type { WorkspaceArgs } from ".";
import { currentShape, isObject, withoutNulls } from "./export-shapes";
import { withoutCreationToken } from "./mapping";

const FN = "fromWorkspaceExport";

const READ_ONLY = new Set(["workspace_id", "status", "status_errors", "status_description", "created", "updated", "counts", "pagination", "skill_id", "assistant_id"]);

const ELEMENT_READ_ONLY = new Set(["created", "updated"]);

/** Audit fields of elements and subelements (examples, values); free-form parts are not touched. */
function withoutAudit(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutAudit);
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !ELEMENT_READ_ONLY.has(k)).map(([k, v]) => [k, FREE_FORM_KEYS.includes(k) ? v : withoutAudit(v)]));
}

export function fromWorkspaceExport(json: string | Record<string, unknown>): WorkspaceArgs {
    const exported = parseExport(FN, json);
    const kind = exportKind(exported);
    if (kind !== "workspace") throw wrongKind(FN, kind);
    const problems: string[] = [];
    const current = currentShape(withoutNulls(exported) as Record<string, unknown>, problems);
    if (problems.length > 0) throw new Error(`${FN}: ${problems.join("; ")}`);
    const content: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(current)) {
        if (READ_ONLY.has(key)) continue;
        content[key] = ["intents", "entities", "dialog_nodes", "counterexamples"].includes(key) ? withoutAudit(value) : value;
    }
    if (content.metadata) content.metadata = withoutCreationToken(content.metadata as Record<string, unknown>);
    const args = fromApi<WorkspaceArgs & Record<string, unknown>>(content);
    for (const collection of ["intents", "entities", "dialogNodes", "counterexamples"] as const) {
        if (args[collection] === undefined) args[collection] = [];
    }
    return args;
}
