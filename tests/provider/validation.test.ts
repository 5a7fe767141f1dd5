import { expect } from "chai";
import { schemas } from "../../resources/v1-elements/schema-fragments";
import { compileInputSchema, instancePathToProperty } from "../../provider/validation";

const workspaceSchema = {
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: {
        name: schemas.workspaceName,
        description: schemas.description,
        intents: {
            type: "array",
            items: {
                type: "object",
                additionalProperties: false,
                required: ["intent"],
                properties: {
                    intent: schemas.intentName,
                    description: schemas.description,
                    examples: { type: "array", items: { type: "object", required: ["text"], properties: { text: schemas.exampleText, mentions: { type: "array" } } } },
                },
            },
        },
        entities: { type: "array", items: { type: "object", properties: { entity: schemas.entityName, values: { type: "array", items: { type: "object", properties: { type: schemas.valueType } } } } } },
        dialogNodes: { type: "array", items: { type: "object", properties: { dialogNode: schemas.dialogNodeId } } },
    },
};

describe("compileInputSchema", () => {
    const check = compileInputSchema(workspaceSchema);

    it("accepts valid input, unicode names included", () => {
        expect(check({ name: "Bank", intents: [{ intent: "größe.frage_1", examples: [{ text: "Wie groß?" }] }], dialogNodes: [{ dialogNode: "node 1.a" }] })).to.deep.equal([]);
    });

    it("reports every problem with its property path and rule", () => {
        const failures = check({
            name: "Bank\tCo",
            intents: [
                { intent: "ok", examples: [] },
                { intent: "ok2" },
                { intent: "sys-greeting", examples: [{ text: "fine" }, { text: "line\nbreak" }, {}] },
            ],
            entities: [{ entity: "has.dot", values: [{ type: "regex" }] }],
        });
        expect(failures).to.deep.include.members([
            { property: "name", reason: "must match pattern ^[^\\t\\n\\r]*$ (no tabs or newlines)" },
            { property: "intents[2].intent", reason: "cannot start with the reserved prefix sys-" },
            { property: "intents[2].examples[1].text", reason: "must match pattern ^[^\\t\\n\\r]*$ (no tabs or newlines)" },
            { property: "intents[2].examples[2].text", reason: "is required" },
            { property: "entities[0].entity", reason: "must match pattern ^[\\p{L}\\p{N}\\p{M}_\\-]+$ (only letters, digits, underscore and hyphen)" },
            { property: "entities[0].values[0].type", reason: "must be one of: synonyms, patterns" },
        ]);
        expect(failures).to.have.length(6);
    });

    it("names a missing required property and suggests the right spelling of an unknown one", () => {
        expect(check({ Name: "x" })).to.deep.equal([
            { property: "name", reason: "is required" },
            { property: "Name", reason: 'is not a known property; did you mean "name"?' },
        ]);
    });

    it("counts length limits in characters and rejects blank examples", () => {
        const failures = check({ name: "n".repeat(65), intents: [{ intent: "i", examples: [{ text: "   " }] }] });
        expect(failures).to.deep.equal([
            { property: "name", reason: "must NOT have more than 64 characters" },
            { property: "intents[0].examples[0].text", reason: "must match pattern \\S (cannot be only whitespace)" },
        ]);
    });

    it("compiles each schema object once", () => {
        expect(compileInputSchema(workspaceSchema)).to.equal(check);
        expect(compileInputSchema({ ...workspaceSchema })).not.to.equal(check);
    });

    it("converts JSON pointers to dotted and bracketed paths", () => {
        expect(instancePathToProperty("/intents/2/examples/0/text")).to.equal("intents[2].examples[0].text");
        expect(instancePathToProperty("/metadata/a~1b/with space")).to.equal('metadata["a/b"]["with space"]');
        expect(instancePathToProperty("")).to.equal("");
    });
});
