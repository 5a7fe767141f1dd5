/** Wire shapes (snake_case) of the v2 objects the v2 resources read. Only the fields we use. */

export interface StatusError {
    message: string;
}

export interface EnvironmentReference {
    name: string;
    environment_id: string;
    environment: string;
}

export interface AssistantData {
    assistant_id: string;
    name?: string;
    description?: string;
    language?: string;
    assistant_skills?: { skill_id: string; type: string }[];
    assistant_environments?: EnvironmentReference[];
}

export interface ApiSkillReference {
    skill_id: string;
    type?: string;
    disabled?: boolean;
    snapshot?: string;
    skill_reference?: string;
}

export interface EnvironmentData {
    environment_id: string;
    name: string;
    description?: string;
    /** Type: draft, live or staging. */
    environment: string;
    session_timeout?: number | string;
    orchestration?: { search_skill_fallback?: boolean };
    skill_references?: ApiSkillReference[];
    release_reference?: { release?: string };
}

export interface ReleaseData {
    release: string;
    description?: string;
    status: string;
    status_description?: string;
    status_errors?: StatusError[];
    content?: { skills?: { skill_id: string; type: string; snapshot?: string }[] };
    environment_references?: EnvironmentReference[];
    created?: string;
}

export interface SkillData {
    skill_id: string;
    name?: string;
    description?: string;
    type?: string;
    language?: string;
    status?: string;
    status_description?: string;
    status_errors?: StatusError[];
    workspace?: Record<string, unknown>;
}

export interface ProviderData {
    provider_id: string;
    specification?: Record<string, unknown>;
}
