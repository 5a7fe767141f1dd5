/**
 * Dialog node rules and handlers. Element calls keep the tree consistent: a created or moved node
 * takes its slot and the node that held it now follows it; a deleted node takes its descendants
 * with it and its follower moves up; a rename rewrites parent, previous_sibling and jump_to links.
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { addByKey, findByKey, firstDuplicate, removeAllByKey, renameByKey } from "./collection";
import { checkNodeFields } from "./dialog-fields";
import { checkReferences, jumpTarget, occupantOf, subtreeIds } from "./dialog-tree";
import type { DialogNodeRecord, WorkspaceRecord } from "./model";
import { paginate } from "./pagination";
import { conflict, isoNow, markChanged, notFound, requireWorkspace, viewFlags } from "./store";
import { Problems, at, checkArray, checkObject, requireBodyObject } from "./validation";
import { dialogNodeView } from "./views";

function toRecord(fields: Record<string, unknown>, stamp: string): DialogNodeRecord {
    const node: any = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) node[key] = value;
    node.created = stamp;
    node.updated = stamp;
    return node as DialogNodeRecord;
}

export function parseDialogNode(raw: unknown, path: string, stamp: string, problems: Problems): DialogNodeRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return toRecord(checkNodeFields(body, path, problems, true), stamp);
}

/** Field rules and duplicate ids of a body's dialog_nodes (tree checks come after, on the final set). */
export function parseDialogNodes(raw: unknown, path: string, stamp: string, problems: Problems): DialogNodeRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const nodes = list.map((item, i) => parseDialogNode(item, at(path, i), stamp, problems));
    const duplicate = firstDuplicate(nodes, (n) => n.dialog_node);
    if (duplicate && duplicate.value !== undefined) {
        problems.add(at(at(path, duplicate.index), "dialog_node"), `Duplicate dialog node id "${duplicate.value}"`);
    }
    return nodes;
}

function requireNode(workspace: WorkspaceRecord, id: string): DialogNodeRecord {
    const node = findByKey(workspace.dialog_nodes, "dialog_node", id);
    if (!node) throw notFound(`Dialog node not found: ${id}`);
    return node;
}

const sortKeys = { dialog_node: (n: DialogNodeRecord) => n.dialog_node, updated: (n: DialogNodeRecord) => n.updated };

export function listDialogNodes(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = viewFlags(req, false);
    const page = paginate(workspace.dialog_nodes, req, { sortKeys });
    return { status: 200, body: { dialog_nodes: page.items.map((n) => dialogNodeView(n, flags)), pagination: page.pagination } };
}

export function getDialogNode(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: dialogNodeView(requireNode(workspace, req.params.dialog_node), viewFlags(req, false)) };
}

export function createDialogNode(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const node = parseDialogNode(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    const nodes = workspace.dialog_nodes;
    if (findByKey(nodes, "dialog_node", node.dialog_node)) {
        throw conflict(`Unique Violation: The dialog node "${node.dialog_node}" already exists`, "dialog_node");
    }
    const find = (id: string) => (id === node.dialog_node ? node : findByKey(nodes, "dialog_node", id));
    checkReferences(node, find, "", problems);
    problems.throwIfAny();
    const displaced = occupantOf(nodes, node.parent, node.previous_sibling);
    if (displaced) displaced.previous_sibling = node.dialog_node;
    addByKey(nodes, "dialog_node", node);
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: dialogNodeView(node, viewFlags(req, false)) };
}

/** Included fields replace (null clears); `dialog_node` renames; parent/previous_sibling move. */
export function updateDialogNode(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const nodes = workspace.dialog_nodes;
    const node = requireNode(workspace, req.params.dialog_node);
    const body = requireBodyObject(req.body);
    const problems = new Problems();
    const fields = checkNodeFields(body, "", problems, false);
    problems.throwIfAny();

    const oldId = node.dialog_node;
    const newId = (fields.dialog_node as string | undefined) ?? oldId;
    if (newId !== oldId && findByKey(nodes, "dialog_node", newId)) {
        throw conflict(`Unique Violation: The dialog node "${newId}" already exists`, "dialog_node");
    }
    // The node as it will be, checked against the tree as it will be.
    const proposed: DialogNodeRecord = { ...node, dialog_node: newId };
    for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) delete proposed[key];
        else proposed[key] = value;
    }
    const find = (id: string) => (id === newId ? proposed : id === oldId ? undefined : findByKey(nodes, "dialog_node", id));
    checkReferences(proposed, find, "", problems, "next_step" in body);
    if (proposed.parent !== undefined && proposed.parent !== newId && isDescendant(nodes, proposed.parent, oldId)) {
        problems.add("parent", `Dialog node "${proposed.parent}" is a descendant of "${oldId}"; moving there would create a cycle`);
    }
    problems.throwIfAny();

    const moved = proposed.parent !== node.parent || proposed.previous_sibling !== node.previous_sibling;
    if (moved) {
        const follower = occupantOf(nodes, node.parent, oldId, node);
        if (follower) follower.previous_sibling = node.previous_sibling;
    }
    if (newId !== oldId) renameReferences(workspace, node, newId);
    for (const key of Object.keys(node)) if (!(key in proposed)) delete node[key];
    Object.assign(node, proposed, { dialog_node: newId });
    if (moved) {
        const displaced = occupantOf(nodes, node.parent, node.previous_sibling, node);
        if (displaced) displaced.previous_sibling = newId;
    }
    const stamp = isoNow(ctx);
    node.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: dialogNodeView(node, viewFlags(req, false)) };
}

function isDescendant(nodes: DialogNodeRecord[], candidate: string, ancestor: string): boolean {
    const seen = new Set<string>();
    let current = findByKey(nodes, "dialog_node", candidate);
    while (current && !seen.has(current.dialog_node)) {
        if (current.dialog_node === ancestor) return true;
        seen.add(current.dialog_node);
        current = current.parent !== undefined ? findByKey(nodes, "dialog_node", current.parent) : undefined;
    }
    return false;
}

function renameReferences(workspace: WorkspaceRecord, node: DialogNodeRecord, newId: string): void {
    const oldId = node.dialog_node;
    renameByKey(workspace.dialog_nodes, "dialog_node", node, newId);
    for (const other of workspace.dialog_nodes) {
        if (other.parent === oldId) other.parent = newId;
        if (other.previous_sibling === oldId) other.previous_sibling = newId;
        if (jumpTarget(other) === oldId) other.next_step = { ...(other.next_step as object), dialog_node: newId };
    }
}

/** Deletes the node and its descendants; the following sibling takes the deleted node's place. */
export function deleteDialogNode(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const nodes = workspace.dialog_nodes;
    const node = requireNode(workspace, req.params.dialog_node);
    const follower = occupantOf(nodes, node.parent, node.dialog_node, node);
    if (follower) follower.previous_sibling = node.previous_sibling;
    removeAllByKey(nodes, "dialog_node", subtreeIds(nodes, node.dialog_node));
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}
