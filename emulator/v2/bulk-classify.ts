/** bulk_classify of a v2 skill (POST /v2/skills/{skill_id}/workspace/bulk_classify): the runtime classifier over its content. */
import { apiError, notFound } from "../core/errors";
import type { V2Context } from "./model";
import { bulkClassify, bulkClassifyViolations } from "../runtime/bulk-classify";
import type { TrainingData } from "../runtime/types";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { objectBody } from "./validate";

export function classifySkill(ctx: V2Context, skillId: string, rawBody: unknown): unknown {
    const skill = ctx.state.v2.assistants.flatMap((a) => a.skills).find((candidate) => candidate.skill_id === skillId);
    if (!skill) throw notFound(`Skill ${skillId} not found`);
    const body = objectBody(rawBody);
    const violations = bulkClassifyViolations(body.input);
    if (violations.length > 0) throw apiError(400, violations[0].message, violations);
    const content: TrainingData = skill.type === "dialog" ? exportDialogWorkspace(ctx, skill.skill_id) ?? {} : skill.workspace ?? {};
    return bulkClassify(content, body.input, ctx.now());
}
