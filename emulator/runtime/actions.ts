/**
 * Actions skills, reduced to "which action answers": the action whose condition names the top
 * intent of the actions skill's own training data answers with the text of its first step. The
 * `welcome` action answers an empty first input, `anything_else` an input no action matched. Steps
 * after the first, variables, collected customer responses and step conditions are not emulated.
 */
import { understand, type UnderstandOptions } from "./understand";
import type { LogMessage, TrainingData, Understanding } from "./types";
import type { ResponseItem } from "./responses";

interface ActionStep {
    step?: string;
    output?: { generic?: any[] };
}

interface Action {
    action: string;
    title?: string;
    condition?: { intent?: string; expression?: string };
    steps?: ActionStep[];
}

export interface ActionsContent extends TrainingData {
    actions?: Action[];
}

export interface ActionAnswer {
    understanding: Understanding;
    /** The action that answered, if any. */
    action?: Action;
    generic: ResponseItem[];
}

/** Texts of a step: plain `text` values or the scalar parts of a `text_expression.concat`. */
function stepTexts(step: ActionStep | undefined, log: LogMessage[]): ResponseItem[] {
    const items: ResponseItem[] = [];
    const generic = step?.output?.generic;
    for (const response of Array.isArray(generic) ? generic : []) {
        if (response?.response_type !== "text") {
            items.push(response);
            continue;
        }
        const first = Array.isArray(response.values) ? response.values[0] : undefined;
        if (!first) continue;
        if (typeof first.text === "string") {
            items.push({ response_type: "text", text: first.text });
            continue;
        }
        const parts: any[] = Array.isArray(first.text_expression?.concat) ? first.text_expression.concat : [];
        if (parts.some((part) => part?.scalar === undefined)) log.push({ level: "info", code: "emulator_unsupported_variable", msg: "Variables inside action step texts are not emulated; left out" });
        items.push({ response_type: "text", text: parts.map((part) => (typeof part?.scalar === "string" ? part.scalar : "")).join("") });
    }
    return items;
}

export function answerWithAction(content: ActionsContent, text: string, firstTurn: boolean, options: UnderstandOptions): ActionAnswer {
    const understanding = understand(content, text, options);
    const actions = content.actions ?? [];
    const top = understanding.intents[0]?.intent;
    const byExpression = (expression: string) => actions.find((a) => a.condition?.expression === expression);
    const action =
        (top !== undefined ? actions.find((a) => a.condition?.intent === top) : undefined) ??
        (firstTurn && text.trim() === "" ? byExpression("welcome") : undefined);
    return { understanding, action, generic: action ? stepTexts(action.steps?.[0], options.log) : [] };
}

/** The `anything_else` action's first step, used when neither an action nor the dialog answered. */
export function fallbackAction(content: ActionsContent, log: LogMessage[]): ActionAnswer["generic"] {
    const fallback = (content.actions ?? []).find((a) => a.condition?.expression === "anything_else");
    return fallback ? stepTexts(fallback.steps?.[0], log) : [];
}
