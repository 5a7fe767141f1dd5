/** v1 bulk_classify and entity mentions: read-only views over a workspace's training data. */
import { apiError, notFound } from "../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import type { V1Context } from "./model";
import { paginate, queryFlag } from "../core/pagination";
import { bulkClassify, bulkClassifyViolations } from "../runtime/bulk-classify";
import { findByKey } from "./collection";
import { requireWorkspace } from "./store";
import { requireBodyObject } from "./validation";
import { exportWorkspaceJson } from "./workspaces";

export function bulkClassifyWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const body = requireBodyObject(req.body ?? {});
    const violations = bulkClassifyViolations(body.input);
    if (violations.length > 0) throw apiError(400, violations[0].message, violations);
    return { status: 200, body: { output: bulkClassify(exportWorkspaceJson(ctx, workspace.workspace_id), body.input, ctx.now()) } };
}

/** Every example that mentions the entity, in intent then example order. */
export function listMentions(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    if (!findByKey(workspace.entities, "entity", req.params.entity)) throw notFound(`Entity not found: ${req.params.entity}`);
    const includeAudit = queryFlag(req, "include_audit");
    const mentions = workspace.intents.flatMap((intent) =>
        intent.examples.flatMap((example) =>
            (example.mentions ?? [])
                .filter((mention) => mention.entity === req.params.entity)
                .map((mention) => ({
                    text: example.text,
                    intent: intent.intent,
                    location: [...mention.location],
                    ...(includeAudit ? { created: example.created, updated: example.updated } : {}),
                })),
        ),
    );
    const page = paginate(mentions, req, { sortKeys: {} });
    return { status: 200, body: { examples: page.items, pagination: page.pagination } };
}
