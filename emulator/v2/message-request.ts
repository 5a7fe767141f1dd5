/**
 * The body of a v2 message (stateful, stateless, streamed): checked completely before anything
 * runs, each violation a 400 naming its path.
 */
import type { DialogState } from "../runtime/dialog";
import type { RuntimeEntity, RuntimeIntent } from "../runtime/types";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField } from "./validate";

export const MAIN_SKILL = "main skill";
const MAX_TEXT = 2048;
const OPTION_FLAGS = ["restart", "alternate_intents", "async_callout", "debug", "return_context", "export"];

export interface MessageRequest {
    text: string;
    messageType: string;
    alternateIntents: boolean;
    debug: boolean;
    restart: boolean;
    returnContext: boolean;
    intents?: RuntimeIntent[];
    entities?: RuntimeEntity[];
    userId?: string;
    /** context.global.system.turn_count sent by a stateless client. */
    turnCount?: number;
    /** context.skills["main skill"].user_defined. */
    variables?: Record<string, unknown>;
    /** Decoded context.skills["main skill"].system.state (stateless clients send it back). */
    dialogState?: DialogState;
    /** The request's context.global.system, echoed (timezone, locale, reference_time ...). */
    globalSystem: Record<string, unknown>;
    /** context.global.system.reference_time as epoch ms, if sent. */
    referenceMs?: number;
}

function checkUserId(value: unknown, path: string, problems: Violations): void {
    if (value === undefined) return;
    if (typeof value !== "string" || value.length < 1 || value.length > 256) return problems.add(path, `${path} must be a string of 1 to 256 characters`);
    if (/[\r\n\t]/.test(value)) problems.add(path, `${path} cannot contain carriage return, newline, or tab characters`);
}

function checkRuntimeList(value: unknown, path: string, keyField: "intent" | "entity", problems: Violations): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) return problems.add(path, `${path} must be an array`);
    value.forEach((item, i) => {
        if (!isPlainObject(item) || typeof item[keyField] !== "string") problems.add(`${path}[${i}].${keyField}`, `${path}[${i}].${keyField} is required`);
    });
}

export function encodeState(state: DialogState): string {
    return Buffer.from(JSON.stringify(state)).toString("base64");
}

function decodeState(raw: unknown, path: string, problems: Violations): DialogState | undefined {
    if (raw === undefined) return undefined;
    try {
        const state = JSON.parse(Buffer.from(String(raw), "base64").toString("utf8"));
        if (isPlainObject(state) && Array.isArray(state.dialog_stack) && Number.isInteger(state.dialog_turn_counter)) return state as DialogState;
    } catch {
        // reported below
    }
    problems.add(path, `${path} is not a state returned by this service`);
    return undefined;
}

export function parseMessageRequest(rawBody: unknown, stateless: boolean): MessageRequest {
    const body = objectBody(rawBody);
    const problems = new Violations();
    objectField(problems, body, "input");
    objectField(problems, body, "context");
    checkUserId(body.user_id, "user_id", problems);
    const input = isPlainObject(body.input) ? body.input : {};
    const text = input.text ?? "";
    if (typeof text !== "string") problems.add("input.text", "input.text must be a string");
    else if (text.length > MAX_TEXT) problems.add("input.text", `input.text must be no longer than ${MAX_TEXT} characters`);
    else if (/[\r\n\t]/.test(text)) problems.add("input.text", "input.text cannot contain carriage return, newline, or tab characters");
    const messageType = input.message_type ?? "text";
    if (messageType === "search") problems.add("input.message_type", "A search message needs a search skill, and none is configured");
    else if (messageType !== "text") problems.add("input.message_type", "input.message_type must be text or search");
    objectField(problems, input, "options", { prefix: "input." });
    const options = isPlainObject(input.options) ? input.options : {};
    for (const flag of OPTION_FLAGS) {
        if (options[flag] !== undefined && typeof options[flag] !== "boolean") problems.add(`input.options.${flag}`, `input.options.${flag} must be a boolean`);
    }
    checkRuntimeList(input.intents, "input.intents", "intent", problems);
    checkRuntimeList(input.entities, "input.entities", "entity", problems);

    const context = isPlainObject(body.context) ? body.context : {};
    objectField(problems, context, "global", { prefix: "context." });
    objectField(problems, context, "skills", { prefix: "context." });
    const global = isPlainObject(context.global) ? context.global : {};
    objectField(problems, global, "system", { prefix: "context.global." });
    const system = isPlainObject(global.system) ? global.system : {};
    checkUserId(system.user_id, "context.global.system.user_id", problems);
    if (system.turn_count !== undefined && !(Number.isInteger(system.turn_count) && system.turn_count >= 0)) {
        problems.add("context.global.system.turn_count", "context.global.system.turn_count must be a non-negative integer");
    }
    let referenceMs: number | undefined;
    if (system.reference_time !== undefined) {
        referenceMs = typeof system.reference_time === "string" ? Date.parse(system.reference_time) : NaN;
        if (Number.isNaN(referenceMs)) problems.add("context.global.system.reference_time", "context.global.system.reference_time must be an ISO 8601 time");
    }
    const skills = isPlainObject(context.skills) ? context.skills : {};
    const main = skills[MAIN_SKILL];
    const mainPath = `context.skills['${MAIN_SKILL}']`;
    if (main !== undefined && !isPlainObject(main)) problems.add(mainPath, `${mainPath} must be an object`);
    const mainSkill = isPlainObject(main) ? main : {};
    objectField(problems, mainSkill, "user_defined", { prefix: `${mainPath}.` });
    const dialogState = stateless && isPlainObject(mainSkill.system) ? decodeState(mainSkill.system.state, `${mainPath}.system.state`, problems) : undefined;
    problems.throwIfAny();

    return {
        text,
        messageType,
        alternateIntents: options.alternate_intents === true,
        debug: options.debug === true,
        restart: options.restart === true,
        returnContext: stateless || options.return_context === true,
        intents: input.intents,
        entities: input.entities,
        userId: body.user_id ?? system.user_id,
        turnCount: system.turn_count,
        variables: isPlainObject(mainSkill.user_defined) ? mainSkill.user_defined : undefined,
        dialogState: options.restart === true ? undefined : dialogState,
        globalSystem: system,
        referenceMs,
    };
}
