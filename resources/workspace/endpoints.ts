/**
 * The workspace routes, chosen by what a request carries: a write whose body is over the
 * synchronous limit (MAX_SYNC_WORKSPACE_BYTES) goes to `/v1/workspaces_async` and is waited for
 * (status Processing until the content is in, polled with plain GETs as training is); reads are
 * plain GETs (status, `updated`), exports (`export=true`, or the async export for large
 * workspaces), or the collections' own list routes. Every request names its rate-limit bucket.
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import { statusErrorsText, waitFor } from "../../provider/poll";
import { collectionPath } from "../v1-elements/element-client";
import type { ElementKind } from "../v1-elements/kinds";
import { MAX_SYNC_WORKSPACE_BYTES } from "../v1-elements/service-limits";
import { DEFAULT_TRAINING_TIMEOUT_SECONDS } from "./training";

export type ApiWorkspace = Record<string, unknown> & { workspace_id: string; status?: string; updated?: string; metadata?: Record<string, unknown> };

/** Bytes of a JSON body as sent. */
export const bodyBytes = (body: unknown): number => Buffer.byteLength(JSON.stringify(body));

/** Whether a workspace body must take the asynchronous route. */
export const needsAsync = (bytes: number): boolean => bytes > MAX_SYNC_WORKSPACE_BYTES;

/** Statuses of a workspace whose asynchronous write or export is done (training may still run). */
const DONE = ["Available", "Training", "Unavailable", "Non Existent"];
const PROCESSING = "Processing";

export interface WorkspaceWrite {
    /** Absent: a create. */
    workspaceId?: string;
    body: Record<string, unknown>;
    /** Update with `append=true`: elements are added, existing ones kept. */
    append?: boolean;
    /** For a create: finds the workspace an attempt with an unknown outcome made. */
    reconcile?: () => Promise<unknown>;
    timeoutSeconds?: number;
}

/** Creates or updates a workspace, synchronously or (over the limit) asynchronously and waited for. */
export async function writeWorkspace(ctx: OperationContext, write: WorkspaceWrite): Promise<ApiWorkspace> {
    const { answer, async } = await sendWorkspace(ctx, write);
    return async ? waitForAsyncWrite(ctx, write.workspaceId ?? answer.workspace_id, write.timeoutSeconds) : answer;
}

/**
 * Sends the write without waiting for asynchronous work: a create that must not lose its object
 * when the wait fails (the caller keeps the id) waits itself (waitForAsyncWrite, or training).
 */
export async function sendWorkspace(ctx: OperationContext, write: WorkspaceWrite): Promise<{ answer: ApiWorkspace; async: boolean }> {
    const bytes = bodyBytes(write.body);
    const async = needsAsync(bytes);
    const base = async ? "/v1/workspaces_async" : "/v1/workspaces";
    const path = write.workspaceId === undefined ? base : `${base}${apiPath`/${write.workspaceId}`}`;
    if (async) ctx.log(`workspace ${write.workspaceId ?? "create"}: ${bytes.toLocaleString("en-US")} bytes is over the ${MAX_SYNC_WORKSPACE_BYTES.toLocaleString("en-US")}-byte synchronous limit: ${path}`);
    const answer = await ctx.client.request<ApiWorkspace>({
        method: "POST", api: "v1", path, body: write.body, bucket: "workspaceWrites",
        query: write.append ? { append: true } : undefined,
        ...(write.workspaceId === undefined ? { idempotent: false, expect: ["workspace_id"], reconcile: write.reconcile } : {}),
    });
    return { answer, async };
}

/** Waits until the service has taken in an asynchronous write (status no longer Processing). */
export function waitForAsyncWrite(ctx: OperationContext, workspaceId: string, timeoutSeconds = DEFAULT_TRAINING_TIMEOUT_SECONDS): Promise<ApiWorkspace> {
    return waitFor<ApiWorkspace>({
        what: `the asynchronous write of workspace ${workspaceId}`,
        fetch: () => getWorkspace(ctx, workspaceId),
        status: (w) => w.status ?? "unknown",
        ready: DONE,
        failed: ["Failed"],
        failureDetail: (w) => statusErrorsText(w.status_errors),
        timeoutMs: timeoutSeconds * 1000,
        onStatus: (status) => ctx.log(`workspace ${workspaceId}: ${status}`),
    });
}

/** Plain GET: settings, status and (`include_audit`) `updated`, never the content (6,000 per 5 minutes). */
export function getWorkspace(ctx: OperationContext, workspaceId: string): Promise<ApiWorkspace> {
    return ctx.client.request<ApiWorkspace>({
        method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}`, query: { include_audit: true }, bucket: "workspaceReads",
    });
}

/**
 * The whole workspace with its content: `export=true`, or for a workspace expected to be over the
 * synchronous limit the asynchronous export, polled until it is prepared. Both spend the export
 * bucket (20 per 30 minutes): callers prefer plain reads and collection lists where they suffice.
 */
export async function exportWorkspace(ctx: OperationContext, workspaceId: string, expectedBytes = 0): Promise<ApiWorkspace> {
    if (!needsAsync(expectedBytes)) {
        return ctx.client.request<ApiWorkspace>({
            method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}`, query: { export: true }, bucket: "workspaceExports",
        });
    }
    return waitFor<ApiWorkspace>({
        what: `the asynchronous export of workspace ${workspaceId}`,
        fetch: () => ctx.client.request<ApiWorkspace>({ method: "GET", api: "v1", path: apiPath`/v1/workspaces_async/${workspaceId}/export`, bucket: "workspaceExports" }),
        status: (w) => w.status ?? "unknown",
        ready: DONE,
        failed: ["Failed"],
        // Each poll spends the export bucket: poll slowly.
        initialDelayMs: 2000,
        timeoutMs: DEFAULT_TRAINING_TIMEOUT_SECONDS * 1000,
        onStatus: (status) => status === PROCESSING && ctx.log(`workspace ${workspaceId}: export ${status}`),
    });
}

/** A collection's elements (API shape) from its own list route, page by page, in its own bucket. */
export function listCollection(ctx: OperationContext, kind: ElementKind, workspaceId: string): Promise<unknown[]> {
    return ctx.client.paginate<unknown>({
        api: "v1", path: collectionPath(kind, workspaceId), itemsKey: kind.apiCollection, bucket: kind.listBucket,
        query: kind.exportOnGet ? { export: true } : undefined,
    });
}
