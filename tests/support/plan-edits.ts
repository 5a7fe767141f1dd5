/**
 * The plan summary each edit of the plan-edits fixture (tests/fixtures/programs/plan-edits) must
 * print, exactly, whether the plugin runs under the harness or under the real Pulumi CLI.
 */
import * as path from "path";

export const PLAN_EDITS_DIR = path.resolve(__dirname, "../fixtures/programs/plan-edits");

const TRAINING = "    then GET /v1/workspaces/{workspace_id} until training is done";

const EDITS: Record<string, string[]> = {
    add: ["  intents: 1 added", "    + intent #cancel", "  API calls:", "    1 x POST /v1/workspaces/{workspace_id}/intents", TRAINING],
    remove: ["  intents: 1 removed", "    - intent #hours", "  API calls:", "    1 x DELETE /v1/workspaces/{workspace_id}/intents/{intent}", TRAINING],
    rename: ["  intents: 1 renamed", "    ~ intent #hours renamed to #opening_hours", "  API calls:", "    1 x POST /v1/workspaces/{workspace_id}/intents/{intent}", TRAINING],
    output: [
        "  dialogNodes: 1 changed", "    ~ dialog node welcome: output.generic[0].values[0].text",
        "  API calls:", "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}", TRAINING,
    ],
};

/** Edits that change something; `reorder` and `none` print nothing. */
export const CHANGING_EDITS = Object.keys(EDITS);
export const QUIET_EDITS = ["none", "reorder"];

/** The exact lines the plugin writes for `edit` of the workspace `workspaceId`. */
export function expectedPlan(edit: string, workspaceId: string): string {
    return [`Workspace "Plan edits" (${workspaceId}): update`, ...EDITS[edit], ""].join("\n");
}
