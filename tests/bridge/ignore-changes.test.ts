/** `ignoreChanges` paths into packed properties (provider/bridge/ignore-changes.ts), as the engine applies paths. */
import { expect } from "chai";
import { applyIgnoreChanges, parsePropertyPath, splitIgnoreChanges } from "../../provider/bridge/ignore-changes";

describe("ignoreChanges into packed properties", () => {
    it("parses names, indexes and quoted keys of Pulumi's property paths", () => {
        expect(parsePropertyPath("description")).to.deep.equal(["description"]);
        expect(parsePropertyPath("examples[2].text")).to.deep.equal(["examples", 2, "text"]);
        expect(parsePropertyPath('metadata["a.b"].c')).to.deep.equal(["metadata", "a.b", "c"]);
    });

    it("refuses wildcards and malformed paths, naming the path", () => {
        expect(() => parsePropertyPath("examples[*].text")).to.throw(/"examples\[\*\]\.text" is not supported/);
        expect(() => parsePropertyPath(".description")).to.throw(/not supported/);
    });

    it("leaves the engine the paths outside packed properties, and checks the others in the program", () => {
        expect(splitIgnoreChanges(["description", "examples[0].text", "workspaceName"], ["description", "examples"]))
            .to.deep.equal({ engine: ["workspaceName"], packed: ["description", "examples[0].text"] });
        expect(splitIgnoreChanges(undefined, ["description"])).to.deep.equal({ engine: [], packed: [] });
        expect(() => splitIgnoreChanges(["examples[*]"], ["examples"])).to.throw(/examples\[\*\]/);
    });

    it("takes each ignored value from the last deployment, and removes it where that had none", () => {
        const olds = { intent: "hello", description: "old", examples: [{ text: "hi" }, { text: "hey" }] };
        const news = { intent: "hello", description: "new", examples: [{ text: "hello" }, { text: "yo" }], extra: 1 };
        expect(applyIgnoreChanges(news, olds, ["description", "examples[1].text", "extra"])).to.deep.equal({
            intent: "hello", description: "old", examples: [{ text: "hello" }, { text: "hey" }],
        });
    });

    it("never changes the declared inputs it is given", () => {
        const news = { description: "new", examples: [{ text: "a" }] };
        applyIgnoreChanges(news, { description: "old", examples: [{ text: "b" }] }, ["description", "examples[0].text"]);
        expect(news).to.deep.equal({ description: "new", examples: [{ text: "a" }] });
    });
});
