/**
 * Reusable JSON Schema pieces for the v1 authoring rules (the field constraints and enums that
 * https://cloud.ibm.com/apidocs/assistant-v1 documents for each create method). Resources compose them into their input schemas; each rule carries an
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

function enumOf(values: readonly string[]): object {
    return { type: "string", enum: values };
}

/** Response types of `output.generic` documented in 2018-09-20, then those later versions added (real exports hold them). */
export const DOCUMENTED_RESPONSE_TYPES = ["text", "pause", "image", "option", "connect_to_agent"] as const;
const LATER_RESPONSE_TYPES = ["search_skill", "channel_transfer", "user_defined", "video", "audio", "iframe"];

/**
 * Disambiguation sensitivity: `auto` and `high` in the 2018-09-20 reference; IBM's current SDK
 * models add four levels. The version that added them is not in the documentation we follow, so
 * every version date after 2018-09-20 takes all six (never stricter than the service).
 */
export const SENSITIVITY_LEVELS = { "2018-09-20": ["auto", "high"], later: ["auto", "high", "medium_high", "medium", "medium_low", "low"] } as const;

/** The sensitivity levels the service takes at this v1 version date. */
export function sensitivityLevels(versionDate: string): readonly string[] {
    return versionDate <= "2018-09-20" ? SENSITIVITY_LEVELS["2018-09-20"] : SENSITIVITY_LEVELS.later;
}

const imageOrOptionText = { title: { type: "string", maxLength: 512 }, description: { type: "string", maxLength: 256 } };

/** An option of an `option` response: a label and the input sent when it is chosen. */
const responseOption = {
    type: "object",
    required: ["label", "value"],
    properties: {
        label: { type: "string" },
        value: {
            type: "object",
            properties: { input: { type: "object", required: ["text"], properties: { text: singleLine(2048) } } },
        },
    },
};

/**
 * The fields of each documented response type, with their rules (§3.5). A field listed for some
 * types is "valid only when response_type" is one of them.
 */
export const RESPONSE_TYPE_FIELDS: Record<(typeof DOCUMENTED_RESPONSE_TYPES)[number], { required?: string[]; properties: Record<string, object> }> = {
    text: {
        required: ["values"],
        properties: {
            values: { type: "array", items: { type: "object", properties: { text: { type: "string", maxLength: 4096 } } } },
            selection_policy: enumOf(["sequential", "random", "multiline"]),
            delimiter: { type: "string" },
        },
    },
    pause: { properties: { time: { type: "integer", minimum: 0, maximum: 10000 }, typing: { type: "boolean" } } },
    image: { required: ["source"], properties: { source: { type: "string" }, ...imageOrOptionText } },
    option: {
        required: ["options"],
        properties: { options: { type: "array", maxItems: 20, items: responseOption }, preference: enumOf(["dropdown", "button"]), ...imageOrOptionText },
    },
    connect_to_agent: { properties: { message_to_human_agent: { type: "string", maxLength: 256 } } },
};

/** An item of a dialog node's `output.generic` (API field names): the per-type rules, each under `if response_type`. */
const genericResponse = {
    type: "object",
    required: ["response_type"],
    properties: { response_type: enumOf([...DOCUMENTED_RESPONSE_TYPES, ...LATER_RESPONSE_TYPES]) },
    allOf: Object.entries(RESPONSE_TYPE_FIELDS).map(([type, then]) => ({ if: { properties: { response_type: { const: type } }, required: ["response_type"] }, then })),
};

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
    /** Patterns of one value: at most 5, each not blank. */
    valuePatterns: { type: "array", maxItems: 5, items: { type: "string", minLength: 1, maxLength: 512, ...NOT_BLANK } },
    /** Dialog node id: unicode letters/digits, space, `_ - .`, ≤ 1024. */
    dialogNodeId: restrictedName("\\p{L}\\p{N}\\p{M} _.\\-", "letters, digits, space, underscore, hyphen and dot", 1024, false),
    /**
     * Dialog node title: single line, ≤ 64, may be empty. The reference allows only the id's
     * characters, but the service holds titles with `?` and other punctuation (IBM's own sample
     * skills have them), so only what it refuses is refused.
     */
    dialogNodeTitle: singleLine(64),
    /** Dialog node conditions: single line, ≤ 2048. */
    dialogConditions: singleLine(2048),
    /** Dialog node user label: ≤ 512. */
    userLabel: { type: "string", maxLength: 512 },
    /** Text of a generic text response value: newlines allowed, ≤ 4096. */
    responseText: { type: "string", maxLength: 4096 },
    /** Mention location: exactly two non-negative character offsets. */
    mentionLocation: { type: "array", items: { type: "integer", minimum: 0 }, minItems: 2, maxItems: 2 },
    /** Dialog node actions: at most 5 (API field names; `parameters` is free-form). */
    dialogNodeActions: {
        type: "array",
        maxItems: 5,
        items: {
            type: "object",
            required: ["name", "result_variable"],
            properties: {
                name: { type: "string" },
                // `webhook` (calls the workspace's webhook) came after 2018-09-20; IBM's current SDK models list it.
                type: enumOf(["client", "server", "cloud_function", "web_action", "webhook"]),
                parameters: { type: "object" },
                result_variable: { type: "string" },
                credentials: { type: "string" },
            },
        },
    },
    /** Dialog node output: free-form, except the documented parts (`generic`, `modifiers`). */
    dialogOutput: {
        type: "object",
        properties: {
            generic: { type: "array", items: genericResponse },
            modifiers: { type: "object", properties: { overwrite: { type: "boolean" } } },
        },
    },
    /** Language code as the service takes it: lowercase, e.g. `en`, `fr`, `zh-cn`. */
    languageCode: { type: "string", pattern: "^[a-z]{2}(-[a-z]{2,4})?$", errorHint: "a lowercase language code such as en, fr or zh-cn" },
    /** Workspace webhook: a URL and a name of at most 64 characters. */
    webhook: {
        type: "object", required: ["url", "name"], additionalProperties: false,
        properties: { url: { type: "string", minLength: 1 }, name: { type: "string", minLength: 1, maxLength: 64 }, headers: { type: "array" } },
    },
    /** Disambiguation settings; the levels a version date takes are checked by the Workspace rules. */
    disambiguation: {
        type: "object",
        properties: {
            enabled: { type: "boolean" },
            sensitivity: enumOf(SENSITIVITY_LEVELS.later),
            prompt: { type: "string" },
            noneOfTheAbovePrompt: { type: "string" },
        },
    },
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
} as const;
