/**
 * How each changed collection reaches the service (plan.ts lists the three ways: element calls,
 * one replace, or append updates plus element calls), chosen by the least service time
 * (cost.ts, with each call's share of its window): every combination is priced with what is left of each rate-limit window, and the
 * cheapest kept (ties: fewer calls, then fewer bytes). The plan says what it chose and why, for
 * the plan summary and the update's log.
 */
import { type CollectionName, dialogNodeKind, type ElementKind, ELEMENT_KINDS } from "../v1-elements/kinds";
import { MAX_SYNC_WORKSPACE_BYTES } from "../v1-elements/service-limits";
import { type Budgets, documentedBudgets, type Estimate, estimate, type PlannedCall } from "./cost";
import { positionsOf } from "./dialog-order";
import { type CollectionDigests, type Collections, type ElementOp, matchElements, planCollection } from "./plan";

export type Mode = "elements" | "replace" | "append";

/** One workspace update: the declared settings and whole collections (replace), or added elements (append). */
export interface WorkspaceCall {
    append: boolean;
    /** Whether it carries the declared settings. */
    scalars: boolean;
    /** Whole collections (replace) or the elements to add (append). */
    collections: Collections;
    /** Estimated body bytes (the write measures the real body to pick the route). */
    bytes: number;
}

export interface CollectionChoice {
    collection: CollectionName;
    mode: Mode;
    /** E.g. `600 dialog nodes added in 1 call (append)`. */
    text: string;
}

export interface WorkspacePlan {
    /** Workspace updates, run first and in order. */
    workspaceCalls: WorkspaceCall[];
    /** Element calls, run after them. */
    ops: ElementOp[];
    /** Per changed collection, what was chosen. */
    choices: CollectionChoice[];
    estimate: Estimate;
    /** The same change made by element calls alone, when that is not the plan (the "why"). */
    elementsOnly?: Estimate;
}

export interface PlanOptions {
    /** The declared settings changed: a workspace update is needed regardless. */
    scalarsChanged: boolean;
    /** What is left of each rate-limit window (default: the documented limits). */
    budgets?: Budgets;
}

/** Bodies of appended elements are cut below the limit with room for the snake_case keys and settings. */
const CHUNK_BYTES = Math.floor(MAX_SYNC_WORKSPACE_BYTES * 0.9);

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

interface CollectionWork {
    kind: ElementKind;
    desired: any[];
    /** Element calls doing the whole change. */
    elementOps: ElementOp[];
    /** Added elements (in creation order) an append update can carry, and the element calls left. */
    appendable?: { added: any[]; rest: ElementOp[] };
    wholeBytes: number;
    counts: { added: number; changed: number; renamed: number; removed: number };
}

function collectionWork(kind: ElementKind, current: CollectionDigests[CollectionName], desired: any[]): CollectionWork {
    const stored = current ?? new Map();
    const elementOps = planCollection(kind, stored, desired);
    const matching = matchElements(kind, stored, desired);
    const counts = { added: matching.created.length, changed: matching.changed.length, renamed: matching.renames.length, removed: matching.deleted.length };
    const work: CollectionWork = { kind, desired, elementOps, wholeBytes: jsonBytes(desired), counts };
    if (matching.created.length === 0) return work;
    if (kind !== dialogNodeKind) {
        work.appendable = { added: matching.created, rest: elementOps.filter((op) => op.op !== "create") };
        return work;
    }
    // Dialog nodes: only a pure addition whose nodes take no existing node's place.
    const added = new Set(matching.created.map((n: any) => n.dialogNode as string));
    const onlyAdds = elementOps.every((op) => (op.op === "create") || (op.op === "update" && added.has(op.key)));
    const taken = new Set(positionsOf(stored).map((n) => `${n.parent ?? ""}\t${n.previousSibling ?? ""}`));
    const displaces = matching.created.some((n: any) => taken.has(`${n.parent ?? ""}\t${n.previousSibling ?? ""}`));
    if (onlyAdds && !displaces) {
        const order = elementOps.filter((op) => op.op === "create").map((op) => (op as { element: any }).element.dialogNode as string);
        const byId = new Map(desired.map((n) => [n.dialogNode as string, n]));
        work.appendable = { added: order.map((id) => byId.get(id)), rest: [] };
    }
    return work;
}

