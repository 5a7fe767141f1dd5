/** Classifier + entity recognition for one input: what a skill understood before it responds. */
import { classify, reportedIntents } from "./classifier";
import { recognizeEntities } from "./entities";
import type { LogMessage, RuntimeEntity, RuntimeIntent, TrainingData, Understanding } from "./types";

export interface InputOverrides {
    /** Intents sent with the request replace classification (as the API documents for `intents`). */
    intents?: RuntimeIntent[];
    /** Entities sent with the request replace recognition. */
    entities?: RuntimeEntity[];
}

export interface UnderstandOptions extends InputOverrides {
    alternateIntents: boolean;
    /** Epoch ms that "today" means for @sys-date. */
    referenceMs: number;
    log: LogMessage[];
}

export function understand(data: TrainingData, text: string, options: UnderstandOptions): Understanding {
    const classification = classify(data, text);
    const intents = options.intents ?? reportedIntents(classification, options.alternateIntents);
    const entities = options.entities ?? recognizeEntities(data, text, options.referenceMs, options.log);
    return { text, intents, entities, irrelevant: options.intents ? options.intents.length === 0 : classification.irrelevant };
}
