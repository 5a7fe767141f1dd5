/**
 * One v1 message turn (POST /v1/workspaces/{workspace_id}/message) of the workspace through the
 * pure runtime; the conversation state travels in `context.system`, as the service does it. Logged
 * for the v1 log lists.
 */
import type { V1Context, WorkspaceRecord } from "./model";
import { isoNow } from "../core/clock";
import { type DialogState, runDialog, type StackEntry } from "../runtime/dialog";
import { type LogMessage, MAX_LOG_MESSAGES } from "../runtime/types";
import { understand } from "../runtime/understand";
import { appendV1Log } from "./logs";
import { bodyViolations, checkArray, checkBoolean, checkObject, checkText, requireBodyObject } from "./validation";
import { exportWorkspace } from "./workspace-views";

/** context keys that are not the dialog's variables. */
const RESERVED_CONTEXT = ["conversation_id", "system", "metadata"];

/** Version dates before this one get `context.system.dialog_stack` as plain node ids (["root"]). */
const STACK_OF_OBJECTS_SINCE = "2016-09-20";

/** A dialog stack as sent back by a client: objects, or the plain ids of the old versions. */
const stackEntries = (stack: unknown[]): StackEntry[] => stack.map((entry) => (typeof entry === "string" ? { dialog_node: entry } : (entry as StackEntry)));

function checkMessageBody(raw: unknown) {
    const body = requireBodyObject(raw ?? {});
    const problems = bodyViolations();
    const input = checkObject(body.input, "input", problems);
    if (input) checkText(input.text, "input.text", { max: 2048, singleLine: true }, problems);
    checkBoolean(body.alternate_intents, "alternate_intents", problems);
    checkText(body.user_id, "user_id", { singleLine: true }, problems);
    const context = checkObject(body.context, "context", problems);
    if (context) checkObject(context.system, "context.system", problems);
    checkArray(body.intents, "intents", problems);
    checkArray(body.entities, "entities", problems);
    checkObject(body.output, "output", problems);
    const state = context?.system?.dialog_stack === undefined ? undefined : context.system;
    if (state && (!Array.isArray(state.dialog_stack) || !Number.isInteger(state.dialog_turn_counter ?? 0))) {
        problems.add("context.system", "context.system is not a dialog state returned by this service");
    }
    problems.throwIfAny();
    return { body, text: typeof input?.text === "string" ? input.text : "", context: context ?? {}, state };
}

/** What a message request says besides its body. */
export interface MessageFacts {
    /** nodes_visited_details=true */
    withDetails: boolean;
    /** From X-Watson-Metadata; labels the log entry. */
    customerId?: string;
    /** The request's `version`: the shape of `dialog_stack` depends on it. */
    versionDate?: string;
}

/** Checks the body, runs the turn, logs it and returns the response body. */
export function message(ctx: V1Context, workspace: WorkspaceRecord, rawBody: unknown, { withDetails, customerId, versionDate }: MessageFacts): Record<string, unknown> {
    const { body, text, context, state } = checkMessageBody(rawBody);
    const requestTimestamp = isoNow(ctx);
    const content = exportWorkspace(ctx, workspace.workspace_id);
    const log: LogMessage[] = [];
    const alternateIntents = body.alternate_intents === true;
    const understanding = understand(content, text, {
        alternateIntents,
        referenceMs: ctx.now(),
        log,
        intents: body.intents,
        entities: body.entities,
    });
    const variables = Object.fromEntries(Object.entries(context).filter(([key]) => !RESERVED_CONTEXT.includes(key)));
    const dialogState: DialogState | undefined = state
        ? { dialog_stack: stackEntries(state.dialog_stack), dialog_turn_counter: state.dialog_turn_counter ?? 0, _node_output_map: state._node_output_map ?? {} }
        : undefined;
    const turn = runDialog(content.dialog_nodes ?? [], understanding, variables, dialogState);
    const conversationId = typeof context.conversation_id === "string" ? context.conversation_id : ctx.newId();
    const dialogStack = versionDate !== undefined && versionDate < STACK_OF_OBJECTS_SINCE ? turn.state.dialog_stack.map((entry) => entry.dialog_node) : turn.state.dialog_stack;
    const response = {
        input: { text },
        intents: understanding.intents,
        entities: understanding.entities,
        alternate_intents: alternateIntents,
        context: {
            ...turn.variables,
            conversation_id: conversationId,
            system: { ...(context.system ?? {}), ...turn.state, dialog_stack: dialogStack, dialog_request_counter: turn.state.dialog_turn_counter, initialized: true },
            ...(context.metadata !== undefined ? { metadata: context.metadata } : {}),
        },
        output: {
            generic: turn.generic,
            text: turn.generic.filter((item) => item.response_type === "text").map((item) => item.text),
            nodes_visited: turn.nodesVisited.map((node) => node.dialog_node),
            ...(withDetails
                ? { nodes_visited_details: turn.nodesVisited.map((n) => ({ dialog_node: n.dialog_node, ...(n.title ? { title: n.title } : {}), ...(n.conditions ? { conditions: n.conditions } : {}) })) }
                : {}),
            log_messages: [...log, ...turn.log].slice(0, MAX_LOG_MESSAGES),
        },
        ...(turn.actions.length > 0 ? { actions: turn.actions } : {}),
        // As documented: the user_id sent, else context.conversation_id.
        user_id: typeof body.user_id === "string" ? body.user_id : conversationId,
    };
    appendV1Log(ctx, {
        log_id: ctx.newId(),
        workspace_id: workspace.workspace_id,
        request: body,
        response,
        request_timestamp: requestTimestamp,
        response_timestamp: isoNow(ctx),
        language: workspace.language,
        ...(customerId ? { customer_id: customerId } : {}),
    });
    return response;
}