interface Candidate {
    modes: Map<CollectionName, Mode>;
    workspaceCalls: WorkspaceCall[];
    ops: ElementOp[];
    calls: PlannedCall[];
    bytes: number;
    estimate: Estimate;
    /** Appends went in one asynchronous update rather than split bodies. */
    asyncAppend: boolean;
}

/** Elements of several collections in bodies under CHUNK_BYTES (one element over it goes alone). */
function chunked(entries: [CollectionName, any[]][], split: boolean): Collections[] {
    if (!split) return [Object.fromEntries(entries)];
    const chunks: Collections[] = [];
    let chunk: Collections = {};
    let bytes = 0;
    for (const [collection, elements] of entries) {
        for (const element of elements) {
            const size = jsonBytes(element) + 1;
            if (bytes > 0 && bytes + size > CHUNK_BYTES) {
                chunks.push(chunk);
                chunk = {};
                bytes = 0;
            }
            (chunk[collection] ??= []).push(element);
            bytes += size;
        }
    }
    if (bytes > 0) chunks.push(chunk);
    return chunks;
}

const collectionsBytes = (collections: Collections) => Object.values(collections).reduce((sum, elements) => sum + jsonBytes(elements), 0);
const workspaceCallOf = (append: boolean, scalars: boolean, collections: Collections): WorkspaceCall => ({ append, scalars, collections, bytes: collectionsBytes(collections) });

function opBytes(op: ElementOp): number {
    return op.op === "delete" ? 0 : jsonBytes(op.element);
}

function candidate(works: CollectionWork[], modes: Map<CollectionName, Mode>, scalarsChanged: boolean, split: boolean, budgets: Budgets): Candidate {
    const replaced: Collections = {};
    const appended: [CollectionName, any[]][] = [];
    const ops: ElementOp[] = [];
    for (const work of works) {
        const mode = modes.get(work.kind.collection)!;
        if (mode === "replace") replaced[work.kind.collection] = work.desired;
        else if (mode === "append") {
            appended.push([work.kind.collection, work.appendable!.added]);
            ops.push(...work.appendable!.rest);
        } else ops.push(...work.elementOps);
    }
    const workspaceCalls: WorkspaceCall[] = [];
    const hasReplace = Object.keys(replaced).length > 0;
    if (hasReplace || (scalarsChanged && appended.length === 0)) workspaceCalls.push(workspaceCallOf(false, scalarsChanged, replaced));
    for (const chunk of appended.length > 0 ? chunked(appended, split) : []) {
        workspaceCalls.push(workspaceCallOf(true, scalarsChanged && workspaceCalls.length === 0, chunk));
    }
    const calls: PlannedCall[] = [
        ...workspaceCalls.map((call) => ({ bucket: "workspaceWrites" as const, bytes: call.bytes, async: call.bytes > MAX_SYNC_WORKSPACE_BYTES })),
        ...ops.map((op) => ({ bucket: op.kind.writeBucket, bytes: opBytes(op) })),
    ];
    const bytes = calls.reduce((sum, call) => sum + call.bytes, 0);
    return { modes, workspaceCalls, ops, calls, bytes, estimate: estimate(calls, budgets), asyncAppend: !split && appended.length > 0 };
}

const better = (a: Candidate, b: Candidate) =>
    a.estimate.cost !== b.estimate.cost ? a.estimate.cost < b.estimate.cost
        : a.calls.length !== b.calls.length ? a.calls.length < b.calls.length : a.bytes < b.bytes;

/** Every assignment of a mode to each changed collection. */
function* assignments(works: CollectionWork[]): Generator<Map<CollectionName, Mode>> {
    if (works.length === 0) {
        yield new Map();
        return;
    }
    const [first, ...rest] = works;
    const modes: Mode[] = ["elements", "replace", ...(first.appendable ? ["append" as const] : [])];
    for (const tail of assignments(rest)) {
        for (const mode of modes) yield new Map([[first.kind.collection, mode], ...tail]);
    }
}

