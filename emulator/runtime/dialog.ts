/**
 * One dialog turn over an exported workspace's dialog_nodes. Supported (see emulator/README.md):
 * standard nodes and folders evaluated in sibling order, children after a node that waits for
 * input, response conditions, node context, frames with slots (focus prompt, input check, filled,
 * nomatch, generic handlers of the focused slot and of the frame with reprompt / skip_all_slots), and next_step jump_to
 * (selectors condition, body, client, user_input), skip_user_input and get_user_input. What is outside the subset
 * is reported in log_messages and never throws.
 */
import { conditionHolds, UnsupportedExpression } from "./conditions";
import { DialogTree, ROOT, type DialogNode } from "./dialog-tree";
import { contextValue, renderOutput, type OutputCounters, type RenderScope, type ResponseItem } from "./responses";
import type { LogMessage, Understanding } from "./types";

/** Where the next input goes: the root, a node's children, a jump target (client), or a frame's slot. */
export interface StackEntry {
    dialog_node: string;
    state?: "in_progress" | "jump_client";
    slot?: string;
}

/** Carried from turn to turn (v1: context.system; v2: the skill's system.state). */
export interface DialogState {
    dialog_stack: StackEntry[];
    dialog_turn_counter: number;
    _node_output_map: OutputCounters;
}

export interface DialogTurn {
    generic: ResponseItem[];
    nodesVisited: DialogNode[];
    log: LogMessage[];
    actions: unknown[];
    variables: Record<string, unknown>;
    state: DialogState;
}

/** A jump loop or deep chain ends the turn after this many node executions. */
const MAX_STEPS = 50;
const NOT_EVALUATED = new Set(["slot", "event_handler", "response_condition"]);
const ROOT_STACK: StackEntry[] = [{ dialog_node: ROOT }];

export function initialDialogState(): DialogState {
    return { dialog_stack: ROOT_STACK, dialog_turn_counter: 0, _node_output_map: {} };
}

export function runDialog(nodes: DialogNode[], understanding: Understanding, variables: Record<string, unknown>, state: DialogState | undefined): DialogTurn {
    const start = state ?? initialDialogState();
    try {
        return new Turn(new DialogTree(nodes), understanding, { ...variables }, start).run();
    } catch (error) {
        // Content the emulator does not understand must never fail the call: report and start over.
        return {
            generic: [],
            nodesVisited: [],
            log: [{ level: "error", code: "emulator_error", msg: `The emulator could not run this dialog turn: ${(error as Error).message}` }],
            actions: [],
            variables,
            state: { ...start, dialog_stack: ROOT_STACK, dialog_turn_counter: start.dialog_turn_counter + 1 },
        };
    }
}

class Turn {
    private readonly items: ResponseItem[] = [];
    private readonly visited: DialogNode[] = [];
    private readonly log: LogMessage[] = [];
    private readonly actions: unknown[] = [];
    private readonly scope: RenderScope;
    private steps = 0;

    constructor(
        private readonly tree: DialogTree,
        understanding: Understanding,
        private readonly variables: Record<string, unknown>,
        private readonly state: DialogState,
    ) {
        const counters = { ...state._node_output_map };
        this.scope = { understanding, variables, firstTurn: state.dialog_turn_counter === 0, counters, log: this.log };
    }

    run(): DialogTurn {
        const top = this.state.dialog_stack[0] ?? ROOT_STACK[0];
        const node = this.tree.byId.get(top.dialog_node);
        let stack: StackEntry[];
        if (top.state === "in_progress" && node) {
            stack = this.frame(node, top.slot, false) ?? this.respond(node);
        } else {
            const first =
                top.state === "jump_client" && node ? this.firstMatch(this.siblingsFrom(node)) :
                node ? this.firstMatch(this.tree.childrenOf(node.dialog_node)) : undefined;
            const matched = first ?? this.firstMatch(this.tree.childrenOf(ROOT));
            if (matched) {
                stack = this.execute(matched);
            } else {
                this.log.push({ level: "warn", code: "no_node_matched", msg: "No dialog node condition matched to true in the last dialog round; falling back to the root node in the next round." });
                stack = ROOT_STACK;
            }
        }
        return {
            generic: this.items,
            nodesVisited: this.visited,
            log: this.log,
            actions: this.actions,
            variables: this.variables,
            state: { dialog_stack: stack, dialog_turn_counter: this.state.dialog_turn_counter + 1, _node_output_map: this.scope.counters },
        };
    }

    private holds(condition: string | undefined, node: DialogNode): boolean {
        try {
            return conditionHolds(condition, this.scope);
        } catch (error) {
            if (!(error instanceof UnsupportedExpression)) throw error;
            this.log.push({ level: "warn", code: "emulator_unsupported_condition", msg: `Condition "${condition}" of dialog node ${node.dialog_node} is outside the emulated subset (${error.message}); treated as false` });
            return false;
        }
    }

    /** The first node (folders open in place) whose condition holds. */
    private firstMatch(candidates: DialogNode[]): DialogNode | undefined {
        for (const node of candidates) {
            if (node.disabled || NOT_EVALUATED.has(node.type ?? "standard")) continue;
            if (node.type === "folder") {
                if (node.conditions !== undefined && node.conditions.trim() !== "" && !this.holds(node.conditions, node)) continue;
                const inside = this.firstMatch(this.tree.childrenOf(node.dialog_node));
                if (inside) return inside;
                continue;
            }
            if (this.holds(node.conditions, node)) return node;
        }
        return undefined;
    }

    private siblingsFrom(node: DialogNode): DialogNode[] {
        const siblings = this.tree.childrenOf(this.tree.parentOf(node));
        return siblings.slice(Math.max(0, siblings.indexOf(node)));
    }

