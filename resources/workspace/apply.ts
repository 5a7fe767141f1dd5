/**
 * Runs a workspace plan against the service and keeps track of what is known to be applied, so
 * that a failure half-way reports (as a PartialFailure) exactly the content the service has: the
 * next `up` then plans only what is left, and state never claims content the service lacks.
 */
import { PartialFailure } from "../../provider/bridge/errors";
import type { OperationContext } from "../../provider/bridge/spec";
import { deepEqual } from "../../provider/values";
import { apiPath } from "../../provider/http/path";
import { createElement, deleteElement, updateElement } from "../v1-elements/element-client";
import { dialogNodeKind, keyOf } from "../v1-elements/kinds";
import { nodesAfter } from "./dialog-order";
import { workspaceBody, workspaceFromApi } from "./mapping";
import { type Collections, type ElementOp, planWorkspace } from "./plan";
import { COLLECTIONS, OPTIONS, SCALARS, type ScalarName, type WorkspaceInputs, type WorkspaceOutputs } from "./types";


/** The live collections a plan starts from: the state's, or the service's for newly owned ones. */
async function currentCollections(ctx: OperationContext, workspaceId: string, olds: WorkspaceInputs, news: WorkspaceInputs): Promise<Collections> {
    const current: Collections = {};
    const unknown = COLLECTIONS.filter((c) => news[c] !== undefined && olds[c] === undefined);
    let live: WorkspaceInputs | undefined;
    if (unknown.length > 0) {
        const body = await ctx.client.request<Record<string, unknown>>({
            method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}`, query: { export: true },
        });
        live = workspaceFromApi(body);
    }
    for (const c of COLLECTIONS) if (news[c] !== undefined) current[c] = (olds[c] ?? live?.[c] ?? []) as any[];
    return current;
}

/** Applies one element op to the known collection contents. */
function record(known: Collections, op: ElementOp): void {
    if (op.kind === dialogNodeKind) {
        known.dialogNodes = nodesAfter(known.dialogNodes ?? [], op);
        return;
    }
    const list = [...(known[op.kind.collection] ?? [])];
    const key = (e: any) => keyOf(op.kind, e);
    if (op.op === "create") list.push(op.element);
    else if (op.op === "update") {
        const index = list.findIndex((e) => key(e) === op.key);
        if (index >= 0) list[index] = op.element;
        else list.push(op.element);
    } else {
        known[op.kind.collection] = list.filter((e) => key(e) !== op.key);
        return;
    }
    known[op.kind.collection] = list;
}

async function run(ctx: OperationContext, workspaceId: string, op: ElementOp, previous: Collections): Promise<void> {
    const client = ctx.client;
    if (op.op === "create") return createElement(client, op.kind, workspaceId, op.element, { onConflict: "update" });
    if (op.op === "delete") return deleteElement(client, op.kind, workspaceId, op.key);
    const before = previous[op.kind.collection]?.find((e) => keyOf(op.kind, e) === op.key);
    return updateElement(client, op.kind, workspaceId, op.key, op.element, { onMissing: "create", previous: before });
}

export interface ApplyResult {
    outputs: WorkspaceOutputs;
    /** Whether collections changed (training restarts). */
    contentChanged: boolean;
}

/**
 * Brings workspace `workspaceId` from `olds` (what the state says it holds) to `news`.
 * `olds` may lack collections (not owned before, or an adopted workspace): those are read live.
 */
export async function applyWorkspace(ctx: OperationContext, workspaceId: string, olds: WorkspaceInputs, news: WorkspaceInputs): Promise<ApplyResult> {
    const current = await currentCollections(ctx, workspaceId, olds, news);
    const changedScalars = SCALARS.filter((s) => !deepEqual(olds[s] ?? null, news[s] ?? null));
    const cleared = changedScalars.filter((s) => news[s] === undefined) as ScalarName[];
    const desired: Collections = Object.fromEntries(COLLECTIONS.filter((c) => news[c] !== undefined).map((c) => [c, news[c]]));
    const plan = planWorkspace(current, desired, changedScalars.length > 0);
    ctx.log(`workspace ${workspaceId}: ${describePlan(plan.bulk, plan.ops, changedScalars)}`);

    const known: Record<string, unknown> = { ...olds, ...current };
    const outputs = (): WorkspaceOutputs => {
        const out: Record<string, unknown> = { ...known, workspaceId };
        for (const option of OPTIONS) out[option] = news[option];
        return out as unknown as WorkspaceOutputs;
    };
    try {
        if (changedScalars.length > 0 || plan.bulk.length > 0) {
            await ctx.client.request({
                method: "POST", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}`,
                body: workspaceBody(news, { collections: plan.bulk, cleared }),
            });
            for (const s of SCALARS) known[s] = news[s];
            for (const c of plan.bulk) known[c] = news[c];
        }
        for (const op of plan.ops) {
            await run(ctx, workspaceId, op, known as Collections);
            record(known as Collections, op);
        }
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new PartialFailure(`updating workspace ${workspaceId} stopped part-way: ${message}`, workspaceId, outputs() as any, err, COLLECTIONS);
    }
    // Undeclared collections are not owned: once they are dropped from the program, state forgets
    // them (the bridge drops undefined outputs).
    for (const name of [...SCALARS, ...COLLECTIONS]) known[name] = news[name];
    return { outputs: outputs(), contentChanged: plan.bulk.length > 0 || plan.ops.length > 0 };
}

function describePlan(bulk: string[], ops: ElementOp[], scalars: string[]): string {
    const parts: string[] = [];
    if (scalars.length > 0 || bulk.length > 0) parts.push(`1 workspace update (${[...scalars, ...bulk.map((c) => `all ${c}`)].join(", ")})`);
    if (ops.length > 0) parts.push(`${ops.length} element call(s)`);
    return parts.length > 0 ? parts.join(" + ") : "no change";
}
