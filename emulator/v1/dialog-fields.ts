/** Field rules of a dialog node (§3.5): ids, titles, enums, output.generic, next_step, actions. */
import type { Violations } from "../core/violations";
import { at, checkArray, checkBoolean, checkDescription, checkEnum, checkNodeId, checkNodeTitle, checkObject, checkText } from "./validation";

export const NODE_TYPES = ["standard", "event_handler", "frame", "slot", "response_condition", "folder"] as const;
export const EVENT_NAMES = [
    "focus", "input", "filled", "validate", "filled_multiple", "generic", "nomatch", "nomatch_responses_depleted",
    "digression_return_prompt",
] as const;
export const DIGRESS_IN = ["not_available", "returns", "does_not_return"] as const;
export const DIGRESS_OUT = ["allow_returning", "allow_all", "allow_all_never_return"] as const;
export const DIGRESS_OUT_SLOTS = ["not_allowed", "allow_returning", "allow_all"] as const;
export const BEHAVIORS = ["get_user_input", "skip_user_input", "jump_to", "reprompt", "skip_slot", "skip_all_slots"] as const;
export const SELECTORS = ["condition", "client", "user_input", "body"] as const;
/** The four of 2018-09-20, and `webhook` (the workspace's webhook) of later versions. */
export const ACTION_TYPES = ["client", "server", "cloud_function", "web_action", "webhook"] as const;
/** The documented five, plus response types of later API versions that real exports contain. */
export const RESPONSE_TYPES = [
    "text", "pause", "image", "option", "connect_to_agent",
    "search_skill", "channel_transfer", "user_defined", "video", "audio", "iframe",
] as const;
const SELECTION_POLICIES = ["sequential", "random", "multiline"] as const;
const PREFERENCES = ["dropdown", "button"] as const;
const MAX_ACTIONS = 5;
const MAX_OPTIONS = 20;

/** Fields a dialog node keeps; anything else in a body is ignored. */
export const NODE_FIELDS = [
    "dialog_node", "description", "conditions", "parent", "previous_sibling", "output", "context", "metadata", "next_step",
    "actions", "title", "type", "event_name", "variable", "digress_in", "digress_out", "digress_out_slots", "user_label",
    "disambiguation_opt_out", "disabled",
] as const;

/** Which documented response types a type-specific generic field is valid for. */
const VALID_ONLY_FOR: Record<string, string[]> = {
    values: ["text"], selection_policy: ["text"], delimiter: ["text"],
    time: ["pause"], typing: ["pause"],
    source: ["image"],
    preference: ["option"], options: ["option"],
    message_to_human_agent: ["connect_to_agent"],
    title: ["image", "option"], description: ["image", "option"],
};
const DOCUMENTED_TYPES = new Set(["text", "pause", "image", "option", "connect_to_agent"]);

function checkGenericItem(raw: unknown, path: string, problems: Violations): void {
    const item = checkObject(raw, path, problems, true);
    if (!item) return;
    const type = checkEnum(item.response_type, at(path, "response_type"), RESPONSE_TYPES, problems, true);
    if (!type || !DOCUMENTED_TYPES.has(type)) return;
    for (const [field, types] of Object.entries(VALID_ONLY_FOR)) {
        if (item[field] !== undefined && !types.includes(type)) {
            problems.add(at(path, field), `${at(path, field)} is valid only when response_type=${types.join(" or ")}`);
        }
    }
    if (type === "text") {
        const values = checkArray(item.values, at(path, "values"), problems);
        if (!values) problems.add(at(path, "values"), `${at(path, "values")} is required when response_type=text`);
        values?.forEach((value, i) => {
            const valuePath = at(at(path, "values"), i);
            const object = checkObject(value, valuePath, problems, true);
            if (object) checkText(object.text, at(valuePath, "text"), { max: 4096 }, problems);
        });
        checkEnum(item.selection_policy, at(path, "selection_policy"), SELECTION_POLICIES, problems);
        checkText(item.delimiter, at(path, "delimiter"), {}, problems);
    } else if (type === "pause") {
        const time = item.time;
        if (time !== undefined && (!Number.isInteger(time) || time < 0 || time > 10000)) {
            problems.add(at(path, "time"), `${at(path, "time")} must be an integer from 0 to 10000`);
        }
        checkBoolean(item.typing, at(path, "typing"), problems);
    } else if (type === "image") {
        checkText(item.source, at(path, "source"), { required: true }, problems);
    } else if (type === "option") {
        checkEnum(item.preference, at(path, "preference"), PREFERENCES, problems);
        const options = checkArray(item.options, at(path, "options"), problems, MAX_OPTIONS);
        if (!options) problems.add(at(path, "options"), `${at(path, "options")} is required when response_type=option`);
        options?.forEach((option, i) => checkOption(option, at(at(path, "options"), i), problems));
    } else if (type === "connect_to_agent") {
        checkText(item.message_to_human_agent, at(path, "message_to_human_agent"), { max: 256 }, problems);
    }
    if (type === "image" || type === "option") {
        checkText(item.title, at(path, "title"), { max: 512 }, problems);
        checkText(item.description, at(path, "description"), { max: 256 }, problems);
    }
}

