/**
 * A deterministic intent classifier (no model): an example equal to the input after normalisation
 * scores 1; otherwise an example scores the cosine similarity of the two word sets, capped at 0.99.
 * An intent's confidence is its best example's score. Intents under the threshold are dropped; a
 * counterexample scoring at least as high as the best intent makes the input irrelevant.
 */
import { normalize, tokens } from "./text";
import type { RuntimeIntent, TrainingData } from "./types";

/** IBM's documented default: intents under 0.2 confidence are not returned (treated as irrelevant). */
export const INTENT_THRESHOLD = 0.2;
/** The service returns at most 10 intents with alternate_intents=true. */
export const MAX_ALTERNATE_INTENTS = 10;

function similarity(input: string, inputWords: Set<string>, example: string): number {
    if (normalize(example) === input) return 1;
    const exampleWords = new Set(tokens(example));
    if (inputWords.size === 0 || exampleWords.size === 0) return 0;
    let shared = 0;
    for (const word of inputWords) if (exampleWords.has(word)) shared++;
    const cosine = shared / Math.sqrt(inputWords.size * exampleWords.size);
    return Math.min(0.99, Math.round(cosine * 10000) / 10000);
}

export interface Classification {
    /** Every intent over the threshold, best first, ties by name. */
    ranked: RuntimeIntent[];
    irrelevant: boolean;
}

export function classify(data: TrainingData, text: string): Classification {
    const input = normalize(text);
    const inputWords = new Set(tokens(text));
    const scored: RuntimeIntent[] = [];
    for (const intent of data.intents ?? []) {
        let best = 0;
        for (const example of intent.examples ?? []) best = Math.max(best, similarity(input, inputWords, example.text));
        if (best >= INTENT_THRESHOLD) scored.push({ intent: intent.intent, confidence: best });
    }
    scored.sort((a, b) => b.confidence - a.confidence || (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0));
    let counter = 0;
    for (const counterexample of data.counterexamples ?? []) counter = Math.max(counter, similarity(input, inputWords, counterexample.text));
    const irrelevant = scored.length === 0 || (counter > 0 && counter >= scored[0].confidence);
    return { ranked: irrelevant ? [] : scored, irrelevant };
}

/** The `intents` of a response: the top intent, or up to 10 with alternate_intents. */
export function reportedIntents(classification: Classification, alternateIntents: boolean): RuntimeIntent[] {
    return classification.ranked.slice(0, alternateIntents ? MAX_ALTERNATE_INTENTS : 1);
}
