/**
 * Release transfer rules. Release export (an asynchronous zip archive of a release's skills) and assistant import of such
 * an archive into the draft environment, one import at a time per assistant. The archive holds
 * `action-skill.json` and/or `dialog-skill.json`, each a skill as skills_export returns it.
 */
import { apiError, ApiProblem, conflict } from "../core/errors";
import { type AssistantRecord, draftEnvironment, type ReleaseRecord, type TransferSkillType, type TransferTask, type V2Context, workStatus } from "./model";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { isoNow } from "../core/clock";
import { applySkillContent } from "./skills";
import { isPlainObject } from "./validate";

const FILES = { action: "action-skill.json", dialog: "dialog-skill.json" } as const;
type SkillType = TransferSkillType;

function newTask(ctx: V2Context, extra: Partial<TransferTask> = {}): TransferTask {
    const stamp = isoNow(ctx);
    return { task_id: ctx.newId(), work: { readyAt: ctx.now() + ctx.options.asyncDelayMs }, created: stamp, updated: stamp, ...extra };
}

/** Starts an export of a ready release (409 otherwise); the archive is ready after the async delay. */
export function startReleaseExport(ctx: V2Context, release: ReleaseRecord): TransferTask {
    if (workStatus(ctx, release.work) !== "Done") {
        throw conflict("The release is not yet ready. Please try to create an export once the release is ready.", "release");
    }
    release.export = newTask(ctx);
    return release.export;
}

/** The release's archive: one JSON file per skill snapshot, byte-identical for the same release. */
export function releaseArchive(assistant: AssistantRecord, release: ReleaseRecord): Buffer {
    const files: Record<string, Uint8Array> = {};
    for (const snapshot of release.skills) {
        const skill = assistant.skills.find((candidate) => candidate.skill_id === snapshot.skill_id);
        const item = {
            ...(skill?.name !== undefined ? { name: skill.name } : {}),
            type: snapshot.type,
            language: assistant.language,
            skill_id: snapshot.skill_id,
            snapshot: snapshot.snapshot,
            workspace: snapshot.content ?? {},
        };
        files[FILES[snapshot.type]] = strToU8(JSON.stringify(item));
    }
    // A fixed timestamp keeps the archive byte-identical for the same release.
    return Buffer.from(zipSync(files, { mtime: new Date(release.created) }));
}

function artifactError(message: string, file?: string, type = "artifact_validation"): ApiProblem {
    return apiError(400, "Invalid Assistant Release Import Artifact", [{ message, ...(file ? { path: file } : {}), type, ...(file ? { file } : {}) }]);
}

/** Reads and checks the archive completely before anything changes. */
function readArtifact(body: unknown): Partial<Record<SkillType, Record<string, any>>> {
    if (!Buffer.isBuffer(body) || body.length === 0) throw apiError(400, "No data");
    let entries: Record<string, Uint8Array>;
    try {
        entries = unzipSync(new Uint8Array(body));
    } catch {
        throw artifactError("The artifact is not a zip archive");
    }
    const skills: Partial<Record<SkillType, Record<string, any>>> = {};
    for (const type of Object.keys(FILES) as SkillType[]) {
        const raw = entries[FILES[type]];
        if (!raw) continue;
        let parsed: unknown;
        try {
            parsed = JSON.parse(strFromU8(raw));
        } catch {
            throw artifactError(`${FILES[type]} is not valid JSON`, FILES[type], "schema_validation");
        }
        if (!isPlainObject(parsed) || !isPlainObject(parsed.workspace)) {
            throw artifactError(`${FILES[type]} must be a skill object with a workspace`, FILES[type], "schema_validation");
        }
        skills[type] = parsed;
    }
    if (Object.keys(skills).length === 0) throw artifactError("The artifact must contain action-skill.json and/or dialog-skill.json");
    return skills;
}

/**
 * Overrides the draft's skills with the archive's (dialog first: its v1 validation may still
 * refuse it, and then nothing has changed); both skills in the archive enable both in the draft.
 */
export function importRelease(ctx: V2Context, assistant: AssistantRecord, archive: unknown): TransferTask {
    if (assistant.release_import && workStatus(ctx, assistant.release_import.work) === "Processing") {
        throw conflict("Another artifact import is already underway. Try again after some time.");
    }
    const skills = readArtifact(archive);
    for (const type of ["dialog", "action"] as SkillType[]) {
        const item = skills[type];
        if (!item) continue;
        const skill = assistant.skills.find((candidate) => candidate.type === type)!;
        applySkillContent(ctx, skill, { workspace: item.workspace });
    }
    const impact = (["action", "dialog"] as SkillType[]).filter((type) => skills[type]);
    if (impact.length === 2) for (const reference of draftEnvironment(assistant).skill_references) reference.disabled = false;
    assistant.release_import = newTask(ctx, { skill_impact_in_draft: impact });
    return assistant.release_import;
}
