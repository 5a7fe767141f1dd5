/** The response shapes of v2 records: audit fields only on request, write-only fields never. */
import { type AssistantRecord, draftEnvironment, type EnvironmentRecord, failureFields, type ProviderRecord, type ReleaseRecord, type SkillRecord, type TransferTask, type V2Context, workStatus } from "./model";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { skillStatus } from "./skills";

export function withAudit<T extends object>(view: T, record: { created: string; updated: string }, includeAudit: boolean) {
    return includeAudit ? { ...view, created: record.created, updated: record.updated } : view;
}

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

export function environmentView(assistant: AssistantRecord, environment: EnvironmentRecord, includeAudit: boolean) {
    const view = {
        name: environment.name,
        ...(environment.description !== undefined ? { description: environment.description } : {}),
        environment: environment.environment,
        assistant_id: assistant.assistant_id,
        environment_id: environment.environment_id,
        orchestration: environment.orchestration,
        session_timeout: environment.session_timeout,
        skill_references: environment.skill_references,
        ...(environment.release_reference ? { release_reference: environment.release_reference } : {}),
        integration_references: environment.integration_references,
    };
    return withAudit(view, environment, includeAudit);
}

export function releaseView(ctx: V2Context, assistant: AssistantRecord, release: ReleaseRecord, includeAudit: boolean) {
    const status = workStatus(ctx, release.work);
    let view: Record<string, unknown>;
    if (status === "Processing") {
        view = { status: "Processing", release: release.release };
    } else if (status === "Failed") {
        view = {
            status: "Failed",
            release: release.release,
            ...failureFields(ctx, release.work),
            ...(release.description !== undefined ? { description: release.description } : {}),
        };
    } else {
        view = {
            status: "Available",
            content: { skills: release.skills.map(({ type, skill_id, snapshot }) => ({ type, skill_id, snapshot })) },
            release: release.release,
            ...(release.description !== undefined ? { description: release.description } : {}),
            environment_references: assistant.environments
                .filter((environment) => environment.release_reference?.release === release.release)
                .map(({ name, environment, environment_id }) => ({ name, environment, environment_id })),
        };
    }
    return withAudit(view, release, includeAudit);
}

export function skillView(ctx: V2Context, assistant: AssistantRecord, skill: SkillRecord) {
    return {
        ...(skill.name !== undefined ? { name: skill.name } : {}),
        ...(skill.description !== undefined ? { description: skill.description } : {}),
        type: skill.type,
        valid: true,
        status: skillStatus(ctx, skill),
        ...failureFields(ctx, skill.work),
        language: skill.language,
        skill_id: skill.skill_id,
        assistant_id: assistant.assistant_id,
        workspace_id: skill.skill_id,
        environment_id: draftEnvironment(assistant).environment_id,
        dialog_settings: skill.dialog_settings,
        next_snapshot_version: String(skill.next_snapshot_version),
    };
}

/** The 202 answer of a skill update. */
export function skillUpdateView(assistant: AssistantRecord, skill: SkillRecord) {
    return {
        status: "Processing",
        skill_id: skill.skill_id,
        assistant_id: assistant.assistant_id,
        type: skill.type,
        language: skill.language,
        ...(skill.name !== undefined ? { name: skill.name } : {}),
        ...(skill.description !== undefined ? { description: skill.description } : {}),
    };
}

function isDisabled(assistant: AssistantRecord, type: string): boolean {
    const skill = assistant.skills.find((candidate) => candidate.type === type);
    const reference = draftEnvironment(assistant).skill_references.find((candidate) => candidate.skill_id === skill?.skill_id);
    return !reference || reference.disabled === true;
}

/** skills_export: every skill with its whole content, and which are disabled in the draft. */
export function skillsExportView(ctx: V2Context, assistant: AssistantRecord, includeAudit: boolean) {
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
        assistant_skills: assistantSkills,
        assistant_state: { action_disabled: isDisabled(assistant, "action"), dialog_disabled: isDisabled(assistant, "dialog") },
    };
}

export function skillsImportStatusView(ctx: V2Context, assistant: AssistantRecord) {
    const status = workStatus(ctx, assistant.skills_import);
    return {
        assistant_id: assistant.assistant_id,
        status: status === "Done" ? "Completed" : status,
        ...failureFields(ctx, assistant.skills_import),
    };
}

export function providerView(provider: ProviderRecord, includeAudit: boolean) {
    return withAudit({ provider_id: provider.provider_id, specification: provider.specification }, provider, includeAudit);
}

export function releaseExportView(ctx: V2Context, assistant: AssistantRecord, release: ReleaseRecord, task: TransferTask, includeAudit: boolean) {
    const status = workStatus(ctx, task.work) === "Processing" ? "Processing" : "Available";
    return withAudit({ status, task_id: task.task_id, assistant_id: assistant.assistant_id, release: release.release }, task, includeAudit);
}

/** `created`: the answer of the import call itself, which always says Processing. */
export function releaseImportView(ctx: V2Context, assistant: AssistantRecord, task: TransferTask, includeAudit: boolean, created: boolean) {
    const status = workStatus(ctx, task.work) === "Processing" ? "Processing" : "Completed";
    return withAudit(
        { status: created ? "Processing" : status, task_id: task.task_id, assistant_id: assistant.assistant_id, skill_impact_in_draft: task.skill_impact_in_draft },
        task,
        includeAudit,
    );
}
