/** Whether one answer meets a turn's expectations: pure, over the v2 message response. */
import { deepEqual } from "../../provider/values";
import type { MessageResponse } from "../v2-common/messages";
import type { TurnExpectation } from "./cases";

/** One expectation that did not hold, as shown in the failure table and the JUnit report. */
export interface Mismatch {
    /** 1-based turn number. */
    turn: number;
    /** `intent`, `entity`, `context.<name>`, `text` or `textMatches`. */
    check: string;
    /** What was expected, as text. */
    expected: string;
    /** What the service answered, as text. */
    got: string;
}

/** What the assistant answered, in the terms expectations use. */
export interface Answer {
    intent: string;
    entities: { entity: string; value?: string }[];
    variables: Record<string, unknown>;
    text: string;
}

export function answerOf(response: MessageResponse): Answer {
    const output = response.output ?? {};
    return {
        intent: output.intents?.[0]?.intent ?? "",
        entities: (output.entities ?? []).map((e) => ({ entity: e.entity, value: e.value })),
        variables: response.context?.skills?.["main skill"]?.user_defined ?? {},
        text: (output.generic ?? []).filter((g) => g.response_type === "text" && typeof g.text === "string").map((g) => g.text).join("\n"),
    };
}

const NONE = "(none)";
const show = (value: unknown) => (value === undefined ? NONE : typeof value === "string" ? value || NONE : JSON.stringify(value));

export function mismatches(turn: number, expected: TurnExpectation | undefined, got: Answer): Mismatch[] {
    if (!expected) return [];
    const found: Mismatch[] = [];
    const add = (check: string, want: unknown, have: unknown) => found.push({ turn, check, expected: show(want), got: show(have) });
    if (expected.intent !== undefined && expected.intent !== got.intent) add("intent", expected.intent, got.intent);
    for (const want of expected.entities ?? []) {
        const hit = got.entities.some((e) => e.entity === want.entity && (want.value === undefined || e.value === want.value));
        if (!hit) add("entity", want.value === undefined ? `@${want.entity}` : `@${want.entity}:${want.value}`, got.entities.map((e) => `@${e.entity}:${e.value}`).join(" "));
    }
    for (const [name, value] of Object.entries(expected.context ?? {})) {
        if (!deepEqual(got.variables[name], value)) add(`context.${name}`, value, got.variables[name]);
    }
    if (expected.text !== undefined && expected.text !== got.text) add("text", expected.text, got.text);
    if (expected.textMatches !== undefined && !new RegExp(expected.textMatches).test(got.text)) add("textMatches", `/${expected.textMatches}/`, got.text);
    return found;
}
