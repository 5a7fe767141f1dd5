/**
 * Skill JSON files -> Skill inputs. The actions tooling downloads an actions skill as one v2 skill
 * object (`name`, `type`, `language`, content in `workspace`...), the same object as each item of
 * a whole-assistant skills export (`GET /v2/assistants/{id}/skills_export`). fromSkillExport turns
 * one such object into Skill inputs for an existing skill; splitSkillsExport splits an export into
 * its skills. The content (`workspace`) is sent as it is, free-form.
 */
import { exportKind, parseExport, wrongKind } from "../exports/kind";
import type { SkillArgs } from ".";

/** One skill of an export or download, in the API's JSON shape. */
export interface ExportedSkill extends Record<string, unknown> {
    /** `action` or `dialog`. */
    type: "action" | "dialog";
    /** The skill's content (its workspace JSON), what Skill's `workspace` takes. */
    workspace?: Record<string, unknown>;
}

export interface SplitSkillsExport {
    /** The actions skill, when the export has one. */
    action?: ExportedSkill;
    /** The dialog skill, when the export has one; `dialog.workspace` also works with fromWorkspaceExport(). */
    dialog?: ExportedSkill;
    /** Whether each skill is disabled in the draft environment (`{ action_disabled, dialog_disabled }`). */
    assistantState?: Record<string, unknown>;
}

/** The skill being updated: the assistant's existing action or dialog skill. */
export interface SkillTarget {
    /** The assistant the skill belongs to. */
    assistantId: SkillArgs["assistantId"];
    /** The skill to set the export on, e.g. `assistant.actionSkillId`. */
    skillId: SkillArgs["skillId"];
}

/**
 * Skill inputs from a skill download (or one skill of a split export): its name, description and
 * content. Read-only fields (skill_id, assistant_id, status, created, updated...), `type` and
 * `language` (fixed when the assistant was created) and the internal `dialog_settings` are not inputs.
 */
export function fromSkillExport(json: string | object, target: SkillTarget): SkillArgs {
    const exported = parseExport("fromSkillExport", json);
    const kind = exportKind(exported);
    if (kind !== "action-skill" && kind !== "dialog-skill") throw wrongKind("fromSkillExport", kind);
    const skill = exported as ExportedSkill;
    const args: SkillArgs = { ...target, workspace: skill.workspace ?? {} };
    if (typeof skill.name === "string" && skill.name !== "") args.name = skill.name;
    if (typeof skill.description === "string" && skill.description !== "") args.description = skill.description;
    return args;
}

/** The skills of a whole-assistant skills export, by type. */
export function splitSkillsExport(json: string | object): SplitSkillsExport {
    const exported = parseExport("splitSkillsExport", json);
    const kind = exportKind(exported);
    if (kind !== "skills-export") throw wrongKind("splitSkillsExport", kind);
    const { assistant_skills: skills, assistant_state: state } = exported as { assistant_skills: unknown[]; assistant_state?: Record<string, unknown> };
    const split: SplitSkillsExport = state ? { assistantState: state } : {};
    skills.forEach((item, i) => {
        const type = (item as { type?: unknown } | null)?.type;
        if (type !== "action" && type !== "dialog") {
            throw new Error(`splitSkillsExport: assistant_skills[${i}].type must be "action" or "dialog" (search skills are not exported)`);
        }
        if (split[type]) throw new Error(`splitSkillsExport: assistant_skills[${i}] is a second ${type} skill`);
        split[type] = item as ExportedSkill;
    });
    return split;
}
