/**
 * The native plugin's detailed diff names elements of keyed collections and the fields that
 * changed inside them, from the last deployment's inputs, through the Workspace spec's own shapes.
 */
import { expect } from "chai";
import { detailedDiff } from "../../provider/native/detailed-diff";
import { spec as workspace } from "../../resources/workspace/spec";

const intents = [
    { intent: "hello", examples: [{ text: "hi" }] },
    { intent: "refund", examples: [{ text: "money back" }] },
];

describe("native detailed diff", () => {
    it("names the changed field of an element that stays in place: intents[1].examples", () => {
        const news = { name: "w", intents: [intents[0], { intent: "refund", examples: [{ text: "money back" }, { text: "refund please" }] }] };
        expect(detailedDiff(["intents"], [], { name: "w", intents }, news, workspace.summary)).to.deep.equal({ "intents[1].examples": "update" });
    });

    it("names a moved element by its key, an added one by its new position and a removed one by its old", () => {
        const news = { intents: [{ intent: "refund", examples: [{ text: "cash back" }] }, { intent: "bye", examples: [{ text: "bye" }] }] };
        expect(detailedDiff(["intents"], [], { intents }, news, workspace.summary)).to.deep.equal({
            'intents["refund"].examples': "update",
            "intents[1]": "add",
            "intents[0]": "delete",
        });
    });

    it("reports scalars whole, with replacement kinds for replacing properties", () => {
        expect(detailedDiff(["language", "description"], ["language"], { language: "en" }, { language: "fr", description: "d" }, workspace.summary))
            .to.deep.equal({ language: "updateReplace", description: "add" });
    });

    it("reports a collection whole when the last deployment's inputs are unknown", () => {
        expect(detailedDiff(["intents"], [], undefined, { intents }, workspace.summary)).to.deep.equal({ intents: "update" });
    });
});
