/**
 * Never a silent overwrite: a resource whose spec declares `liveChanges` is compared with the
 * service before its update writes anything (and in the plan, when its diff has changes). Objects
 * changed in the service since the last deploy that the update would write are conflicts: the
 * update fails naming them, unless the resource's input `overwriteLiveChanges` is true. Those the
 * update leaves alone are drift: a warning.
 */
import type { LiveChanges } from "./spec";

/** The input that lets an update overwrite changes made in the service. */
export const OVERWRITE_KEY = "overwriteLiveChanges";

export const NO_CHANGES: LiveChanges = { conflicts: [], drift: [] };

export function conflictError(type: string, id: string, conflicts: string[]): Error {
    return new Error(`${type} ${id}: ${conflicts.join(", ")} changed in the service since this stack's last deploy, and this ` +
        `update would overwrite that. Bring the change into your program (\`pulumi refresh\` records it, the next preview shows it), ` +
        `or set \`${OVERWRITE_KEY}: true\` on the resource to overwrite it.`);
}

export function driftWarning(type: string, id: string, drift: string[]): string {
    return `warning: ${type} ${id}: ${drift.join(", ")} changed in the service since this stack's last deploy (drift: ` +
        "this update leaves them as they are; `pulumi refresh` records them)";
}

/** The plan's note: what an `up` will refuse, and the drift it leaves. */
export function planNotes(type: string, id: string, changes: LiveChanges, overwrite: boolean): string[] {
    const notes: string[] = [];
    if (changes.conflicts.length > 0) {
        notes.push(overwrite
            ? `warning: ${type} ${id}: this update overwrites ${changes.conflicts.join(", ")}, changed in the service since the last deploy (${OVERWRITE_KEY}: true)`
            : `warning: ${conflictError(type, id, changes.conflicts).message} \`pulumi up\` will fail until then.`);
    }
    if (changes.drift.length > 0) notes.push(driftWarning(type, id, changes.drift));
    return notes;
}
