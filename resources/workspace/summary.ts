/**
 * The Workspace's plan summary: its owned collections element by element (v1-elements shapes), its
 * settings by name, and the calls of the planner's own plan (plan.ts) for the stored content, so
 * the summary announces exactly the calls apply.ts will make.
 */
import type { PlannedChange, SummaryShape } from "../../provider/change-summary/shape";
import { deepEqual } from "../../provider/values";
import { ELEMENT_SHAPES, elementRoutes } from "../v1-elements/summary-shapes";
import { storedDigests } from "./apply";
import { type CollectionDigests, type Collections, type ElementOp, planWorkspace } from "./plan";
import { COLLECTIONS, OPTIONS, SCALARS, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

const WORKSPACES = "/v1/workspaces";
const WORKSPACE = "/v1/workspaces/{workspace_id}";
const TRAINING = `then GET ${WORKSPACE} until training is done`;

export const workspaceSummary: SummaryShape<WorkspaceInputs> = {
    title: (inputs) => `Workspace ${JSON.stringify(inputs.name)}`,
    fields: ELEMENT_SHAPES,
    shown: ["language"],
    ignored: [...OPTIONS],
    calls: workspaceCalls,
};

function workspaceCalls(change: PlannedChange<WorkspaceInputs>): string[] {
    const { olds, news } = change;
    const training = news.waitForTraining === false ? [] : [TRAINING];
    // A create lists the workspaces first: one an interrupted run of this resource made is finished instead.
    const created = [`GET ${WORKSPACES} (a workspace of an interrupted run is finished instead)`, `POST ${WORKSPACES}`, ...training];
    if (change.action === "replace") return [...created, `DELETE ${WORKSPACE}`];
    if (change.action === "create") {
        if (!news.adoptWorkspaceId) return created;
        return [`GET ${WORKSPACE}?export=true`, "then the calls that bring its content to the declared one"];
    }
    const stored = storedDigests(olds as WorkspaceOutputs);
    const newlyOwned = COLLECTIONS.filter((c) => news[c] !== undefined && stored[c] === undefined);
    const calls = newlyOwned.length > 0 ? [`GET ${WORKSPACE}?export=true (${newlyOwned.join(", ")} not owned before: element calls are planned against the live content)`] : [];
    const scalarsChanged = SCALARS.some((s) => !deepEqual(olds[s] ?? null, news[s] ?? null));
    // Collections the diff found unchanged plan no calls: only the changed ones are planned.
    const planned = COLLECTIONS.filter((c) => change.changed.includes(c) && news[c] !== undefined && stored[c] !== undefined);
    const desired: Collections = Object.fromEntries(planned.map((c) => [c, news[c]]));
    const current: CollectionDigests = Object.fromEntries(planned.map((c) => [c, stored[c]]));
    const plan = planWorkspace(current, desired, scalarsChanged);
    if (scalarsChanged || plan.bulk.length > 0) {
        calls.push(`POST ${WORKSPACE}${plan.bulk.length > 0 ? ` (carrying all ${plan.bulk.join(", ")})` : ""}`);
    }
    calls.push(...plan.ops.map(route));
    const contentChanges = plan.bulk.length > 0 || plan.ops.length > 0 || newlyOwned.length > 0;
    return contentChanges ? [...calls, ...training] : calls;
}

function route(op: ElementOp): string {
    const routes = elementRoutes(op.kind);
    return op.op === "create" ? `POST ${routes.collection}` : `${op.op === "delete" ? "DELETE" : "POST"} ${routes.element}`;
}
