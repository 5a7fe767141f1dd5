/** Assistants: create (with draft/live environments and action/dialog skills), list, delete. */
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import { type AssistantRecord, findAssistant, type SkillRecord, type V2Context, withAudit } from "./model";
import { paginate, queryFlag } from "../core/pagination";
import { isoNow } from "../core/clock";
import { createDialogWorkspace, deleteDialogWorkspace } from "./dialog-workspaces";
import { newEnvironment, skillReferenceName } from "./environments";
import { Violations } from "../core/violations";
import { objectBody, textField } from "./validate";

const LANGUAGE = /^[a-z]{2}(-[a-z]{2,4})?$/;

export function assistantView(assistant: AssistantRecord, includeAudit: boolean) {
    const view = {
        ...(assistant.name !== undefined ? { name: assistant.name } : {}),
        language: assistant.language,
        ...(assistant.description !== undefined ? { description: assistant.description } : {}),
        assistant_id: assistant.assistant_id,
        assistant_skills: assistant.skills.map((skill) => ({ type: skill.type, skill_id: skill.skill_id })),
        assistant_environments: assistant.environments.map((environment) => ({
            name: environment.name,
            environment: environment.environment,
            environment_id: environment.environment_id,
        })),
    };
    return withAudit(view, assistant, includeAudit);
}

export function createAssistant(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const body = objectBody(req.body);
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
    return { status: 200, body: assistantView(assistant, false) };
}

export function listAssistants(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(ctx.state.v2.assistants, req, {
        sortKeys: { name: (assistant) => assistant.name ?? "", updated: (assistant) => assistant.updated },
    });
    return { status: 200, body: { assistants: page.items.map((a) => assistantView(a, includeAudit)), pagination: page.pagination } };
}

/** Deletes the assistant with its environments, releases, skills and the dialog skill's workspace. */
export function deleteAssistant(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    for (const skill of assistant.skills) {
        if (skill.type === "dialog") deleteDialogWorkspace(ctx, skill.skill_id);
    }
    ctx.state.v2.assistants = ctx.state.v2.assistants.filter((candidate) => candidate !== assistant);
    return { status: 200, body: {} };
}
