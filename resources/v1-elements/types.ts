/**
 * The camelCase shapes of the four v1 workspace element kinds, as users declare them (in a
 * Workspace collection or as a separate Intent / Entity / DialogNode resource). Free-form parts
 * (output, context, metadata, actions) are the API's own JSON, untouched.
 */

/** An entity mentioned in an intent example: `location` = [start, end) character offsets. */
export interface Mention {
    /** The entity mentioned (its name, without `@`). */
    entity: string;
    /** Two character offsets in the example text: where the mention starts and where it ends (exclusive). */
    location: number[];
}

/** One example of an intent: a user input that should match it. */
export interface Example {
    /** The user input. No CR/LF/tab, not whitespace-only, at most 1024 characters. The example's key. */
    text: string;
    /** Contextual entity mentions. */
    mentions?: Mention[];
}

/** One intent with all its examples. */
export interface IntentElement {
    /** Intent name (Unicode letters/digits, `_`, `-`, `.`; no `sys-` prefix; at most 128). Changing it renames in place. */
    intent: string;
    /** Description (single line, at most 128). */
    description?: string;
    /** The whole set of examples (order does not matter). */
    examples?: Example[];
}

/** One value of an entity, with its synonyms or patterns. */
export interface EntityValue {
    /** The value (its key inside the entity), at most 64 characters. */
    value: string;
    /** `synonyms` (default) or `patterns`. */
    type?: "synonyms" | "patterns";
    /** Synonyms (type synonyms only). Order does not matter. */
    synonyms?: string[];
    /** Up to 5 regular expressions (type patterns only). */
    patterns?: string[];
    /** Free-form metadata of the value (sent untouched). */
    metadata?: Record<string, unknown>;
}

/** One entity with all its values. */
export interface EntityElement {
    /** Entity name (Unicode letters/digits, `_`, `-`; at most 64). `sys-*` enables a system entity. Changing it renames in place. */
    entity: string;
    /** Description (single line, at most 128). */
    description?: string;
    /** Free-form metadata of the entity (sent untouched). */
    metadata?: Record<string, unknown>;
    /** Whether to use fuzzy matching for the entity. */
    fuzzyMatch?: boolean;
    /** The whole set of values (order does not matter). */
    values?: EntityValue[];
}

/** What the dialog does after a node's response. */
export interface DialogNodeNextStep {
    /** What happens next: wait for input, skip it, jump to `dialogNode`, or (in slots and their handlers) reprompt or skip slots. */
    behavior: "get_user_input" | "skip_user_input" | "jump_to" | "reprompt" | "skip_slot" | "skip_all_slots";
    /** Target node, required with `jump_to`. */
    dialogNode?: string;
    /** With `jump_to`: which part of the target runs first (its condition, the client, the user's input, or its body). */
    selector?: "condition" | "client" | "user_input" | "body";
}

/** One dialog node (API field names in camelCase; free-form parts in the API's own JSON). */
export interface DialogNodeElement {
    /** Node id (Unicode letters/digits, space, `_`, `-`, `.`; at most 1024). Changing it renames in place. */
    dialogNode: string;
    /** Title shown in the dialog editor (single line, at most 64). */
    title?: string;
    /** Description (single line, at most 128). */
    description?: string;
    /** The condition that triggers the node, e.g. `#greeting && @city` (single line, at most 2048). */
    conditions?: string;
    /** Id of the parent node (omit for a root node). */
    parent?: string;
    /** Id of the node just before this one among its siblings (omit for the first). */
    previousSibling?: string;
    /** Free-form output (e.g. `{ generic: [...] }`), sent untouched. */
    output?: Record<string, unknown>;
    /** Free-form context variables the node sets (sent untouched). */
    context?: Record<string, unknown>;
    /** Free-form metadata of the node (sent untouched). */
    metadata?: Record<string, unknown>;
    /** What happens after the node's response (default: wait for the user's input). */
    nextStep?: DialogNodeNextStep;
    /** Free-form actions (API field names, e.g. `result_variable`), sent untouched. */
    actions?: Record<string, unknown>[];
    /** Node type: `standard` (default), `frame` (with slots), `slot`, `event_handler`, `response_condition` or `folder`. */
    type?: "standard" | "event_handler" | "frame" | "slot" | "response_condition" | "folder";
    /** For an `event_handler` node: the event it handles (`focus`, `input`, `filled`, `nomatch`, ...). */
    eventName?: string;
    /** For a `slot` node: the context variable the slot fills (where the node's output is stored). */
    variable?: string;
    /** Whether the conversation can digress into this top-level node, and whether it returns afterwards. */
    digressIn?: "not_available" | "returns" | "does_not_return";
    /** Whether the conversation can digress away from this node while it runs, and come back. */
    digressOut?: "allow_returning" | "allow_all" | "allow_all_never_return";
    /** Whether the conversation can digress away while this node's slots are being filled. */
    digressOutSlots?: "not_allowed" | "allow_returning" | "allow_all";
    /** A label describing the node's purpose to users, e.g. in disambiguation suggestions (at most 512). */
    userLabel?: string;
    /** Leave the node out of disambiguation suggestions (`standard` and `frame` nodes; later API versions). */
    disambiguationOptOut?: boolean;
    /** Whether the node is disabled (later API versions; documented as for internal use). */
    disabled?: boolean;
}

/** One counterexample: an input that should match no intent. */
export interface CounterexampleElement {
    /** Input marked as irrelevant (same rules as example text). Its key. */
    text: string;
}
