/** JSON Schema of the Workspace inputs (camelCase), built from the element schemas. */
import { schemas as s } from "../v1-elements/schema-fragments";
import {
    counterexampleProperties, dialogNodeProperties, elementSchema, entityProperties, intentProperties,
} from "../v1-elements/schemas";

const collection = (properties: object, key: string) => ({ type: "array", items: elementSchema(properties, key) });

/** Fields set on the workspace itself (not collections, not provider options). */
export const scalarProperties = {
    name: s.workspaceName,
    description: s.description,
    language: { ...s.languageCode, replaceOnChange: true },
    metadata: { type: "object" },
    learningOptOut: { type: "boolean" },
    systemSettings: {
        type: "object",
        properties: {
            disambiguation: s.disambiguation,
            tooling: { type: "object", properties: { storeGenericResponses: { type: "boolean" } } },
        },
    },
    webhooks: { type: "array", items: s.webhook },
};

/** Provider options: they steer operations and are not content (never a change by themselves). */
export const optionProperties = {
    waitForTraining: { type: "boolean" },
    trainingTimeoutSeconds: { type: "number", exclusiveMinimum: 0, maximum: 86400 },
    adoptWorkspaceId: { type: "string", minLength: 1 },
    takeOver: { type: "boolean" },
    overwriteLiveChanges: { type: "boolean" },
};

export const workspaceSchema = {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: {
        ...scalarProperties,
        intents: collection(intentProperties, "intent"),
        entities: collection(entityProperties, "entity"),
        dialogNodes: collection(dialogNodeProperties, "dialogNode"),
        counterexamples: collection(counterexampleProperties, "text"),
        ...optionProperties,
    },
};
