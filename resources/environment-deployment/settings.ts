/** Environment settings: camelCase inputs <-> the API's snake_case environment body. */
import { withoutUndefined } from "../../provider/values";
import type { ApiSkillReference, EnvironmentData } from "../v2-common/api-types";

/** One skill reference of an environment. */
export interface SkillReferenceInput {
    /** The skill's id. */
    skillId: string;
    /** `action`, `dialog` or `search`. */
    type?: "action" | "dialog" | "search";
    /** Whether the skill is disabled in the environment. */
    disabled?: boolean;
    /** The skill snapshot the environment runs. */
    snapshot?: string;
    /** The skill reference (the API's `skill_reference`). */
    skillReference?: string;
}

/** Orchestration settings of an environment. */
export interface OrchestrationSettings {
    /** Fall back to the search skill when no action matches. */
    searchSkillFallback?: boolean;
}

/** The settings an EnvironmentDeployment may manage; each is left as it is when omitted. */
export interface EnvironmentSettings {
    /** Environment name (1-64 characters). Updated in place; not managed when omitted. */
    name?: string;
    /** Environment description (1-128 characters). Updated in place; not managed when omitted. */
    description?: string;
    /** Session inactivity timeout in seconds (10-604800). Updated in place; not managed when omitted. */
    sessionTimeout?: number;
    /** Orchestration settings. Updated in place; not managed when omitted. */
    orchestration?: OrchestrationSettings;
    /**
     * The environment's complete skill references (sent whole). Updated in place; not managed when
     * omitted. Deploying a release sets the action/dialog snapshots, so declare this only to manage
     * e.g. a search skill.
     */
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
