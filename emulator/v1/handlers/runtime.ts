/** v1 message, bulk_classify and entity mentions. */
import { customerId } from "../../core/customer-id";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import { message } from "../message";
import type { V1Context } from "../model";
import { classifyWorkspace, mentionsOf } from "../runtime-extras";
import { requireWorkspace } from "../store";

export function postMessage(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const withDetails = queryFlag(req, "nodes_visited_details");
    const versionDate = req.query.get("version") ?? undefined;
    return { status: 200, body: message(ctx, workspace, req.body, { withDetails, customerId: customerId(req), versionDate }) };
}

export function bulkClassifyWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: { output: classifyWorkspace(ctx, workspace, req.body) } };
}

export function listMentions(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const mentions = mentionsOf(requireWorkspace(ctx, req.params.workspace_id), req.params.entity);
    const includeAudit = queryFlag(req, "include_audit");
    const views = mentions.map(({ mention, example, intent }) => ({
        text: example.text,
        intent: intent.intent,
        location: [...mention.location],
        ...(includeAudit ? { created: example.created, updated: example.updated } : {}),
    }));
    const page = paginate(views, req, { sortKeys: {} });
    return { status: 200, body: { examples: page.items, pagination: page.pagination } };
}
