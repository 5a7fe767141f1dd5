/**
 * The Workspace's plan summary: its owned collections element by element (v1-elements shapes), its
 * settings by name, and the calls of the planner's own plan (plan.ts) for the stored content, so
 * the summary announces exactly the calls apply.ts will make.
 */
import type { PlannedChange, SummaryShape } from "../../provider/change-summary/shape";
import { deepEqual } from "../../provider/values";
import { ELEMENT_SHAPES, elementRoutes } from "../v1-elements/summary-shapes";
import { declaredBytes, storedDigests } from "./apply";
import { needsAsync } from "./endpoints";
import type { CollectionDigests, Collections, ElementOp } from "./plan";
import { describePlan, planWorkspace } from "./plan-modes";
import { COLLECTIONS, OPTIONS, SCALARS, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

const WORKSPACES = "/v1/workspaces";
const WORKSPACE = "/v1/workspaces/{workspace_id}";
const WORKSPACE_ASYNC = "/v1/workspaces_async/{workspace_id}";
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
    const post = needsAsync(declaredBytes(news)) ? `POST ${WORKSPACES}_async (asynchronous: over the synchronous size limit)` : `POST ${WORKSPACES}`;
    // A create lists the workspaces first: one an interrupted run of this resource made is finished instead.
    const created = [`GET ${WORKSPACES} (a workspace of an interrupted run is finished instead)`, post, ...training];
    if (change.action === "replace") return [...created, `DELETE ${WORKSPACE}`];
    if (change.action === "create") {
        if (!news.adoptWorkspaceId) return created;
        return [`GET ${WORKSPACE}`, "then its owned collections (list routes or one export) and the calls that bring its content to the declared one"];
    }
    const stored = storedDigests(olds as WorkspaceOutputs);
    const newlyOwned = COLLECTIONS.filter((c) => news[c] !== undefined && stored[c] === undefined);
    const calls = newlyOwned.length > 0 ? [`GET ${WORKSPACE}?export=true or the collections' list routes (${newlyOwned.join(", ")} not owned before: element calls are planned against the live content)`] : [];
    const scalarsChanged = SCALARS.filter((s) => !deepEqual(olds[s] ?? null, news[s] ?? null));
    // Collections the diff found unchanged plan no calls: only the changed ones are planned.
    const planned = COLLECTIONS.filter((c) => change.changed.includes(c) && news[c] !== undefined && stored[c] !== undefined);
    const desired: Collections = Object.fromEntries(planned.map((c) => [c, news[c]]));
    const current: CollectionDigests = Object.fromEntries(planned.map((c) => [c, stored[c]]));
    // Planned with the documented limits: the update plans again with what the service said is left.
    const plan = planWorkspace(current, desired, { scalarsChanged: scalarsChanged.length > 0 });
    // Element calls speak for themselves; a replace or an append says why it was chosen.
    if (plan.choices.some((c) => c.mode !== "elements") || plan.estimate.windows.length > 0) calls.push(`plan: ${describePlan(plan, scalarsChanged)}`);
    for (const call of plan.workspaceCalls) {
        const carried = Object.entries(call.collections).map(([c, elements]) => (call.append ? `${elements!.length} added ${c}` : `all ${c}`));
        const path = needsAsync(call.bytes) ? `${WORKSPACE_ASYNC} (asynchronous: over the synchronous size limit)` : WORKSPACE;
        calls.push(`POST ${path}${call.append ? "?append=true" : ""}${carried.length > 0 ? ` (carrying ${carried.join(", ")})` : ""}`);
    }
    calls.push(...plan.ops.map(route));
    const contentChanges = plan.workspaceCalls.some((call) => Object.keys(call.collections).length > 0) || plan.ops.length > 0 || newlyOwned.length > 0;
    return contentChanges ? [...calls, ...training] : calls;
}

function route(op: ElementOp): string {
    const routes = elementRoutes(op.kind);
    return op.op === "create" ? `POST ${routes.collection}` : `${op.op === "delete" ? "DELETE" : "POST"} ${routes.element}`;
}
