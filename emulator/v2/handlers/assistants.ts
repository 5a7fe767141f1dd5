/** Assistant handlers: create, list, delete. */
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import { createAssistant, deleteAssistant } from "../assistants";
import type { V2Context } from "../model";
import { assistantView } from "../views";

export function postAssistant(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: assistantView(createAssistant(ctx, req.body), false) };
}

export function listAssistants(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(ctx.state.v2.assistants, req, {
        sortKeys: { name: (assistant) => assistant.name ?? "", updated: (assistant) => assistant.updated },
    });
    return { status: 200, body: { assistants: page.items.map((a) => assistantView(a, includeAudit)), pagination: page.pagination } };
}

export function removeAssistant(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    deleteAssistant(ctx, req.params.assistant_id);
    return { status: 200, body: {} };
}
