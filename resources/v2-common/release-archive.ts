/**
 * Release archives (https://cloud.ibm.com/apidocs/assistant-v2#createreleaseexport,
 * #downloadreleaseexport, #importassistantrelease, #getreleaseimportstatus): a release exported as a
 * zip of its skills, and such a zip imported into another assistant's draft, one import at a time.
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import { waitFor } from "../../provider/poll";
import { DEFAULT_WAIT_TIMEOUT_SECONDS, statusFailureDetail, waitUntilAvailable, type AsyncStatus } from "./status";

/** Starts the export of a release, waits until the archive is ready, and downloads it. */
export async function exportRelease(ctx: OperationContext, assistantId: string, release: string, timeoutSeconds?: number): Promise<Buffer> {
    const exportPath = apiPath`/v2/assistants/${assistantId}/releases/${release}/export`;
    await ctx.client.request<AsyncStatus>({ method: "POST", api: "v2", path: exportPath, body: {}, idempotent: true });
    await waitUntilAvailable({
        what: `export of release ${release} of assistant ${assistantId}`,
        fetch: () => ctx.client.request<AsyncStatus>({ method: "GET", api: "v2", path: exportPath }),
        timeoutSeconds,
        log: ctx.log,
    });
    return ctx.client.request<Buffer>({ method: "GET", api: "v2", path: exportPath, binaryResponse: "application/zip" });
}

/**
 * Imports an archive into the assistant's draft: waits for an import already running there (the
 * service takes one at a time), then for this one to complete.
 */
export async function importRelease(ctx: OperationContext, assistantId: string, archive: Buffer, timeoutSeconds?: number): Promise<void> {
    const importPath = apiPath`/v2/assistants/${assistantId}/import`;
    const waitForImport = (what: string) => waitFor<AsyncStatus>({
        what,
        fetch: () => ctx.client.request<AsyncStatus>({ method: "GET", api: "v2", path: importPath }),
        status: (value) => value.status ?? "unknown",
        ready: ["Completed"],
        failed: ["Failed"],
        failureDetail: statusFailureDetail,
        timeoutMs: (timeoutSeconds ?? DEFAULT_WAIT_TIMEOUT_SECONDS) * 1000,
        initialDelayMs: 100,
        onStatus: (status) => ctx.log(`${what}: ${status}`),
    });
    const running = await ctx.client.request<AsyncStatus>({ method: "GET", api: "v2", path: importPath }).catch(() => undefined);
    if (running?.status === "Processing") await waitForImport(`an earlier import into assistant ${assistantId}`);
    // Importing the same archive twice leaves the same draft: safe to repeat.
    await ctx.client.request({
        method: "POST", api: "v2", path: importPath, binaryBody: { data: archive, contentType: "application/octet-stream" }, idempotent: true,
    });
    await waitForImport(`import into assistant ${assistantId}`);
}
