/** v1 bulk_classify and entity mentions: read-only rules over a workspace's training data. */
import { apiError, notFound } from "../core/errors";
import { bulkClassify, bulkClassifyViolations } from "../runtime/bulk-classify";
import { findByKey } from "./collection";
import type { ExampleRecord, IntentRecord, Mention, V1Context, WorkspaceRecord } from "./model";
import { requireBodyObject } from "./validation";
import { exportWorkspace } from "./workspace-views";

export function classifyWorkspace(ctx: V1Context, workspace: WorkspaceRecord, rawBody: unknown): unknown {
    const body = requireBodyObject(rawBody ?? {});
    const violations = bulkClassifyViolations(body.input);
    if (violations.length > 0) throw apiError(400, violations[0].message, violations);
    return bulkClassify(exportWorkspace(ctx, workspace.workspace_id), body.input, ctx.now());
}

export interface MentionAt {
    mention: Mention;
    example: ExampleRecord;
    intent: IntentRecord;
}

/** Every example that mentions the entity, in intent then example order; 404 for an unknown entity. */
export function mentionsOf(workspace: WorkspaceRecord, entity: string): MentionAt[] {
    if (!findByKey(workspace.entities, "entity", entity)) throw notFound(`Entity not found: ${entity}`);
    return workspace.intents.flatMap((intent) =>
        intent.examples.flatMap((example) =>
            (example.mentions ?? []).filter((mention) => mention.entity === entity).map((mention) => ({ mention, example, intent })),
        ),
    );
}
