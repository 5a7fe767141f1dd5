/**
 * Runs a workspace plan against the service and keeps track of what is known to be applied, so
 * that a failure half-way reports (as a PartialFailure) exactly the content the service has: the
 * next `up` then plans only what is left, and state never claims content the service lacks.
 */
import { PartialFailure } from "../../provider/bridge/errors";
import type { OperationContext } from "../../provider/bridge/spec";
import { deepEqual, withoutKeys } from "../../provider/values";
import { decodeDigests, type DigestMap, digestKey, digestMap, digestOf, encodeDigests } from "../../provider/element-digests";
import { isConflict } from "../../provider/http/errors";
import { createElement, deleteElement, updateElement } from "../v1-elements/element-client";
import { type CollectionName, dialogNodeKind, ELEMENT_KINDS, identityOf, keyOf } from "../v1-elements/kinds";
import { clientBudgets } from "./cost";
import { digestsAfter } from "./dialog-order";
import { writeWorkspace } from "./endpoints";
import { liveContent } from "./live-content";
import { workspaceBody } from "./mapping";
import type { CollectionDigests, Collections, ElementOp } from "./plan";
import { describePlan, planWorkspace, type WorkspaceCall } from "./plan-modes";
import { COLLECTIONS, OPTIONS, SCALARS, type ScalarName, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

const kindOf = (collection: string) => ELEMENT_KINDS.find((k) => k.collection === collection)!;

/** The stored digests of the collections `olds` owns (stored outputs hold digests, see types.ts). */
export function storedDigests(olds: WorkspaceOutputs): CollectionDigests {
    const stored: CollectionDigests = {};
    for (const c of COLLECTIONS) {
        const text = olds[digestKey(c) as keyof WorkspaceOutputs];
        if (typeof text === "string") stored[c] = decodeDigests(identityOf(kindOf(c)), text);
    }
    return stored;
}

/** Digests of content (an export, an adopted workspace). */
export function digestsOf(content: Collections): CollectionDigests {
    const digests: CollectionDigests = {};
    for (const c of COLLECTIONS) if (Array.isArray(content[c])) digests[c] = digestMap(identityOf(kindOf(c)), content[c]!);
    return digests;
}

/** What the service holds of the collections `news` declares: the state's digests, or the service's content for newly owned ones. */
async function currentDigests(ctx: OperationContext, workspaceId: string, stored: CollectionDigests, news: WorkspaceInputs): Promise<CollectionDigests> {
    const current: CollectionDigests = {};
    const unknown = COLLECTIONS.filter((c) => news[c] !== undefined && stored[c] === undefined);
    let live: CollectionDigests = {};
    if (unknown.length > 0) {
        const content = await liveContent(ctx, workspaceId, unknown, { bytes: declaredBytes(news) });
        live = digestsOf(Object.fromEntries(unknown.map((c) => [c, content[c] ?? []])));
    }
    for (const c of COLLECTIONS) if (news[c] !== undefined) current[c] = stored[c] ?? live[c] ?? new Map();
    return current;
}

/** Applies one element op to the known digests. */
function record(known: CollectionDigests, op: ElementOp): void {
    const identity = identityOf(op.kind);
    const digests: DigestMap = known[op.kind.collection] ?? new Map();
    if (op.kind === dialogNodeKind) {
        known.dialogNodes = digestsAfter(digests, op, (node) => digestOf(identity, node));
        return;
    }
    if (op.op === "delete") {
        digests.delete(op.key);
    } else {
        const key = keyOf(op.kind, op.element);
        const from = op.op === "update" ? op.key : key;
        const digest = digestOf(identity, op.element);
        // A rename keeps the element's place in the order.
        known[op.kind.collection] = from !== key && digests.has(from)
            ? new Map([...digests].map(([k, d]) => (k === from ? [key, digest] : [k, d])))
            : digests.set(key, digest);
        return;
    }
    known[op.kind.collection] = digests;
}

async function run(ctx: OperationContext, workspaceId: string, op: ElementOp): Promise<void> {
    const client = ctx.client;
    if (op.op === "create") return createElement(client, op.kind, workspaceId, op.element, { onConflict: "update" });
    if (op.op === "delete") return deleteElement(client, op.kind, workspaceId, op.key);
    // State keeps digests, not the previous element: every field the element does not declare is cleared.
    return updateElement(client, op.kind, workspaceId, op.key, op.element, { onMissing: "create", clearUndeclared: true });
}

/** Bytes of the declared collections: what a read of them will about return. */
export function declaredBytes(inputs: WorkspaceInputs): number {
    return COLLECTIONS.reduce((sum, c) => sum + (inputs[c] ? Buffer.byteLength(JSON.stringify(inputs[c])) : 0), 0);
}

/** Applies a workspace update's content to the known digests: whole collections, or added elements. */
function recordWorkspaceCall(known: CollectionDigests, call: WorkspaceCall): void {
    for (const [c, elements] of Object.entries(call.collections) as [CollectionName, any[]][]) {
        const digests = digestsOf({ [c]: elements })[c]!;
        known[c] = call.append ? new Map([...(known[c] ?? new Map()), ...digests]) : digests;
    }
}

/**
 * One workspace update. An append that meets an element the state did not know of (an earlier
 * run's append that was never recorded, or someone else's) is done again element by element, an
 * existing element updated to the declared content, so the plan converges; settings it carried
 * follow in an update of their own.
 */
async function runWorkspaceCall(ctx: OperationContext, workspaceId: string, call: WorkspaceCall, body: Record<string, unknown>, timeoutSeconds?: number): Promise<void> {
    try {
        await writeWorkspace(ctx, { workspaceId, append: call.append, body, timeoutSeconds });
    } catch (err) {
        if (!call.append || !isConflict(err)) throw err;
        ctx.log(`workspace ${workspaceId}: the append met existing elements (${(err as Error).message}); adding them one by one`);
        for (const [c, elements] of Object.entries(call.collections) as [CollectionName, any[]][]) {
            for (const element of elements) await run(ctx, workspaceId, { op: "create", kind: kindOf(c), element });
        }
        if (!call.scalars) return;
        const { intents: _i, entities: _e, dialog_nodes: _d, counterexamples: _c, ...settings } = body;
        await writeWorkspace(ctx, { workspaceId, body: settings, timeoutSeconds });
    }
}

export interface ApplyResult {
    outputs: WorkspaceOutputs;
    /** Whether collections changed (training restarts). */
    contentChanged: boolean;
}

/**
 * Brings workspace `workspaceId` from `olds` (what the state says it holds: scalars, and
 * `stored` digests of the owned collections) to `news`. Collections without digests (not owned
 * before) are read live.
 */
export async function applyWorkspace(
    ctx: OperationContext, workspaceId: string, olds: WorkspaceInputs, stored: CollectionDigests, news: WorkspaceInputs,
): Promise<ApplyResult> {
    const current = await currentDigests(ctx, workspaceId, stored, news);
    const changedScalars = SCALARS.filter((s) => !deepEqual(olds[s] ?? null, news[s] ?? null));
    const cleared = changedScalars.filter((s) => news[s] === undefined) as ScalarName[];
    const desired: Collections = Object.fromEntries(COLLECTIONS.filter((c) => news[c] !== undefined).map((c) => [c, news[c]]));
    const plan = planWorkspace(current, desired, { scalarsChanged: changedScalars.length > 0, budgets: clientBudgets(ctx.client) });
    ctx.log(`workspace ${workspaceId}: ${describePlan(plan, changedScalars)}`);

    // Any call changes the service's `updated`: it is known again only from the status read that follows (freshness.ts).
    const changes = plan.workspaceCalls.length + plan.ops.length > 0;
    const known: Record<string, unknown> = withoutKeys(olds as unknown as Record<string, unknown>, [...COLLECTIONS, ...COLLECTIONS.map(digestKey), ...(changes ? ["updated"] : [])]);
    const knownDigests: CollectionDigests = { ...current };
    // Digests of what is known to be applied (a stopped update), or the declared content once all is.
    const outputs = (digests: CollectionDigests): WorkspaceOutputs => {
        const out: Record<string, unknown> = { ...known, workspaceId };
        for (const [c, map] of Object.entries(digests)) out[digestKey(c)] = encodeDigests(identityOf(kindOf(c)), map!);
        for (const option of OPTIONS) out[option] = news[option];
        return out as unknown as WorkspaceOutputs;
    };
    try {
        for (const call of plan.workspaceCalls) {
            await runWorkspaceCall(ctx, workspaceId, call, workspaceBody({ ...news, ...call.collections }, {
                collections: Object.keys(call.collections) as CollectionName[], cleared: call.scalars ? cleared : [], owner: ctx.owner,
            }), news.trainingTimeoutSeconds);
            if (call.scalars) for (const s of SCALARS) known[s] = news[s];
            recordWorkspaceCall(knownDigests, call);
        }
        for (const op of plan.ops) {
            await run(ctx, workspaceId, op);
            record(knownDigests, op);
        }
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new PartialFailure(`updating workspace ${workspaceId} stopped part-way: ${message}`, workspaceId, outputs(knownDigests) as any, err, COLLECTIONS.map(digestKey));
    }
    // Undeclared collections are not owned: once they are dropped from the program, state forgets
    // them. Declared ones are returned as content, which the bridge digests.
    for (const name of [...SCALARS, ...COLLECTIONS]) known[name] = news[name];
    const contentChanged = plan.ops.length > 0 || plan.workspaceCalls.some((call) => Object.keys(call.collections).length > 0);
    return { outputs: outputs({}), contentChanged };
}
