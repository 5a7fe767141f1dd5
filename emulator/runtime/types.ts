/**
 * Shapes the runtime works on. The runtime is pure rules over exported skill JSON: it never sees
 * HTTP, the store or the clock (the caller passes the reference time).
 */

/** What the API calls RuntimeIntent. */
export interface RuntimeIntent {
    intent: string;
    confidence: number;
}

/** What the API calls RuntimeEntity; `location` is [start, end) in UTF-16 code units of input.text. */
export interface RuntimeEntity {
    entity: string;
    location: [number, number];
    value: string;
    confidence: number;
    metadata?: Record<string, unknown>;
    groups?: { group: string; location: [number, number] }[];
}

/** The API documents "an array of up to 50 messages logged with the request". */
export const MAX_LOG_MESSAGES = 50;

/** A log_messages entry of a message response. */
export interface LogMessage {
    level: "info" | "warn" | "error";
    msg: string;
    /**
     * What kind of message it is: IBM's SDK models require a code on every entry. The service's own
     * codes are not documented; these are the emulator's, stable per kind (emulator/README.md).
     */
    code: string;
}

/** The training data of a dialog or actions skill, as exported (GET workspace ?export=true). */
export interface TrainingData {
    intents?: { intent: string; examples?: { text: string; mentions?: { entity: string; location: [number, number] }[] }[] }[];
    entities?: {
        entity: string;
        fuzzy_match?: boolean;
        values?: { value: string; type?: string; synonyms?: string[]; patterns?: string[]; metadata?: Record<string, unknown> }[];
    }[];
    counterexamples?: { text: string }[];
}

/** What one input is understood as, before dialog or actions run. */
export interface Understanding {
    text: string;
    /** Ranked, highest confidence first (ties by name). */
    intents: RuntimeIntent[];
    entities: RuntimeEntity[];
    /** No intent reached the threshold, or a counterexample matched better. */
    irrelevant: boolean;
}
