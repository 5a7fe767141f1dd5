/** Environment settings: camelCase inputs <-> the API's snake_case environment body. */
import { withoutUndefined } from "../../provider/values";
import type { ApiSkillReference, EnvironmentData } from "../v2-common/api-types";

export interface SkillReferenceInput {
    skillId: string;
    type?: "action" | "dialog" | "search";
    disabled?: boolean;
    snapshot?: string;
    skillReference?: string;
}

export interface EnvironmentSettings {
    name?: string;
    description?: string;
    sessionTimeout?: number;
    orchestration?: { searchSkillFallback?: boolean };
    skillReferences?: SkillReferenceInput[];
}

export const SETTING_NAMES = ["name", "description", "sessionTimeout", "orchestration", "skillReferences"] as const;

/** The update body for the declared settings (undefined ones are left as they are). */
export function settingsBody(settings: EnvironmentSettings): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (settings.name !== undefined) body.name = settings.name;
    if (settings.description !== undefined) body.description = settings.description;
    if (settings.sessionTimeout !== undefined) body.session_timeout = settings.sessionTimeout;
    if (settings.orchestration !== undefined) body.orchestration = { search_skill_fallback: settings.orchestration.searchSkillFallback };
    if (settings.skillReferences !== undefined) body.skill_references = settings.skillReferences.map(skillReferenceBody);
    return body;
}

/** The environment's live settings in input form. */
export function liveSettings(environment: EnvironmentData): EnvironmentSettings {
    const fallback = environment.orchestration?.search_skill_fallback;
    return {
        name: environment.name,
        description: environment.description,
        sessionTimeout: environment.session_timeout === undefined ? undefined : Number(environment.session_timeout),
        orchestration: fallback === undefined ? {} : { searchSkillFallback: fallback },
        skillReferences: (environment.skill_references ?? []).map(skillReferenceInput),
    };
}

function skillReferenceBody(ref: SkillReferenceInput): ApiSkillReference {
    return withoutUndefined({ skill_id: ref.skillId, type: ref.type, disabled: ref.disabled, snapshot: ref.snapshot, skill_reference: ref.skillReference });
}

function skillReferenceInput(ref: ApiSkillReference): SkillReferenceInput {
    return withoutUndefined({
        skillId: ref.skill_id,
        type: ref.type as SkillReferenceInput["type"],
        disabled: ref.disabled,
        snapshot: ref.snapshot,
        skillReference: ref.skill_reference,
    });
}
