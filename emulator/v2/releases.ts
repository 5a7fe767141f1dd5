/** Releases: asynchronous create (snapshots the draft skills), list, get, delete, deploy. */
import { apiError, badRequest, conflict, notFound } from "../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import { type AssistantRecord, draftEnvironment, failureFields, findAssistant, type ReleaseRecord, type ReleaseSkillSnapshot, startWork, type V2Context, withAudit, workStatus } from "./model";
import { paginate, queryFlag } from "../core/pagination";
import { isoNow } from "../core/clock";
import { exportDialogWorkspace } from "./dialog-workspaces";
import { environmentView, findEnvironment, skillReferenceName } from "./environments";
import { Violations } from "../core/violations";
import { objectBody, textField } from "./validate";

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

export function findRelease(assistant: AssistantRecord, release: string): ReleaseRecord {
    const found = assistant.releases.find((candidate) => candidate.release === release);
    if (!found) throw notFound(`Release ${release} not found in assistant ${assistant.assistant_id}`);
    return found;
}

/** Snapshots every skill that is enabled in the draft environment, numbering snapshots per skill. */
export function createRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const body = objectBody(req.body);
    const problems = new Violations();
    textField(problems, body, "description", 1, 500);
    problems.throwIfAny();

    const draft = draftEnvironment(assistant);
    const snapshots: ReleaseSkillSnapshot[] = [];
    for (const reference of draft.skill_references) {
        const skill = assistant.skills.find((candidate) => candidate.skill_id === reference.skill_id);
        if (!skill || reference.disabled) continue;
        const content = skill.type === "dialog" ? exportDialogWorkspace(ctx, skill.skill_id) : skill.workspace ?? {};
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
    return { status: 202, body: { status: "Processing", release: release.release } };
}

export function listReleases(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(assistant.releases, req, {
        sortKeys: { name: (release) => Number(release.release), updated: (release) => release.updated },
    });
    return {
        status: 200,
        body: { releases: page.items.map((r) => releaseView(ctx, assistant, r, includeAudit)), pagination: page.pagination },
    };
}

export function getRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    return { status: 200, body: releaseView(ctx, assistant, release, queryFlag(req, "include_audit")) };
}

/**
 * Deleting a deployed release is allowed (there is no undeploy, so refusing would make it
 * undeletable): its environments keep running the deployed snapshots but lose `release_reference`.
 */
export function deleteRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    for (const environment of assistant.environments) {
        if (environment.release_reference?.release === release.release) delete environment.release_reference;
    }
    assistant.releases = assistant.releases.filter((candidate) => candidate !== release);
    return { status: 200, body: {} };
}

export function deployRelease(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    const body = objectBody(req.body);
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
    return { status: 200, body: environmentView(assistant, environment, queryFlag(req, "include_audit")) };
}
