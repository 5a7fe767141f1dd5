/** Release rules: asynchronous create (snapshots the draft skills), delete, deploy. */
import { apiError, badRequest, conflict, notFound } from "../core/errors";
import { type AssistantRecord, draftEnvironment, type EnvironmentRecord, findAssistant, type ReleaseRecord, type ReleaseSkillSnapshot, startWork, type V2Context, workStatus } from "./model";
import { isoNow } from "../core/clock";
import { copyJson } from "../core/json";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { findEnvironment, skillReferenceName } from "./environments";
import { Violations } from "../core/violations";
import { objectBody, textField } from "./validate";

export function findRelease(assistant: AssistantRecord, release: string): ReleaseRecord {
    const found = assistant.releases.find((candidate) => candidate.release === release);
    if (!found) throw notFound(`Release ${release} not found in assistant ${assistant.assistant_id}`);
    return found;
}

/** Snapshots every skill that is enabled in the draft environment, numbering snapshots per skill. */
export function createRelease(ctx: V2Context, assistantId: string, rawBody: unknown): ReleaseRecord {
    const assistant = findAssistant(ctx, assistantId);
    const body = objectBody(rawBody);
    const problems = new Violations();
    textField(problems, body, "description", 1, 500);
    problems.throwIfAny();

    const draft = draftEnvironment(assistant);
    const snapshots: ReleaseSkillSnapshot[] = [];
    for (const reference of draft.skill_references) {
        const skill = assistant.skills.find((candidate) => candidate.skill_id === reference.skill_id);
        if (!skill || reference.disabled) continue;
        // A copy: the snapshot must not follow later edits of the draft skill (nor share the persistent store's views).
        const content = copyJson(skill.type === "dialog" ? exportDialogWorkspace(ctx, skill.skill_id) : (skill.workspace ?? {}));
        snapshots.push({ skill_id: skill.skill_id, type: skill.type, snapshot: String(skill.next_snapshot_version), content });
        skill.next_snapshot_version++;
    }
    const stamp = isoNow(ctx);
    const release: ReleaseRecord = {
        release: String(assistant.next_release++),
        ...(body.description !== undefined ? { description: body.description } : {}),
        work: startWork(ctx, "release"),
        skills: snapshots,
        created: stamp,
        updated: stamp,
    };
    assistant.releases.push(release);
    return release;
}

/**
 * Deleting a deployed release is allowed (there is no undeploy, so refusing would make it
 * undeletable): its environments keep running the deployed snapshots but lose `release_reference`.
 */
export function deleteRelease(ctx: V2Context, assistantId: string, releaseName: string): void {
    const assistant = findAssistant(ctx, assistantId);
    const release = findRelease(assistant, releaseName);
    for (const environment of assistant.environments) {
        if (environment.release_reference?.release === release.release) delete environment.release_reference;
    }
    assistant.releases = assistant.releases.filter((candidate) => candidate !== release);
}

/** Points the environment at the release and runs its snapshots there; returns the environment. */
export function deployRelease(ctx: V2Context, assistant: AssistantRecord, release: ReleaseRecord, rawBody: unknown): EnvironmentRecord {
    const body = objectBody(rawBody);
    if (typeof body.environment_id !== "string" || body.environment_id === "") {
        throw badRequest("environment_id is required", "environment_id");
    }
    const environment = findEnvironment(assistant, body.environment_id);
    if (environment.environment === "draft") {
        throw apiError(400, "Deploy to the draft environment is not permitted.", [
            { message: "Environment cannot be draft.", path: "environment_id" },
        ]);
    }
    const status = workStatus(ctx, release.work);
    if (status !== "Done") {
        const message = `Release ${release.release} cannot be deployed while its status is ${status === "Failed" ? "Failed" : "Processing"}`;
        throw conflict(message, "release");
    }
    environment.release_reference = { release: release.release };
    environment.skill_references = release.skills.map((snapshot) => ({
        type: snapshot.type,
        disabled: false,
        skill_id: snapshot.skill_id,
        snapshot: snapshot.snapshot,
        skill_reference: skillReferenceName(snapshot.type),
    }));
    environment.updated = isoNow(ctx);
    return environment;
}
