/** POST /v2/skills/{skill_id}/workspace/bulk_classify: the runtime classifier over a dialog skill. */
import { apiError, notFound } from "../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import type { V2Context } from "./model";
import { bulkClassify, bulkClassifyViolations } from "../runtime/bulk-classify";
import type { TrainingData } from "../runtime/types";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { objectBody } from "./validate";

export function bulkClassifySkill(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const skill = ctx.state.v2.assistants.flatMap((a) => a.skills).find((candidate) => candidate.skill_id === req.params.skill_id);
    if (!skill) throw notFound(`Skill ${req.params.skill_id} not found`);
    const body = objectBody(req.body);
    const violations = bulkClassifyViolations(body.input);
    if (violations.length > 0) throw apiError(400, violations[0].message, violations);
    const content: TrainingData = skill.type === "dialog" ? exportDialogWorkspace(ctx, skill.skill_id) ?? {} : skill.workspace ?? {};
    return { status: 200, body: { output: bulkClassify(content, body.input, ctx.now()) } };
}