    private evaluableChildren(node: DialogNode): DialogNode[] {
        return this.tree.childrenOf(node.dialog_node).filter((child) => !NOT_EVALUATED.has(child.type ?? "standard"));
    }

    private execute(node: DialogNode): StackEntry[] {
        if (++this.steps > MAX_STEPS) {
            this.log.push({ level: "error", code: "too_many_nodes", msg: `More than ${MAX_STEPS} dialog nodes ran in one turn (a jump loop?); the turn stops at ${node.dialog_node}` });
            return ROOT_STACK;
        }
        this.visited.push(node);
        const waiting = this.frame(node, undefined, true);
        return waiting ?? this.respond(node);
    }

    private applyContext(node: DialogNode): void {
        if (node.context === null || typeof node.context !== "object") return;
        for (const [name, value] of Object.entries(node.context)) this.variables[name] = contextValue(value, this.scope);
    }

    private render(node: DialogNode): void {
        this.items.push(...renderOutput(node.output, node.dialog_node, this.scope));
        if (Array.isArray(node.actions)) this.actions.push(...node.actions);
    }

    /** The node's own response (context, response conditions or output, actions), then its next step. */
    private respond(node: DialogNode): StackEntry[] {
        this.applyContext(node);
        const conditional = this.tree.childrenOf(node.dialog_node).filter((child) => child.type === "response_condition");
        if (conditional.length > 0) {
            const chosen = conditional.find((candidate) => !candidate.disabled && this.holds(candidate.conditions, candidate));
            if (chosen) {
                this.applyContext(chosen);
                this.render(chosen);
            }
        } else {
            this.render(node);
        }
        return this.nextStep(node);
    }

    private nextStep(node: DialogNode): StackEntry[] {
        const step = node.next_step;
        const children = this.evaluableChildren(node);
        if (!step || step.behavior === "get_user_input") return children.length > 0 ? [{ dialog_node: node.dialog_node }] : ROOT_STACK;
        if (step.behavior === "skip_user_input") {
            const matched = this.firstMatch(children);
            return matched ? this.execute(matched) : ROOT_STACK;
        }
        if (step.behavior !== "jump_to") {
            this.log.push({ level: "info", code: "emulator_unsupported_next_step", msg: `next_step.behavior "${step.behavior}" of dialog node ${node.dialog_node} is not emulated here; back to the root` });
            return ROOT_STACK;
        }
        const target = step.dialog_node === undefined ? undefined : this.tree.byId.get(step.dialog_node);
        if (!target) {
            this.log.push({ level: "error", code: "jump_target_missing", msg: `Dialog node ${node.dialog_node} jumps to ${step.dialog_node}, which does not exist` });
            return ROOT_STACK;
        }
        if (step.selector === "body") return this.execute(target);
        if (step.selector === "client" || step.selector === "user_input") return [{ dialog_node: target.dialog_node, state: "jump_client" }];
        const matched = this.firstMatch(this.siblingsFrom(target)) ?? this.firstMatch(this.tree.childrenOf(ROOT));
        return matched ? this.execute(matched) : ROOT_STACK;
    }

    /**
     * Slot filling. Returns the stack entry to wait on while a prompted slot is empty, or undefined
     * when the node has no slots or all of them are filled (then the node responds).
     */
    private frame(node: DialogNode, focus: string | undefined, entering: boolean): StackEntry[] | undefined {
        const slots = this.tree.childrenOf(node.dialog_node).filter((child) => child.type === "slot" && !child.disabled);
        if (slots.length === 0) return undefined;
        if (!entering) this.visited.push(node);
        const variableOf = (slot: DialogNode) => (slot.variable ?? "").replace(/^\$/, "");
        const handler = (slot: DialogNode, event: string) =>
            this.tree.childrenOf(slot.dialog_node).find((h) => h.type === "event_handler" && h.event_name === event && !h.disabled);
        let filledAny = false;
        for (const slot of slots) {
            const check = handler(slot, "input");
            const empty = this.variables[variableOf(slot)] === undefined || this.variables[variableOf(slot)] === null;
            if (!check || !(empty || slot.dialog_node === focus) || !this.holds(check.conditions, check)) continue;
            if (check.context) this.applyContext(check);
            else this.variables[variableOf(slot)] = contextValue(check.conditions, this.scope);
            filledAny = true;
            const filled = handler(slot, "filled");
            if (filled && (filled.conditions === undefined || filled.conditions === "" || this.holds(filled.conditions, filled))) this.render(filled);
        }
        let prompt = true;
        if (!entering && !filledAny) {
            const focused = slots.find((slot) => slot.dialog_node === focus);
            // The focused slot's own handlers first, then the frame's.
            const generic = [...(focused ? this.tree.childrenOf(focused.dialog_node) : []), ...this.tree.childrenOf(node.dialog_node)]
                .find((h) => h.type === "event_handler" && h.event_name === "generic" && !h.disabled && this.holds(h.conditions, h));
            const nomatch = focused && handler(focused, "nomatch");
            if (generic) {
                this.applyContext(generic);
                this.render(generic);
                if (generic.next_step?.behavior === "skip_all_slots") return undefined;
                prompt = generic.next_step === undefined || generic.next_step.behavior === "reprompt";
            } else if (nomatch) {
                this.render(nomatch);
                prompt = false;
            }
        }
        const next = slots.find((slot) => handler(slot, "focus") && (this.variables[variableOf(slot)] === undefined || this.variables[variableOf(slot)] === null));
        if (!next) return undefined;
        if (prompt) this.render(handler(next, "focus")!);
        return [{ dialog_node: node.dialog_node, state: "in_progress", slot: next.dialog_node }];
    }
}