function checkOption(raw: unknown, path: string, problems: Violations): void {
    const option = checkObject(raw, path, problems, true);
    if (!option) return;
    checkText(option.label, at(path, "label"), { required: true }, problems);
    const value = checkObject(option.value, at(path, "value"), problems, true);
    const input = value ? checkObject(value.input, at(at(path, "value"), "input"), problems) : undefined;
    if (input) checkText(input.text, at(at(at(path, "value"), "input"), "text"), { required: true, max: 2048, singleLine: true }, problems);
}

function checkOutput(raw: unknown, path: string, problems: Violations): void {
    const output = checkObject(raw, path, problems);
    if (!output) return;
    const generic = checkArray(output.generic, at(path, "generic"), problems);
    generic?.forEach((item, i) => checkGenericItem(item, at(at(path, "generic"), i), problems));
    const modifiers = checkObject(output.modifiers, at(path, "modifiers"), problems);
    if (modifiers) checkBoolean(modifiers.overwrite, at(at(path, "modifiers"), "overwrite"), problems);
}

function checkNextStep(raw: unknown, path: string, problems: Violations): void {
    const nextStep = checkObject(raw, path, problems);
    if (!nextStep) return;
    const behavior = checkEnum(nextStep.behavior, at(path, "behavior"), BEHAVIORS, problems, true);
    checkNodeId(nextStep.dialog_node, at(path, "dialog_node"), problems, behavior === "jump_to");
    checkEnum(nextStep.selector, at(path, "selector"), SELECTORS, problems);
}

function checkActions(raw: unknown, path: string, problems: Violations): void {
    const actions = checkArray(raw, path, problems, MAX_ACTIONS);
    actions?.forEach((item, i) => {
        const actionPath = at(path, i);
        const action = checkObject(item, actionPath, problems, true);
        if (!action) return;
        checkText(action.name, at(actionPath, "name"), { required: true }, problems);
        checkEnum(action.type, at(actionPath, "type"), ACTION_TYPES, problems);
        checkObject(action.parameters, at(actionPath, "parameters"), problems);
        checkText(action.result_variable, at(actionPath, "result_variable"), { required: true }, problems);
        checkText(action.credentials, at(actionPath, "credentials"), {}, problems);
    });
}

type FieldCheck = (value: unknown, path: string, problems: Violations) => unknown;

const FIELD_CHECKS: Record<(typeof NODE_FIELDS)[number], FieldCheck> = {
    dialog_node: (v, p, pr) => checkNodeId(v, p, pr),
    description: checkDescription,
    conditions: (v, p, pr) => checkText(v, p, { max: 2048, singleLine: true }, pr),
    parent: (v, p, pr) => checkNodeId(v, p, pr, false),
    previous_sibling: (v, p, pr) => checkNodeId(v, p, pr, false),
    output: checkOutput,
    context: (v, p, pr) => checkObject(v, p, pr),
    metadata: (v, p, pr) => checkObject(v, p, pr),
    next_step: checkNextStep,
    actions: checkActions,
    title: checkNodeTitle,
    type: (v, p, pr) => checkEnum(v, p, NODE_TYPES, pr),
    event_name: (v, p, pr) => checkEnum(v, p, EVENT_NAMES, pr),
    variable: (v, p, pr) => checkText(v, p, {}, pr),
    digress_in: (v, p, pr) => checkEnum(v, p, DIGRESS_IN, pr),
    digress_out: (v, p, pr) => checkEnum(v, p, DIGRESS_OUT, pr),
    digress_out_slots: (v, p, pr) => checkEnum(v, p, DIGRESS_OUT_SLOTS, pr),
    user_label: (v, p, pr) => checkText(v, p, { max: 512 }, pr),
    disambiguation_opt_out: checkBoolean,
    disabled: checkBoolean,
};

/**
 * Checks the known fields present in `body` and returns them (null means "clear" and becomes
 * undefined). With `requireId`, `dialog_node` must be there (create).
 */
export function checkNodeFields(body: Record<string, any>, path: string, problems: Violations, requireId: boolean): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    if (requireId && (body.dialog_node === undefined || body.dialog_node === null)) {
        problems.add(at(path, "dialog_node"), `${at(path, "dialog_node")} is required`);
    }
    for (const field of NODE_FIELDS) {
        if (!(field in body)) continue;
        const value = body[field];
        if (value === null) {
            if (field === "dialog_node") problems.add(at(path, field), `${at(path, field)} cannot be null`);
            fields[field] = undefined;
            continue;
        }
        FIELD_CHECKS[field](value, at(path, field), problems);
        fields[field] = value;
    }
    return fields;
}

