/**
 * What an environment runs: the draft environment runs the skills' current content (the dialog
 * skill's v1 workspace, the actions skill's JSON); any other environment runs the snapshots of the
 * release deployed to it. Skills disabled in the environment are left out.
 */
import type { V2Context } from "./model";
import type { AssistantContent } from "../runtime/assistant";
import type { LogMessage } from "../runtime/types";
import { exportDialogWorkspace } from "./dialog-workspaces";
import type { RuntimeTarget } from "./runtime-model";

export interface RunnableContent {
    content: AssistantContent;
    /** skill_id and snapshot of the dialog skill, for logs. */
    dialogSkill?: { skill_id: string; snapshot: string };
    log: LogMessage[];
}

export function environmentContent(ctx: V2Context, { assistant, environment }: RuntimeTarget): RunnableContent {
    const enabled = environment.skill_references.filter((reference) => !reference.disabled);
    const result: RunnableContent = { content: {}, log: [] };
    if (environment.environment === "draft") {
        for (const reference of enabled) {
            const skill = assistant.skills.find((candidate) => candidate.skill_id === reference.skill_id);
            if (skill?.type === "dialog") {
                result.content.dialog = exportDialogWorkspace(ctx, skill.skill_id) ?? {};
                result.dialogSkill = { skill_id: skill.skill_id, snapshot: "draft" };
            } else if (skill?.type === "action") {
                result.content.actions = skill.workspace ?? {};
            }
        }
        return result;
    }
    const release = assistant.releases.find((candidate) => candidate.release === environment.release_reference?.release);
    if (!release) {
        result.log.push({ level: "warn", code: "no_release_deployed", msg: `Environment ${environment.name} has no deployed release (or it was deleted); nothing runs` });
        return result;
    }
    for (const snapshot of release.skills) {
        if (!enabled.some((reference) => reference.skill_id === snapshot.skill_id)) continue;
        if (snapshot.type === "dialog") {
            result.content.dialog = (snapshot.content ?? {}) as AssistantContent["dialog"];
            result.dialogSkill = { skill_id: snapshot.skill_id, snapshot: snapshot.snapshot };
        } else {
            result.content.actions = (snapshot.content ?? {}) as AssistantContent["actions"];
        }
    }
    return result;
}
