/**
 * Dialog node rules. Element calls keep the tree consistent: a created or moved node
 * takes its slot and the node that held it now follows it; a deleted node takes its descendants
 * with it and its follower moves up; a rename rewrites parent, previous_sibling and jump_to links.
 */
import type { Violations } from "../core/violations";
import { findByKey, removeAllByKey } from "./collection";
import { checkNodeFields } from "./dialog-fields";
import { checkReferences, jumpTarget, occupantOf, subtreeIds } from "./dialog-tree";
import type { Edit, ElementKind } from "./elements";
import type { DialogNodeRecord, WorkspaceRecord } from "./model";
import { bodyViolations, checkObject, listParser } from "./validation";
import { dialogNodeView } from "./views";

function toRecord(fields: Record<string, unknown>, stamp: string): DialogNodeRecord {
    const node: any = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) node[key] = value;
    node.created = stamp;
    node.updated = stamp;
    return node as DialogNodeRecord;
}

export function parseDialogNode(raw: unknown, path: string, stamp: string, problems: Violations): DialogNodeRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return toRecord(checkNodeFields(body, path, problems, true), stamp);
}

/** Field rules and duplicate ids of a body's dialog_nodes (tree checks come after, on the final set). */
export const parseDialogNodes = listParser(parseDialogNode, "dialog_node", "dialog node id");

export const dialogNodeKind: ElementKind<DialogNodeRecord, WorkspaceRecord> = {
    listInCreationOrder: true,
    noun: "dialog node",
    key: "dialog_node",
    plural: "dialog_nodes",
    place: (workspace) => ({ list: workspace.dialog_nodes, parent: workspace, owners: [] }),
    parse: parseDialogNode,
    view: dialogNodeView,
    /** The new node must fit the tree; it takes its slot and the node that held it follows it. */
    beforeAdd(node, { list: nodes }) {
        const problems = bodyViolations();
        const find = (id: string) => (id === node.dialog_node ? node : findByKey(nodes, "dialog_node", id));
        checkReferences(node, find, "", problems);
        problems.throwIfAny();
        const displaced = occupantOf(nodes, node.parent, node.previous_sibling);
        if (displaced) displaced.previous_sibling = node.dialog_node;
    },
    update: updateNode,
    renamed(node, oldId, { list: nodes }) {
        const newId = node.dialog_node;
        for (const other of nodes) {
            if (other.parent === oldId) other.parent = newId;
            if (other.previous_sibling === oldId) other.previous_sibling = newId;
            if (jumpTarget(other) === oldId) other.next_step = { ...(other.next_step as object), dialog_node: newId };
        }
    },
    /** Deletes the node and its descendants; the following sibling takes the deleted node's place. */
    remove(node, { list: nodes }) {
        const follower = occupantOf(nodes, node.parent, node.dialog_node, node);
        if (follower) follower.previous_sibling = node.previous_sibling;
        removeAllByKey(nodes, "dialog_node", subtreeIds(nodes, node.dialog_node));
    },
};

/** Included fields replace (null clears); `dialog_node` renames; parent/previous_sibling move. */
function updateNode({ element: node, place: { list: nodes }, body, claim, rename }: Edit<DialogNodeRecord, WorkspaceRecord>): void {
    const problems = bodyViolations();
    const fields = checkNodeFields(body, "", problems, false);
    problems.throwIfAny();

    const oldId = node.dialog_node;
    const newId = (fields.dialog_node as string | undefined) ?? oldId;
    claim(newId);
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
    rename(newId);
    for (const key of Object.keys(node)) if (!(key in proposed)) delete node[key];
    Object.assign(node, proposed, { dialog_node: newId });
    if (moved) {
        const displaced = occupantOf(nodes, node.parent, node.previous_sibling, node);
        if (displaced) displaced.previous_sibling = newId;
    }
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
