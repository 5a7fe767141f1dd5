/**
 * Dialog tree integrity. A node's place is (parent, previous_sibling); every such slot holds at
 * most one node, parents and previous siblings must exist, a previous sibling shares the parent,
 * parent chains and sibling chains have no cycles, and jump_to targets exist.
 */
import type { Violations } from "../core/violations";
import type { DialogNodeRecord } from "./model";
import { at } from "./validation";

const SLOT_BEHAVIORS = new Set(["reprompt", "skip_slot", "skip_all_slots"]);

/** next_step.behavior values that depend on the node's event and its parent's type (§3.5 rules). */
export function checkBehaviorContext(node: DialogNodeRecord, parent: DialogNodeRecord | undefined, path: string, problems: Violations): void {
    const behavior = (node.next_step as any)?.behavior;
    if (!SLOT_BEHAVIORS.has(behavior)) return;
    const event = node.event_name;
    const parentType = parent?.type;
    const allowed =
        node.type === "event_handler" &&
        ((event === "filled" && parentType === "slot" && behavior !== "skip_slot") ||
            (event === "nomatch" && parentType === "slot") ||
            (event === "generic" && parentType === "frame"));
    if (!allowed) {
        const behaviorPath = at(at(path, "next_step"), "behavior");
        problems.add(behaviorPath, `${behaviorPath} ${behavior} is valid only for event_handler nodes (filled/nomatch under a slot, generic under a frame)`);
    }
}

export function jumpTarget(node: DialogNodeRecord): string | undefined {
    const nextStep = node.next_step as any;
    return typeof nextStep?.dialog_node === "string" ? nextStep.dialog_node : undefined;
}

/**
 * Checks one node's references against the tree it lives in (`find` resolves ids). Updates that
 * leave next_step alone skip the jump check, so a jump dangling after a delete does not block them.
 */
export function checkReferences(
    node: DialogNodeRecord, find: (id: string) => DialogNodeRecord | undefined, path: string, problems: Violations,
    checkJump = true,
): void {
    const parent = node.parent !== undefined ? find(node.parent) : undefined;
    if (node.parent !== undefined) {
        if (node.parent === node.dialog_node) problems.add(at(path, "parent"), "A dialog node cannot be its own parent");
        else if (!parent) problems.add(at(path, "parent"), `Parent dialog node "${node.parent}" does not exist`);
    }
    if (node.previous_sibling !== undefined) {
        const previous = find(node.previous_sibling);
        if (node.previous_sibling === node.dialog_node) {
            problems.add(at(path, "previous_sibling"), "A dialog node cannot be its own previous sibling");
        } else if (!previous) {
            problems.add(at(path, "previous_sibling"), `Previous sibling dialog node "${node.previous_sibling}" does not exist`);
        } else if (previous.parent !== node.parent) {
            problems.add(at(path, "previous_sibling"), `Previous sibling "${node.previous_sibling}" does not have the same parent`);
        }
    }
    const target = jumpTarget(node);
    if (checkJump && target !== undefined && !find(target)) {
        problems.add(at(at(path, "next_step"), "dialog_node"), `Jump target dialog node "${target}" does not exist`);
    }
    checkBehaviorContext(node, parent, path, problems);
}

/** Whole-tree validation of a full set of nodes (workspace create/update bodies). */
export function validateDialogTree(nodes: DialogNodeRecord[], pathOf: (index: number) => string, problems: Violations): void {
    const byId = new Map<string, DialogNodeRecord>();
    for (const node of nodes) byId.set(node.dialog_node, node);
    const slots = new Map<string, number>();
    nodes.forEach((node, i) => {
        checkReferences(node, (id) => byId.get(id), pathOf(i), problems);
        const slot = `${node.parent ?? ""}\u0000${node.previous_sibling ?? ""}`;
        const taken = slots.get(slot);
        if (taken !== undefined) {
            const which = node.previous_sibling !== undefined ? `previous sibling "${node.previous_sibling}"` : "no previous sibling";
            problems.add(at(pathOf(i), "previous_sibling"), `Dialog nodes "${nodes[taken].dialog_node}" and "${node.dialog_node}" both have ${which} under the same parent`);
        } else {
            slots.set(slot, i);
        }
    });
    if (problems.any) return;
    // Parent cycles: walk up from every node, remembering nodes already known to reach a root.
    const reachesRoot = new Set<string>();
    for (const [i, node] of nodes.entries()) {
        const chain = new Set<string>();
        let current: DialogNodeRecord | undefined = node;
        while (current && !reachesRoot.has(current.dialog_node)) {
            if (chain.has(current.dialog_node)) {
                problems.add(at(pathOf(i), "parent"), `Dialog node "${node.dialog_node}" is part of a parent cycle`);
                return;
            }
            chain.add(current.dialog_node);
            current = current.parent !== undefined ? byId.get(current.parent) : undefined;
        }
        for (const id of chain) reachesRoot.add(id);
    }
    // Sibling cycles: with unique slots, every sibling group must be one chain from its first node.
    const next = new Map<string, DialogNodeRecord>();
    for (const node of nodes) next.set(`${node.parent ?? ""}\u0000${node.previous_sibling ?? ""}`, node);
    let reached = 0;
    for (const node of nodes) {
        if (node.previous_sibling !== undefined) continue;
        for (let current: DialogNodeRecord | undefined = node; current; current = next.get(`${current.parent ?? ""}\u0000${current.dialog_node}`)) {
            reached++;
        }
    }
    if (reached !== nodes.length) {
        const stranded = nodes.findIndex((node) => node.previous_sibling !== undefined && isInSiblingCycle(node, byId));
        problems.add(at(pathOf(Math.max(stranded, 0)), "previous_sibling"), "previous_sibling links form a cycle");
    }
}

function isInSiblingCycle(node: DialogNodeRecord, byId: Map<string, DialogNodeRecord>): boolean {
    const seen = new Set<string>();
    let current: DialogNodeRecord | undefined = node;
    while (current && current.previous_sibling !== undefined) {
        if (seen.has(current.dialog_node)) return true;
        seen.add(current.dialog_node);
        current = byId.get(current.previous_sibling);
    }
    return false;
}

/** Ids of a node and all its descendants. */
export function subtreeIds(nodes: DialogNodeRecord[], rootId: string): Set<string> {
    const children = new Map<string, string[]>();
    for (const node of nodes) {
        if (node.parent === undefined) continue;
        const list = children.get(node.parent);
        if (list) list.push(node.dialog_node);
        else children.set(node.parent, [node.dialog_node]);
    }
    const ids = new Set<string>([rootId]);
    const pending = [rootId];
    while (pending.length > 0) {
        for (const child of children.get(pending.pop()!) ?? []) {
            if (!ids.has(child)) {
                ids.add(child);
                pending.push(child);
            }
        }
    }
    return ids;
}

/** The node currently in slot (parent, previousSibling), other than `except`. */
export function occupantOf(nodes: DialogNodeRecord[], parent: string | undefined, previousSibling: string | undefined, except?: DialogNodeRecord): DialogNodeRecord | undefined {
    return nodes.find((node) => node !== except && node.parent === parent && node.previous_sibling === previousSibling);
}
