/**
 * JSON Schemas (ajv, draft-07) of the v1 elements in camelCase, composed from the shared fragments
 * (schema-fragments.ts: characters, lengths and enums that
 * https://cloud.ibm.com/apidocs/assistant-v1 documents).
 * Rules a schema cannot express (system entities, synonyms with patterns, duplicate keys,
 * dangling node references) are in rules.ts.
 */
import { schemas as s } from "./schema-fragments";

const freeFormObject = { type: "object" };

/** Entity names like schemas.entityName, but `sys-*` is allowed here: rules.ts accepts known system entities only. */
const entityName = { type: "string", minLength: 1, maxLength: 64, pattern: "^[\\p{L}\\p{N}\\p{M}_\\-]+$", errorHint: "only letters, digits, underscore and hyphen" };

const closed = (required: string[], properties: object) => ({ type: "object", required, additionalProperties: false, properties });

export const exampleSchema = closed(["text"], {
    text: s.exampleText,
    mentions: { type: "array", items: closed(["entity", "location"], { entity: entityName, location: s.mentionLocation }) },
});

export const intentProperties = {
    intent: s.intentName,
    description: s.description,
    examples: { type: "array", items: exampleSchema },
};

export const entityValueSchema = closed(["value"], {
    value: s.entityValue,
    type: s.valueType,
    synonyms: { type: "array", items: s.synonym },
    patterns: s.valuePatterns,
    metadata: freeFormObject,
});

export const entityProperties = {
    entity: entityName,
    description: s.description,
    metadata: freeFormObject,
    fuzzyMatch: { type: "boolean" },
    values: { type: "array", items: entityValueSchema },
};

export const dialogNodeProperties = {
    dialogNode: s.dialogNodeId,
    title: s.dialogNodeTitle,
    description: s.description,
    conditions: s.dialogConditions,
    parent: s.dialogNodeId,
    previousSibling: s.dialogNodeId,
    output: s.dialogOutput,
    context: freeFormObject,
    metadata: freeFormObject,
    nextStep: closed(["behavior"], { behavior: s.nextStepBehavior, dialogNode: s.dialogNodeId, selector: s.nextStepSelector }),
    actions: s.dialogNodeActions,
    type: s.dialogNodeType,
    eventName: s.eventName,
    variable: { type: "string", minLength: 1 },
    digressIn: s.digressIn,
    digressOut: s.digressOut,
    digressOutSlots: s.digressOutSlots,
    userLabel: s.userLabel,
    disambiguationOptOut: { type: "boolean" },
    disabled: { type: "boolean" },
};

export const counterexampleProperties = {
    text: s.counterexampleText,
};

/** Schema of one collection element: its properties, its key required, nothing else allowed. */
export function elementSchema(properties: object, key: string): object {
    return closed([key], properties);
}
