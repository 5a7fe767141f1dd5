/** Environment handlers: list, get, update. */
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import { findEnvironment, updateEnvironment } from "../environments";
import { findAssistant, type V2Context } from "../model";
import { environmentView } from "../views";

export function listEnvironments(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(assistant.environments, req, {
        sortKeys: { name: (environment) => environment.name, updated: (environment) => environment.updated },
    });
    return {
        status: 200,
        body: { environments: page.items.map((e) => environmentView(assistant, e, includeAudit)), pagination: page.pagination },
    };
}

export function getEnvironment(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const environment = findEnvironment(assistant, req.params.environment_id);
    return { status: 200, body: environmentView(assistant, environment, queryFlag(req, "include_audit")) };
}

export function postEnvironment(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const environment = updateEnvironment(ctx, req.params.assistant_id, req.params.environment_id, req.body);
    return { status: 200, body: environmentView(findAssistant(ctx, req.params.assistant_id), environment, false) };
}
