/** Counterexamples (inputs marked irrelevant): rules and handlers. */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { addByKey, findByKey, firstDuplicate, removeByKey, renameByKey } from "./collection";
import type { CounterexampleRecord, WorkspaceRecord } from "./model";
import { paginate } from "./pagination";
import { conflict, isoNow, markChanged, notFound, requireWorkspace, viewFlags } from "./store";
import { Problems, at, checkArray, checkObject, checkPlainText, requireBodyObject } from "./validation";
import { counterexampleView } from "./views";

export function parseCounterexample(raw: unknown, path: string, stamp: string, problems: Problems): CounterexampleRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return { text: checkPlainText(body.text, at(path, "text"), 1024, problems) as string, created: stamp, updated: stamp };
}

export function parseCounterexamples(raw: unknown, path: string, stamp: string, problems: Problems): CounterexampleRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const counterexamples = list.map((item, i) => parseCounterexample(item, at(path, i), stamp, problems));
    const duplicate = firstDuplicate(counterexamples, (c) => c.text);
    if (duplicate && duplicate.value !== undefined) {
        problems.add(at(at(path, duplicate.index), "text"), `Duplicate counterexample text "${duplicate.value}"`);
    }
    return counterexamples;
}

function requireCounterexample(workspace: WorkspaceRecord, text: string): CounterexampleRecord {
    const counterexample = findByKey(workspace.counterexamples, "text", text);
    if (!counterexample) throw notFound(`Counterexample not found: ${text}`);
    return counterexample;
}

const sortKeys = { text: (c: CounterexampleRecord) => c.text, updated: (c: CounterexampleRecord) => c.updated };

export function listCounterexamples(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = viewFlags(req, false);
    const page = paginate(workspace.counterexamples, req, { sortKeys });
    return { status: 200, body: { counterexamples: page.items.map((c) => counterexampleView(c, flags)), pagination: page.pagination } };
}

export function createCounterexample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const counterexample = parseCounterexample(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    if (findByKey(workspace.counterexamples, "text", counterexample.text)) {
        throw conflict(`Unique Violation: The counterexample "${counterexample.text}" already exists`, "text");
    }
    addByKey(workspace.counterexamples, "text", counterexample);
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: counterexampleView(counterexample, viewFlags(req, false)) };
}

export function getCounterexample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: counterexampleView(requireCounterexample(workspace, req.params.text), viewFlags(req, false)) };
}

/** `text` in the body renames the counterexample. */
export function updateCounterexample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const counterexample = requireCounterexample(workspace, req.params.text);
    const body = requireBodyObject(req.body);
    const problems = new Problems();
    const newText = "text" in body ? checkPlainText(body.text, "text", 1024, problems) : undefined;
    problems.throwIfAny();
    if (newText !== undefined && newText !== counterexample.text) {
        if (findByKey(workspace.counterexamples, "text", newText)) {
            throw conflict(`Unique Violation: The counterexample "${newText}" already exists`, "text");
        }
        renameByKey(workspace.counterexamples, "text", counterexample, newText);
    }
    const stamp = isoNow(ctx);
    counterexample.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: counterexampleView(counterexample, viewFlags(req, false)) };
}

export function deleteCounterexample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    if (!removeByKey(workspace.counterexamples, "text", req.params.text)) {
        throw notFound(`Counterexample not found: ${req.params.text}`);
    }
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}
