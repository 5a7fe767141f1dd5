/**
 * Conversation test cases: what a case says and the JSON Schema every case is checked against,
 * whether it comes from code or from a YAML/JSON file.
 */
import type { CheckFailure } from "../../provider/validation";

/** What one turn must produce. Every given expectation must hold; absent ones are not checked. */
export interface TurnExpectation {
    /** The top intent; `""` means no intent (irrelevant input). */
    intent?: string;
    /** Entities that must be recognised (value optional). */
    entities?: ExpectedEntity[];
    /** Skill variables (`context.skills["main skill"].user_defined`) that must have these values. */
    context?: Record<string, unknown>;
    /** The response text exactly (text items joined by a newline). */
    text?: string;
    /** A regular expression (JavaScript syntax) the response text must match. */
    textMatches?: string;
}

/** An entity a turn must recognise. */
export interface ExpectedEntity {
    /** The entity's name, e.g. `sys-number` or `city`. */
    entity: string;
    /** The value it must have; any value when omitted. */
    value?: string;
}

/** One turn of a multi-turn case: what the user says and what must come back. */
export interface Turn {
    /** The user's utterance. */
    input: string;
    /** What the turn must produce. */
    expect?: TurnExpectation;
}

/** One case: a single utterance (`input` + `expect`, sent stateless) or `turns` (one session). */
export interface ConversationCase {
    /** The case's name, unique among the cases (it names the case in reports). */
    name: string;
    /** A single utterance, sent without a session (with `expect`; not with `turns`). */
    input?: string;
    /** What the single utterance must produce. */
    expect?: TurnExpectation;
    /** Utterances played in order in one session, each with its expectations (instead of `input`). */
    turns?: Turn[];
}

const expectationSchema = {
    type: "object",
    properties: {
        intent: { type: "string" },
        entities: {
            type: "array",
            items: {
                type: "object",
                properties: { entity: { type: "string", minLength: 1 }, value: { type: "string" } },
                required: ["entity"],
                additionalProperties: false,
            },
        },
        context: { type: "object" },
        text: { type: "string" },
        textMatches: { type: "string", minLength: 1 },
    },
    additionalProperties: false,
    minProperties: 1,
    errorHint: "give at least one of intent, entities, context, text, textMatches",
};

/** The v2 message API's limit on `input.text`. */
const inputSchema = { type: "string", maxLength: 2048, pattern: "^[^\\r\\n\\t]*$", errorHint: "at most 2048 characters, no tabs or newlines" };

export const caseSchema = {
    type: "object",
    properties: {
        name: { type: "string", minLength: 1, maxLength: 200 },
        input: inputSchema,
        expect: expectationSchema,
        turns: {
            type: "array",
            minItems: 1,
            items: {
                type: "object",
                properties: { input: inputSchema, expect: expectationSchema },
                required: ["input"],
                additionalProperties: false,
            },
        },
    },
    required: ["name"],
    additionalProperties: false,
};

export const casesSchema = { type: "array", items: caseSchema };

/** Rules the schema cannot say: one shape per case, unique names, regular expressions that compile. */
export function caseRules(cases: ConversationCase[], property: (index: number, rest?: string) => string): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const names = new Map<string, number>();
    cases.forEach((c, index) => {
        if (c.turns !== undefined && (c.input !== undefined || c.expect !== undefined)) {
            failures.push({ property: property(index, "turns"), reason: "give either turns, or input and expect, not both" });
        } else if (c.turns === undefined && (c.input === undefined || c.expect === undefined)) {
            failures.push({ property: property(index, c.input === undefined ? "input" : "expect"), reason: "is required (a case has input and expect, or turns)" });
        }
        if (names.has(c.name)) failures.push({ property: property(index, "name"), reason: `duplicate case name "${c.name}" (also case ${names.get(c.name)})` });
        else names.set(c.name, index);
        turnsOf(c).forEach((turn, t) => {
            const pattern = turn.expect?.textMatches;
            if (pattern === undefined) return;
            try {
                new RegExp(pattern);
            } catch (err) {
                const at = c.turns ? `turns[${t}].expect.textMatches` : "expect.textMatches";
                failures.push({ property: property(index, at), reason: `is not a valid regular expression: ${(err as Error).message}` });
            }
        });
    });
    return failures;
}

/** A case as the turns it plays (a single-utterance case is one turn). */
export function turnsOf(c: ConversationCase): Turn[] {
    return c.turns ?? [{ input: c.input ?? "", expect: c.expect }];
}
