/** Waiting for a workspace to finish training (status Available), failing clearly on Failed. */
import type { OperationContext } from "../../provider/bridge/spec";
import { statusErrorsText, waitFor } from "../../provider/poll";
import { type ApiWorkspace, getWorkspace } from "./endpoints";

export const DEFAULT_TRAINING_TIMEOUT_SECONDS = 30 * 60;

type WorkspaceStatus = ApiWorkspace & { status_errors?: unknown; status_description?: string };

/** Plain GET (6000 calls / 5 min), never the scarce export. Returns the workspace as last read (status, `updated`). */
export async function waitForTraining(ctx: OperationContext, workspaceId: string, timeoutSeconds = DEFAULT_TRAINING_TIMEOUT_SECONDS): Promise<WorkspaceStatus> {
    const done = await waitFor<WorkspaceStatus>({
        what: `training of workspace ${workspaceId}`,
        fetch: () => getWorkspace(ctx, workspaceId),
        status: (w) => w.status ?? "unknown",
        ready: ["Available"],
        failed: ["Failed"],
        failureDetail: (w) => statusErrorsText(w.status_errors) ?? w.status_description,
        timeoutMs: timeoutSeconds * 1000,
        onStatus: (status) => ctx.log(`workspace ${workspaceId}: ${status}`),
    });
    return { ...done, status: done.status ?? "Available" };
}
