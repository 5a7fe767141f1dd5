/**
 * The workspace's `updated` timestamp, kept in one place: stored in outputs after every create and
 * update (from the status read that follows them: the training wait), and compared by a refresh's
 * plain GET, so that an unchanged workspace is not exported again (exports: 20 per 30 minutes).
 * A write not followed by a status read (waitForTraining: false) stores none: the next refresh
 * reads the content. Someone else's write between ours and that status read would be taken for
 * ours; the window is the length of one training wait's first poll.
 */
import type { WorkspaceOutputs } from "./types";

/** The service's last-change time of a workspace body, if it has one. */
export function updatedOf(body: { updated?: unknown }): string | undefined {
    return typeof body.updated === "string" && body.updated !== "" ? body.updated : undefined;
}

/** Whether the live workspace is as it was when the stack last stored it. */
export function unchangedSince(stored: WorkspaceOutputs, live: { updated?: unknown }): boolean {
    const known = stored.updated;
    return known !== undefined && known === updatedOf(live);
}
