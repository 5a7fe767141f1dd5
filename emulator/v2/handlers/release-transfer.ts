/** Release export (status JSON, or the zip once ready and asked for) and release import (the zip as the body). */
import { apiError, notFound } from "../../core/errors";
import type { EmulatorRequest, EmulatorResponse } from "../../core/http-types";
import { queryFlag } from "../../core/pagination";
import { findAssistant, type V2Context, workStatus } from "../model";
import { importRelease, releaseArchive, startReleaseExport } from "../release-transfer";
import { findRelease } from "../releases";
import { releaseExportView, releaseImportView } from "../views";

export function createReleaseExport(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    const includeAudit = queryFlag(req, "include_audit");
    const task = startReleaseExport(ctx, release);
    return { status: 200, body: releaseExportView(ctx, assistant, release, task, includeAudit) };
}

/** The archive once it is ready and the client accepts application/zip or octet-stream; the status otherwise. */
export function getReleaseExport(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const release = findRelease(assistant, req.params.release);
    const includeAudit = queryFlag(req, "include_audit");
    if (!release.export) throw notFound(`No export was created for release ${release.release}`);
    const wantsArchive = /application\/(zip|octet-stream)/i.test(String(req.headers.accept ?? ""));
    if (!wantsArchive || workStatus(ctx, release.export.work) === "Processing") {
        return { status: 200, body: releaseExportView(ctx, assistant, release, release.export, includeAudit) };
    }
    return {
        status: 200,
        body: releaseArchive(assistant, release),
        headers: {
            "Content-Type": "application/zip",
            "Content-Disposition": `attachment; filename="IBM-WA-${assistant.assistant_id}-V${release.release}.zip"`,
        },
    };
}

export function createReleaseImport(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const includeAudit = queryFlag(req, "include_audit");
    if (!/application\/octet-stream/i.test(String(req.headers["content-type"] ?? ""))) {
        throw apiError(415, 'The "content-type" header must be application/octet-stream', [{ message: "Unsupported content-type", path: "content-type" }]);
    }
    const task = importRelease(ctx, assistant, req.body);
    return { status: 202, body: releaseImportView(ctx, assistant, task, includeAudit, true) };
}

export function getReleaseImport(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    if (!assistant.release_import) throw notFound(`No release import was started for assistant ${assistant.assistant_id}`);
    return { status: 200, body: releaseImportView(ctx, assistant, assistant.release_import, queryFlag(req, "include_audit"), false) };
}
