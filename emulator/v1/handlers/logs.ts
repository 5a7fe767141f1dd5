/** The v1 log lists (per workspace and account-wide) and DELETE /v1/user_data. */
import { badRequest } from "../../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { compileLogFilter } from "../../core/log-filter";
import { paginate } from "../../core/pagination";
import { deleteV1UserData, logsOf } from "../logs";
import type { V1Context, V1LogRecord } from "../model";
import { requireWorkspace } from "../store";

function page(req: EmulatorRequest, logs: V1LogRecord[]): EmulatorResponse {
    const matches = compileLogFilter(req.query.get("filter"), { "response.top_intent": "response.intents.0.intent" });
    const matched = logs.filter(matches);
    const { items, pagination } = paginate(matched, req, { sortKeys: { request_timestamp: (log) => log.request_timestamp } });
    return { status: 200, body: { logs: items, pagination } };
}

export function listWorkspaceLogs(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return page(req, logsOf(ctx).filter((log) => log.workspace_id === workspace.workspace_id));
}

/** GET /v1/logs requires a filter naming a language and a workspace_id or request.context.metadata.deployment. */
export function listAllLogs(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const filter = req.query.get("filter") ?? "";
    const names = (field: string) => new RegExp(`(^|,)\\s*${field.replace(/\./g, "\\.")}::`).test(filter);
    if (!names("language") || !(names("workspace_id") || names("request.context.metadata.deployment"))) {
        throw badRequest("filter must include language:: and workspace_id:: or request.context.metadata.deployment::", "filter");
    }
    return page(req, logsOf(ctx));
}

export function deleteUserData(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const customerId = req.query.get("customer_id");
    if (!customerId) throw badRequest("No customer ID found in the request", "customer_id");
    deleteV1UserData(ctx, customerId);
    return { status: 202, body: {} };
}
