/**
 * The camelCase shapes of the four v1 workspace element kinds, as users declare them (in a
 * Workspace collection or as a separate Intent / Entity / DialogNode resource). Free-form parts
 * (output, context, metadata, actions) are the API's own JSON, untouched.
 */

/** An entity mentioned in an intent example: `location` = [start, end) character offsets. */
export interface Mention {
    entity: string;
    location: number[];
}

export interface Example {
    /** The user input. No CR/LF/tab, not whitespace-only, at most 1024 characters. The example's key. */
    text: string;
    /** Contextual entity mentions. */
    mentions?: Mention[];
}

export interface IntentElement {
    /** Intent name (Unicode letters/digits, `_`, `-`, `.`; no `sys-` prefix; at most 128). Changing it renames in place. */
    intent: string;
    description?: string;
    /** The whole set of examples (order does not matter). */
    examples?: Example[];
}

export interface EntityValue {
    /** The value (its key inside the entity), at most 64 characters. */
    value: string;
    /** `synonyms` (default) or `patterns`. */
    type?: "synonyms" | "patterns";
    /** Synonyms (type synonyms only). Order does not matter. */
    synonyms?: string[];
    /** Up to 5 regular expressions (type patterns only). */
    patterns?: string[];
    metadata?: Record<string, unknown>;
}

export interface EntityElement {
    /** Entity name (Unicode letters/digits, `_`, `-`; at most 64). `sys-*` enables a system entity. Changing it renames in place. */
    entity: string;
    description?: string;
    metadata?: Record<string, unknown>;
    /** Whether to use fuzzy matching for the entity. */
    fuzzyMatch?: boolean;
    /** The whole set of values (order does not matter). */
    values?: EntityValue[];
}

export interface DialogNodeNextStep {
    behavior: "get_user_input" | "skip_user_input" | "jump_to" | "reprompt" | "skip_slot" | "skip_all_slots";
    /** Target node, required with `jump_to`. */
    dialogNode?: string;
    selector?: "condition" | "client" | "user_input" | "body";
}

export interface DialogNodeElement {
    /** Node id (Unicode letters/digits, space, `_`, `-`, `.`; at most 1024). Changing it renames in place. */
    dialogNode: string;
    title?: string;
    description?: string;
    conditions?: string;
    /** Id of the parent node (omit for a root node). */
    parent?: string;
    /** Id of the node just before this one among its siblings (omit for the first). */
    previousSibling?: string;
    /** Free-form output (e.g. `{ generic: [...] }`), sent untouched. */
    output?: Record<string, unknown>;
    context?: Record<string, unknown>;
    metadata?: Record<string, unknown>;
    nextStep?: DialogNodeNextStep;
    /** Free-form actions (API field names, e.g. `result_variable`), sent untouched. */
    actions?: Record<string, unknown>[];
    type?: "standard" | "event_handler" | "frame" | "slot" | "response_condition" | "folder";
    eventName?: string;
    variable?: string;
    digressIn?: "not_available" | "returns" | "does_not_return";
    digressOut?: "allow_returning" | "allow_all" | "allow_all_never_return";
    digressOutSlots?: "not_allowed" | "allow_returning" | "allow_all";
    userLabel?: string;
    disambiguationOptOut?: boolean;
    disabled?: boolean;
}

export interface CounterexampleElement {
    /** Input marked as irrelevant (same rules as example text). Its key. */
    text: string;
}
