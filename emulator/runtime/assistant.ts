/**
 * One turn of an assistant (v2): an action whose intent matches answers first; otherwise the dialog
 * skill runs; if the dialog gives no response, the actions skill's `anything_else` action answers.
 */
import { answerWithAction, fallbackAction, type ActionsContent } from "./actions";
import { runDialog, type DialogState } from "./dialog";
import type { DialogNode } from "./dialog-tree";
import type { ResponseItem } from "./responses";
import { understand, type InputOverrides } from "./understand";
import type { LogMessage, RuntimeEntity, RuntimeIntent, TrainingData } from "./types";

export interface DialogContent extends TrainingData {
    dialog_nodes?: DialogNode[];
}

/** The skills an environment runs (each absent when disabled or not part of the release). */
export interface AssistantContent {
    dialog?: DialogContent;
    actions?: ActionsContent;
}

export interface AssistantTurnInput extends InputOverrides {
    text: string;
    alternateIntents: boolean;
    referenceMs: number;
    /** The dialog skill's context variables (`skills["main skill"].user_defined`). */
    variables: Record<string, unknown>;
    dialogState?: DialogState;
}

export interface AssistantTurn {
    generic: ResponseItem[];
    intents: RuntimeIntent[];
    entities: RuntimeEntity[];
    /** Which skill answered. */
    skill?: "main skill" | "actions skill";
    actionName?: string;
    nodesVisited: DialogNode[];
    log: LogMessage[];
    variables: Record<string, unknown>;
    dialogState?: DialogState;
}

export function runAssistantTurn(content: AssistantContent, input: AssistantTurnInput): AssistantTurn {
    const log: LogMessage[] = [];
    const options = { alternateIntents: input.alternateIntents, referenceMs: input.referenceMs, log, intents: input.intents, entities: input.entities };
    const firstTurn = (input.dialogState?.dialog_turn_counter ?? 0) === 0;
    const base = { nodesVisited: [] as DialogNode[], log, variables: input.variables, dialogState: input.dialogState };
    const actionAnswer = content.actions ? answerWithAction(content.actions, input.text, firstTurn, options) : undefined;
    if (actionAnswer?.action) {
        const { understanding, action, generic } = actionAnswer;
        return { ...base, generic, intents: understanding.intents, entities: understanding.entities, skill: "actions skill", actionName: action.action };
    }
    if (content.dialog) {
        const understanding = understand(content.dialog, input.text, options);
        const turn = runDialog(content.dialog.dialog_nodes ?? [], understanding, input.variables, input.dialogState);
        log.push(...turn.log);
        const answered = turn.generic.length > 0 || !content.actions;
        const generic = answered ? turn.generic : fallbackAction(content.actions!, log);
        return {
            generic,
            intents: understanding.intents,
            entities: understanding.entities,
            skill: answered ? "main skill" : "actions skill",
            nodesVisited: turn.nodesVisited,
            log,
            variables: turn.variables,
            dialogState: turn.state,
        };
    }
    if (actionAnswer) {
        const generic = fallbackAction(content.actions!, log);
        return { ...base, generic, intents: actionAnswer.understanding.intents, entities: actionAnswer.understanding.entities, skill: "actions skill" };
    }
    log.push({ level: "warn", code: "no_skill", msg: "The environment runs no skill (nothing deployed, or every skill disabled); no response" });
    return { ...base, generic: [], intents: [], entities: [] };
}
