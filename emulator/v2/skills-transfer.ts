/** Whole-assistant skill content rules: whether an export must wait, skills_import. */
import { conflict } from "../core/errors";
import { type AssistantRecord, draftEnvironment, startWork, type V2Context, workStatus } from "./model";
import { applySkillContent, checkSkillFields } from "./skills";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody } from "./validate";

/** Whether a skill update or import runs (skills_export answers 202 Processing then). */
export function skillsBusy(ctx: V2Context, assistant: AssistantRecord): boolean {
    return workStatus(ctx, assistant.skills_import) === "Processing" || assistant.skills.some((skill) => workStatus(ctx, skill.work) === "Processing");
}

/** Imports an export body into this assistant's skills (matched by type); one import at a time. */
export function importSkills(ctx: V2Context, assistant: AssistantRecord, rawBody: unknown): void {
    const body = objectBody(rawBody);
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
}
