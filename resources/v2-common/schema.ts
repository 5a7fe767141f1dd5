/** JSON Schema fragments shared by the v2 resources' input schemas. */

/** The API's rule for names and descriptions: no carriage return, newline or tab. */
export function singleLineText(maxLength: number): object {
    return { type: "string", minLength: 1, maxLength, pattern: "^[^\\r\\n\\t]*$" };
}

export const assistantIdSchema = { type: "string", minLength: 1 };

/** How long to wait for asynchronous work; an operational setting that never causes an update. */
export const waitTimeoutSchema = { type: "number", exclusiveMinimum: 0, maximum: 86400 };

/** Free-form JSON object passed to the API untouched. */
export const freeFormObject = { type: "object" };
