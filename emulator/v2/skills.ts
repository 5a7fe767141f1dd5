/** Skill rules: status, asynchronous update. A dialog skill's content is its v1 workspace. */
import { badRequest, notFound } from "../core/errors";
import { type AssistantRecord, type SkillRecord, startWork, type V2Context, workStatus } from "./model";
import { isoNow } from "../core/clock";
import { dialogWorkspaceStatus, renameDialogWorkspace, replaceDialogWorkspace } from "./dialog-workspaces";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField, textField } from "./validate";

export function findSkill(assistant: AssistantRecord, skillId: string): SkillRecord {
    const skill = assistant.skills.find((candidate) => candidate.skill_id === skillId);
    if (!skill) throw notFound(`Skill ${skillId} not found in assistant ${assistant.assistant_id}`);
    return skill;
}

/** Processing while an update runs, Failed after a failed one, else the content's own status. */
export function skillStatus(ctx: V2Context, skill: SkillRecord): string {
    const work = workStatus(ctx, skill.work);
    if (work === "Processing") return "Processing";
    if (work === "Failed") return "Failed";
    if (skill.type === "dialog") {
        const status = dialogWorkspaceStatus(ctx, skill.skill_id);
        return status === "Available" ? "Available" : status;
    }
    return "Available";
}

/** Checks the skill fields shared by Update skill and each item of Import skills. */
export function checkSkillFields(body: Record<string, any>, problems: Violations, prefix = ""): void {
    textField(problems, body, "name", 1, 64, { singleLine: true, prefix });
    textField(problems, body, "description", 1, 128, { singleLine: true, prefix });
    objectField(problems, body, "workspace", { prefix });
    objectField(problems, body, "dialog_settings", { prefix });
    if (body.search_settings !== undefined) {
        problems.add(`${prefix}search_settings`, "search_settings is supported only for search skills");
    }
}

/**
 * Applies new content and names to a skill. Dialog content is validated by the v1 rules before
 * anything changes, so an invalid workspace leaves the skill untouched.
 */
export function applySkillContent(ctx: V2Context, skill: SkillRecord, body: Record<string, any>): void {
    if (skill.type === "dialog") {
        if (isPlainObject(body.workspace)) {
            replaceDialogWorkspace(ctx, skill.skill_id, {
                ...body.workspace,
                ...(body.name !== undefined ? { name: body.name } : {}),
                ...(body.description !== undefined ? { description: body.description } : {}),
            });
        } else {
            renameDialogWorkspace(ctx, skill.skill_id, { name: body.name, description: body.description });
        }
    } else if (isPlainObject(body.workspace)) {
        skill.workspace = body.workspace;
    }
    if (body.name !== undefined) skill.name = body.name;
    if (body.description !== undefined) skill.description = body.description;
    if (isPlainObject(body.dialog_settings)) skill.dialog_settings = body.dialog_settings;
    skill.updated = isoNow(ctx);
}

export function updateSkill(ctx: V2Context, skill: SkillRecord, rawBody: unknown): void {
    const body = objectBody(rawBody);
    const problems = new Violations();
    checkSkillFields(body, problems);
    problems.throwIfAny();
    if (body.language !== undefined && body.language !== skill.language) {
        throw badRequest("The language of a skill cannot be changed", "language");
    }
    // A failed update keeps the previous content, as a failed publish would.
    if (!ctx.state.v2.next_failures.skill) applySkillContent(ctx, skill, body);
    skill.work = startWork(ctx, "skill");
}