/**
 * The plan for all owned collections. `current[c]` is what the service holds of each collection
 * in `desired` (only declared, owned collections are ever carried whole).
 */
export function planWorkspace(current: CollectionDigests, desired: Collections, options: PlanOptions): WorkspacePlan {
    const budgets = options.budgets ?? documentedBudgets;
    const works = ELEMENT_KINDS
        .filter((kind) => desired[kind.collection] !== undefined)
        .map((kind) => collectionWork(kind, current[kind.collection], desired[kind.collection]!))
        .filter((work) => work.elementOps.length > 0);
    let best: Candidate | undefined;
    let elementsOnly: Candidate | undefined;
    for (const modes of assignments(works)) {
        const hasAppend = [...modes.values()].includes("append");
        for (const split of hasAppend ? [true, false] : [true]) {
            const c = candidate(works, modes, options.scalarsChanged, split, budgets);
            if (!best || better(c, best)) best = c;
            if ([...modes.values()].every((m) => m === "elements")) elementsOnly = c;
        }
    }
    const chosen = best!;
    return {
        workspaceCalls: chosen.workspaceCalls,
        ops: chosen.ops,
        choices: works.map((work) => choice(work, chosen)),
        estimate: chosen.estimate,
        elementsOnly: elementsOnly && elementsOnly !== chosen ? elementsOnly.estimate : undefined,
    };
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function changesText(work: CollectionWork): string {
    const { added, changed, renamed, removed } = work.counts;
    const parts = [[added, "added"], [changed, "changed"], [renamed, "renamed"], [removed, "removed"]].filter(([n]) => (n as number) > 0);
    const label = work.kind.label;
    if (parts.length === 0) return `${label}s moved`;
    if (parts.length === 1) return `${plural(parts[0][0] as number, label)} ${parts[0][1]}`;
    return `${label}s: ${parts.map(([n, what]) => `${n} ${what}`).join(", ")}`;
}

function choice(work: CollectionWork, chosen: Candidate): CollectionChoice {
    const collection = work.kind.collection;
    const mode = chosen.modes.get(collection)!;
    const changes = changesText(work);
    if (mode === "elements") return { collection, mode, text: `${changes} in ${plural(work.elementOps.length, "element call")}` };
    if (mode === "replace") {
        const async = work.wholeBytes > MAX_SYNC_WORKSPACE_BYTES ? ", asynchronous" : "";
        return { collection, mode, text: `${changes} in 1 call (the whole collection replaced, ${megabytes(work.wholeBytes)}${async}, instead of ${plural(work.elementOps.length, "element call")})` };
    }
    const appendCalls = chosen.workspaceCalls.filter((call) => call.append && call.collections[collection] !== undefined);
    const how = chosen.asyncAppend && appendCalls.some((call) => call.bytes > MAX_SYNC_WORKSPACE_BYTES) ? "append, asynchronous" : appendCalls.length > 1 ? "append, split by size" : "append";
    const rest = work.appendable!.rest.length;
    const added = `${plural(work.counts.added, work.kind.label)} added in ${plural(appendCalls.length, "call")} (${how})`;
    return { collection, mode, text: rest > 0 ? `${added}; ${plural(rest, "element call")} for the rest` : added };
}

/** One line for logs and the plan summary: what was chosen, and why. */
export function describePlan(plan: WorkspacePlan, scalars: readonly string[]): string {
    const parts = plan.choices.map((c) => c.text);
    if (scalars.length > 0) parts.push(`settings (${scalars.join(", ")}) in the first workspace update`);
    if (parts.length === 0) return "no change";
    const seconds = (e: Estimate) => `~${e.seconds < 10 ? e.seconds.toFixed(1) : Math.round(e.seconds).toLocaleString("en-US")} s`;
    const why = plan.elementsOnly
        ? `; ${seconds(plan.estimate)} of service time, element calls alone ${seconds(plan.elementsOnly)}${plan.elementsOnly.windows.length > 0 ? ` (past the ${plan.elementsOnly.windows.join(", ")} rate limit)` : ""}`
        : "";
    return `${parts.join("; ")}${why}`;
}
