/** GET /v2/assistants/{environment_id}/logs, DELETE /v2/user_data and bulk_classify of a skill. */
import { badRequest } from "../../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { compileLogFilter } from "../../core/log-filter";
import { paginate } from "../../core/pagination";
import { classifySkill } from "../bulk-classify";
import { deleteV2UserData } from "../logs";
import type { LogRecord, V2Context } from "../model";
import { logsOf, resolveRuntimeTarget } from "../runtime-model";

function logView({ environment_id: _environment, ...log }: LogRecord) {
    return log;
}

export function listLogs(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const { environment } = resolveRuntimeTarget(ctx, req.params.assistant_id);
    const matches = compileLogFilter(req.query.get("filter"), { "response.top_intent": "response.output.intents.0.intent" });
    const logs = logsOf(ctx).filter((log) => log.environment_id === environment.environment_id && matches(log));
    const page = paginate(logs, req, { sortKeys: { request_timestamp: (log) => log.request_timestamp } });
    const { refresh_url: _refresh, refresh_cursor: _cursor, total: _total, ...pagination } = page.pagination;
    return { status: 200, body: { logs: page.items.map(logView), pagination: { ...pagination, matched: logs.length } } };
}

export function deleteUserData(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const customerId = req.query.get("customer_id");
    if (!customerId) throw badRequest("No customer ID found in the request", "customer_id");
    deleteV2UserData(ctx, customerId);
    return { status: 202, body: {} };
}

export function bulkClassifySkill(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: { output: classifySkill(ctx, req.params.skill_id, req.body) } };
}
