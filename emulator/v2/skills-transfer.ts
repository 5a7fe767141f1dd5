/** Whole-assistant skill content: skills_export, skills_import and its status. */
import { conflict, notFound } from "../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import { type AssistantRecord, draftEnvironment, failureFields, findAssistant, startWork, type V2Context, withAudit, workStatus } from "./model";
import { queryFlag } from "../core/pagination";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { applySkillContent, checkSkillFields, skillStatus } from "./skills";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody } from "./validate";

function isDisabled(assistant: AssistantRecord, type: string): boolean {
    const skill = assistant.skills.find((candidate) => candidate.type === type);
    const reference = draftEnvironment(assistant).skill_references.find((candidate) => candidate.skill_id === skill?.skill_id);
    return !reference || reference.disabled === true;
}

function busy(ctx: V2Context, assistant: AssistantRecord): boolean {
    return workStatus(ctx, assistant.skills_import) === "Processing" || assistant.skills.some((skill) => workStatus(ctx, skill.work) === "Processing");
}

/** 202 Processing while a skill update or import runs; otherwise the exported skills at once. */
export function exportSkills(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    if (busy(ctx, assistant)) return { status: 202, body: { assistant_id: assistant.assistant_id, status: "Processing" } };
    const includeAudit = queryFlag(req, "include_audit");
    const assistantSkills = assistant.skills.map((skill) =>
        withAudit(
            {
                ...(skill.name !== undefined ? { name: skill.name } : {}),
                type: skill.type,
                status: skillStatus(ctx, skill),
                language: skill.language,
                skill_id: skill.skill_id,
                workspace: skill.type === "dialog" ? exportDialogWorkspace(ctx, skill.skill_id) ?? {} : skill.workspace ?? {},
                ...(skill.description !== undefined ? { description: skill.description } : {}),
                dialog_settings: skill.dialog_settings,
            },
            skill,
            includeAudit,
        ),
    );
    return {
        status: 200,
        body: {
            assistant_skills: assistantSkills,
            assistant_state: { action_disabled: isDisabled(assistant, "action"), dialog_disabled: isDisabled(assistant, "dialog") },
        },
    };
}

/** Imports an export body into this assistant's skills (matched by type); one import at a time. */
export function importSkills(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const body = objectBody(req.body);
    const problems = new Violations();
    const skills = body.assistant_skills;
    if (!Array.isArray(skills)) {
        problems.add("assistant_skills", "assistant_skills is required and must be an array");
    } else {
        const seenTypes = new Set<string>();
        skills.forEach((item: any, index: number) => {
            const prefix = `assistant_skills[${index}].`;
            if (!isPlainObject(item)) return problems.add(`assistant_skills[${index}]`, "Each skill must be an object");
            if (item.type !== "action" && item.type !== "dialog") problems.add(`${prefix}type`, `${prefix}type must be action or dialog`);
            else if (seenTypes.has(item.type)) problems.add(`${prefix}type`, `Only one ${item.type} skill can be imported`);
            seenTypes.add(item.type);
            if (typeof item.language !== "string") problems.add(`${prefix}language`, `${prefix}language is required`);
            else if (item.language !== assistant.language) problems.add(`${prefix}language`, `The skill language ${item.language} does not match the assistant language ${assistant.language}`);
            checkSkillFields(item, problems, prefix);
        });
    }
    const state = body.assistant_state;
    if (!isPlainObject(state)) problems.add("assistant_state", "assistant_state is required and must be an object");
    else {
        for (const flag of ["action_disabled", "dialog_disabled"]) {
            if (typeof state[flag] !== "boolean") problems.add(`assistant_state.${flag}`, `assistant_state.${flag} must be a boolean`);
        }
    }
    problems.throwIfAny();
    if (workStatus(ctx, assistant.skills_import) === "Processing") throw conflict("A skills import is already underway for this assistant");

    if (!ctx.state.v2.next_failures.import) {
        for (const item of skills as any[]) {
            const skill = assistant.skills.find((candidate) => candidate.type === item.type)!;
            // The export carries the whole content: an absent workspace means an empty one.
            applySkillContent(ctx, skill, { ...item, workspace: isPlainObject(item.workspace) ? item.workspace : {} });
        }
        for (const reference of draftEnvironment(assistant).skill_references) {
            if (reference.type === "action") reference.disabled = state.action_disabled;
            if (reference.type === "dialog") reference.disabled = state.dialog_disabled;
        }
    }
    assistant.skills_import = startWork(ctx, "import");
    for (const skill of assistant.skills) skill.work = { readyAt: assistant.skills_import.readyAt };
    return { status: 202, body: { assistant_id: assistant.assistant_id, status: "Processing" } };
}

export function importSkillsStatus(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    if (!assistant.skills_import) throw notFound(`No skills import was started for assistant ${assistant.assistant_id}`);
    const status = workStatus(ctx, assistant.skills_import);
    return {
        status: 200,
        body: {
            assistant_id: assistant.assistant_id,
            status: status === "Done" ? "Completed" : status,
            ...failureFields(ctx, assistant.skills_import),
        },
    };
}

