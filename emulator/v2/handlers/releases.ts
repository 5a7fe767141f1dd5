/** Release handlers: create (202 while it builds), list, get, delete, deploy. */
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { paginate, queryFlag } from "../../core/pagination";
import { findAssistant, type V2Context } from "../model";
import { createRelease, deleteRelease, deployRelease, findRelease } from "../releases";
import { environmentView, releaseView } from "../views";

export function postRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const release = createRelease(ctx, req.params.assistant_id, req.body);
    return { status: 202, body: { status: "Processing", release: release.release } };
}

export function listReleases(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(assistant.releases, req, {
        sortKeys: { name: (release) => Number(release.release), updated: (release) => release.updated },
    });
    return {
        status: 200,
        body: { releases: page.items.map((r) => releaseView(ctx, assistant, r, includeAudit)), pagination: page.pagination },
    };
}

export function getRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    return { status: 200, body: releaseView(ctx, assistant, release, queryFlag(req, "include_audit")) };
}

export function removeRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    deleteRelease(ctx, req.params.assistant_id, req.params.release);
    return { status: 200, body: {} };
}

export function postDeploy(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    const environment = deployRelease(ctx, assistant, release, req.body);
    // Read after the deploy, as ever: a bad include_audit answers 400 with the release deployed.
    return { status: 200, body: environmentView(assistant, environment, queryFlag(req, "include_audit")) };
}
