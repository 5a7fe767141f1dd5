/** Assistant rules: create (with draft/live environments and action/dialog skills), delete. */
import { isoNow } from "../core/clock";
import { Violations } from "../core/violations";
import { createDialogWorkspace, deleteDialogWorkspace } from "./dialog-workspaces";
import { newEnvironment, skillReferenceName } from "./environments";
import { type AssistantRecord, findAssistant, type SkillRecord, type V2Context } from "./model";
import { objectBody, textField } from "./validate";

const LANGUAGE = /^[a-z]{2}(-[a-z]{2,4})?$/;

export function createAssistant(ctx: V2Context, rawBody: unknown): AssistantRecord {
    const body = objectBody(rawBody);
    const problems = new Violations();
    textField(problems, body, "name", 1, 64, { singleLine: true });
    textField(problems, body, "description", 1, 128, { singleLine: true });
    if (body.language !== undefined && (typeof body.language !== "string" || !LANGUAGE.test(body.language))) {
        problems.add("language", "language must be a language code such as en, fr or zh-cn");
    }
    problems.throwIfAny();

    const stamp = isoNow(ctx);
    const language: string = body.language ?? "en";
    const dialogSkillId = createDialogWorkspace(ctx, { name: body.name, description: body.description, language });
    const skill = (type: SkillRecord["type"], skillId: string): SkillRecord => ({
        skill_id: skillId,
        type,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        language,
        ...(type === "action" ? { workspace: {} } : {}),
        dialog_settings: {},
        next_snapshot_version: 1,
        created: stamp,
        updated: stamp,
    });
    const skills = [skill("action", ctx.newId()), skill("dialog", dialogSkillId)];
    const draft = newEnvironment(ctx, "draft", "draft");
    draft.skill_references = skills.map((s) => ({
        type: s.type,
        disabled: false,
        skill_id: s.skill_id,
        snapshot: "draft",
        skill_reference: skillReferenceName(s.type),
    }));
    const assistant: AssistantRecord = {
        assistant_id: ctx.newId(),
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        language,
        environments: [draft, newEnvironment(ctx, "live", "live")],
        skills,
        releases: [],
        next_release: 1,
        created: stamp,
        updated: stamp,
    };
    ctx.state.v2.assistants.push(assistant);
    return assistant;
}

/** Deletes the assistant with its environments, releases, skills and the dialog skill's workspace. */
export function deleteAssistant(ctx: V2Context, assistantId: string): void {
    const assistant = findAssistant(ctx, assistantId);
    for (const skill of assistant.skills) {
        if (skill.type === "dialog") deleteDialogWorkspace(ctx, skill.skill_id);
    }
    ctx.state.v2.assistants = ctx.state.v2.assistants.filter((candidate) => candidate !== assistant);
}
