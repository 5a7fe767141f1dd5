/** Conversational skill provider handlers: create, list, update. */
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import type { V2Context } from "../model";
import { createProvider, updateProvider } from "../providers";
import { providerView } from "../views";

export function postProvider(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: providerView(createProvider(ctx, req.body), false) };
}

export function listProviders(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(ctx.state.v2.providers, req, {
        sortKeys: { name: (provider) => provider.provider_id, updated: (provider) => provider.updated },
    });
    return {
        status: 200,
        body: { conversational_skill_providers: page.items.map((p) => providerView(p, includeAudit)), pagination: page.pagination },
    };
}

export function postProviderUpdate(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    return { status: 200, body: providerView(updateProvider(ctx, req.params.provider_id, req.body), false) };
}
