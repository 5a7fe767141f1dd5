/** The dialog tree of an exported workspace: nodes by id and children in sibling order. */

export interface DialogNode {
    dialog_node: string;
    type?: string;
    event_name?: string;
    parent?: string;
    previous_sibling?: string;
    conditions?: string;
    title?: string;
    variable?: string;
    output?: unknown;
    context?: Record<string, unknown>;
    actions?: unknown[];
    next_step?: { behavior: string; selector?: string; dialog_node?: string };
    disabled?: boolean;
    [field: string]: unknown;
}

export const ROOT = "root";

export class DialogTree {
    readonly byId = new Map<string, DialogNode>();
    private readonly children = new Map<string, DialogNode[]>();

    constructor(nodes: DialogNode[]) {
        for (const node of nodes) this.byId.set(node.dialog_node, node);
        const byParent = new Map<string, DialogNode[]>();
        for (const node of nodes) {
            const parent = node.parent ?? ROOT;
            if (!byParent.has(parent)) byParent.set(parent, []);
            byParent.get(parent)!.push(node);
        }
        for (const [parent, siblings] of byParent) this.children.set(parent, ordered(siblings));
    }

    /** Children in sibling order (previous_sibling chains; unlinked nodes keep their stored order). */
    childrenOf(parent: string): DialogNode[] {
        return this.children.get(parent) ?? [];
    }

    parentOf(node: DialogNode): string {
        return node.parent ?? ROOT;
    }
}

function ordered(siblings: DialogNode[]): DialogNode[] {
    const following = new Map<string, DialogNode>();
    for (const node of siblings) if (node.previous_sibling !== undefined) following.set(node.previous_sibling, node);
    const result: DialogNode[] = [];
    const placed = new Set<string>();
    const chainFrom = (node: DialogNode | undefined) => {
        while (node && !placed.has(node.dialog_node)) {
            placed.add(node.dialog_node);
            result.push(node);
            node = following.get(node.dialog_node);
        }
    };
    for (const node of siblings) if (node.previous_sibling === undefined) chainFrom(node);
    for (const node of siblings) chainFrom(node);
    return result;
}
