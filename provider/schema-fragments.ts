/**
 * Reusable JSON Schema pieces for the v1 authoring rules (shared/api/assistant-v1.md §3.7 and the
 * enums of §3.4-3.5). Resources compose them into their input schemas; each rule carries an
 * `errorHint` so that check failures read in plain words.
 */

const NO_CONTROL_CHARS = { pattern: "^[^\\t\\n\\r]*$", errorHint: "no tabs or newlines" };
const NOT_BLANK = { pattern: "\\S", errorHint: "cannot be only whitespace" };
// The service reserves the prefix in any letter case.
const NOT_SYS_PREFIX = { not: { pattern: "^[sS][yY][sS]-" }, errorHint: "cannot start with the reserved prefix sys-" };

/** A single-line string: no CR, LF or tab, at most `max` characters. */
export function singleLine(max: number, opts: { notBlank?: boolean; minLength?: number } = {}): object {
    return {
        type: "string",
        maxLength: max,
        ...(opts.minLength !== undefined ? { minLength: opts.minLength } : {}),
        allOf: [NO_CONTROL_CHARS, ...(opts.notBlank ? [NOT_BLANK] : [])],
    };
}

/** A string of the given character class (regex class body, unicode), at most `max` characters. */
function restrictedName(charClass: string, allowed: string, max: number, reservedSys: boolean): object {
    return {
        type: "string",
        minLength: 1,
        maxLength: max,
        allOf: [{ pattern: `^[${charClass}]+$`, errorHint: `only ${allowed}` }, ...(reservedSys ? [NOT_SYS_PREFIX] : [])],
    };
}

function enumOf(values: string[]): object {
    return { type: "string", enum: values };
}

export const schemas = {
    /** Workspace (dialog skill) name: single line, ≤ 64. */
    workspaceName: singleLine(64, { minLength: 1 }),
    /** Description of a workspace, intent, entity or dialog node: single line, ≤ 128. */
    description: singleLine(128),
    /** Intent name: unicode letters/digits, `_ - .`, ≤ 128, not `sys-`. */
    intentName: restrictedName("\\p{L}\\p{N}\\p{M}_.\\-", "letters, digits, underscore, hyphen and dot", 128, true),
    /** Entity name: unicode letters/digits, `_ -` (no dot), ≤ 64, not `sys-`. */
    entityName: restrictedName("\\p{L}\\p{N}\\p{M}_\\-", "letters, digits, underscore and hyphen", 64, true),
    /** Intent example text: single line, not blank, ≤ 1024. */
    exampleText: singleLine(1024, { notBlank: true, minLength: 1 }),
    /** Counterexample text: single line, not blank, ≤ 1024. */
    counterexampleText: singleLine(1024, { notBlank: true, minLength: 1 }),
    /** Entity value text: single line, not blank, ≤ 64. */
    entityValue: singleLine(64, { notBlank: true, minLength: 1 }),
    /** Synonym: single line, not blank, 1..64. */
    synonym: singleLine(64, { notBlank: true, minLength: 1 }),
    /** Pattern (a regular expression): 1..512. */
    valuePattern: { type: "string", minLength: 1, maxLength: 512 },
    /** Patterns of one value: at most 5. */
    valuePatterns: { type: "array", maxItems: 5, items: { type: "string", minLength: 1, maxLength: 512 } },
    /** Dialog node id: unicode letters/digits, space, `_ - .`, ≤ 1024. */
    dialogNodeId: restrictedName("\\p{L}\\p{N}\\p{M} _.\\-", "letters, digits, space, underscore, hyphen and dot", 1024, false),
    /** Dialog node title: same characters as the id, ≤ 64. */
    dialogNodeTitle: restrictedName("\\p{L}\\p{N}\\p{M} _.\\-", "letters, digits, space, underscore, hyphen and dot", 64, false),
    /** Dialog node conditions: single line, ≤ 2048. */
    dialogConditions: singleLine(2048),
    /** Dialog node user label: ≤ 512. */
    userLabel: { type: "string", maxLength: 512 },
    /** Text of a generic text response value: newlines allowed, ≤ 4096. */
    responseText: { type: "string", maxLength: 4096 },
    /** Mention location: exactly two non-negative character offsets. */
    mentionLocation: { type: "array", items: { type: "integer", minimum: 0 }, minItems: 2, maxItems: 2 },
    /** Dialog node actions: at most 5 (free-form objects, API field names). */
    dialogNodeActions: { type: "array", maxItems: 5, items: { type: "object", required: ["name", "result_variable"] } },
    /** API version date. */
    versionDate: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", errorHint: "a date YYYY-MM-DD" },

    valueType: enumOf(["synonyms", "patterns"]),
    dialogNodeType: enumOf(["standard", "event_handler", "frame", "slot", "response_condition", "folder"]),
    eventName: enumOf(["focus", "input", "filled", "validate", "filled_multiple", "generic", "nomatch", "nomatch_responses_depleted", "digression_return_prompt"]),
    nextStepBehavior: enumOf(["get_user_input", "skip_user_input", "jump_to", "reprompt", "skip_slot", "skip_all_slots"]),
    nextStepSelector: enumOf(["condition", "client", "user_input", "body"]),
    digressIn: enumOf(["not_available", "returns", "does_not_return"]),
    digressOut: enumOf(["allow_returning", "allow_all", "allow_all_never_return"]),
    digressOutSlots: enumOf(["not_allowed", "allow_returning", "allow_all"]),
    responseType: enumOf(["text", "pause", "image", "option", "connect_to_agent"]),
    selectionPolicy: enumOf(["sequential", "random", "multiline"]),
    optionPreference: enumOf(["dropdown", "button"]),
    actionType: enumOf(["client", "server", "cloud_function", "web_action"]),
    disambiguationSensitivity: enumOf(["auto", "high"]),
} as const;
