/** Skill handlers: get, update (202), skills_export, skills_import (202) and its status. */
import { notFound } from "../../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { queryFlag } from "../../core/pagination";
import { findAssistant, type V2Context } from "../model";
import { findSkill, updateSkill } from "../skills";
import { importSkills, skillsBusy } from "../skills-transfer";
import { skillsExportView, skillsImportStatusView, skillUpdateView, skillView } from "../views";

export function getSkill(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    return { status: 200, body: skillView(ctx, assistant, findSkill(assistant, req.params.skill_id)) };
}

export function postSkill(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const skill = findSkill(assistant, req.params.skill_id);
    updateSkill(ctx, skill, req.body);
    return { status: 202, body: skillUpdateView(assistant, skill) };
}

/** 202 Processing while a skill update or import runs; otherwise the exported skills at once. */
export function exportSkills(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    if (skillsBusy(ctx, assistant)) return { status: 202, body: { assistant_id: assistant.assistant_id, status: "Processing" } };
    return { status: 200, body: skillsExportView(ctx, assistant, queryFlag(req, "include_audit")) };
}

export function postSkillsImport(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    importSkills(ctx, assistant, req.body);
    return { status: 202, body: { assistant_id: assistant.assistant_id, status: "Processing" } };
}

export function importSkillsStatus(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    if (!assistant.skills_import) throw notFound(`No skills import was started for assistant ${assistant.assistant_id}`);
    return { status: 200, body: skillsImportStatusView(ctx, assistant) };
}
