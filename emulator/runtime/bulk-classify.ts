/** Bulk classify: the message classifier and entity recogniser over up to 50 utterances. */
import type { LogMessage, TrainingData } from "./types";
import { understand } from "./understand";

export const MAX_BULK_UTTERANCES = 50;

/** The request rules (1 to 50 items, each with a text), as `{path, message}` violations. */
export function bulkClassifyViolations(input: unknown): { path: string; message: string }[] {
    if (!Array.isArray(input)) return [{ path: "input", message: "input is required and must be an array" }];
    if (input.length < 1 || input.length > MAX_BULK_UTTERANCES) return [{ path: "input", message: `input must hold 1 to ${MAX_BULK_UTTERANCES} utterances` }];
    return input.flatMap((item, i) =>
        typeof item?.text === "string" ? [] : [{ path: `input[${i}].text`, message: `input[${i}].text is required and must be a string` }],
    );
}

export function bulkClassify(data: TrainingData, input: { text: string }[], referenceMs: number) {
    const log: LogMessage[] = [];
    return input.map(({ text }) => {
        const understood = understand(data, text, { alternateIntents: true, referenceMs, log });
        return { input: { text }, entities: understood.entities, intents: understood.intents };
    });
}
