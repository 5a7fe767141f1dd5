/**
 * What kind of skill file a JSON object is, so that a file given to the wrong function fails with
 * a message that names the file and the function that takes it. The shapes:
 * - a v1 workspace (dialog skill JSON, `GET /v1/workspaces/{id}?export=true`, any version);
 * - one v2 skill (`type` action or dialog, content in `workspace`): what the actions tooling
 *   downloads, and each item of a skills export;
 * - a whole-assistant skills export (`GET /v2/assistants/{id}/skills_export`: `assistant_skills`).
 */
export type ExportKind = "workspace" | "action-skill" | "dialog-skill" | "skills-export" | "unknown";

const DESCRIPTIONS: Record<ExportKind, string> = {
    "workspace": "a dialog skill (v1 workspace) JSON",
    "action-skill": "an actions skill JSON (type \"action\", content in workspace)",
    "dialog-skill": "a v2 dialog skill JSON (type \"dialog\", content in workspace)",
    "skills-export": "a whole-assistant skills export (assistant_skills, from GET /v2/assistants/{id}/skills_export)",
    "unknown": "not a skill JSON that this package knows",
};

/** Which function takes each kind, for the messages. */
const TAKEN_BY: Record<ExportKind, string> = {
    "workspace": "fromWorkspaceExport() (a Workspace), or fromSkillExport() after wrapping it as { type: \"dialog\", workspace }",
    "action-skill": "fromSkillExport() (a Skill)",
    "dialog-skill": "fromSkillExport() (a Skill), or fromWorkspaceExport() with its workspace property (a Workspace)",
    "skills-export": "splitSkillsExport(), then fromSkillExport() for each skill",
    "unknown": "fromWorkspaceExport() for a dialog skill JSON, fromSkillExport() for a skill download, splitSkillsExport() for a skills export",
};

const WORKSPACE_FIELDS = ["intents", "entities", "dialog_nodes", "counterexamples", "workspace_id", "system_settings"];

/** The kind of a skill file, given as its JSON text (what the other export functions take too) or parsed. */
export function exportKind(file: unknown): ExportKind {
    const value = typeof file === "string" ? parsedOrUndefined(file) : file;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return "unknown";
    const json = value as Record<string, unknown>;
    if (Array.isArray(json.assistant_skills)) return "skills-export";
    if (json.type === "action" && "workspace" in json) return "action-skill";
    if (json.type === "dialog" && "workspace" in json) return "dialog-skill";
    if (WORKSPACE_FIELDS.some((field) => field in json) || (typeof json.name === "string" && !("type" in json))) return "workspace";
    return "unknown";
}

function parsedOrUndefined(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** `fn: this file is X; use Y.` */
export function wrongKind(fn: string, kind: ExportKind): Error {
    return new Error(`${fn}: this file is ${DESCRIPTIONS[kind]}; use ${TAKEN_BY[kind]}`);
}

/** A JSON text or object, parsed. */
export function parseExport(fn: string, json: string | object): unknown {
    if (typeof json !== "string") return json;
    try {
        return JSON.parse(json);
    } catch (err) {
        throw new Error(`${fn}: the file is not valid JSON (${(err as Error).message})`);
    }
}
