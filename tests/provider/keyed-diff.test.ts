import { expect } from "chai";
import { duplicateKeys, keyedDiff, sortedBy } from "../../provider/keyed-diff";

interface Intent {
    intent: string;
    description?: string;
    examples: { text: string }[];
}

const byName = (i: Intent) => i.intent;
const canonical = (i: Intent) => ({ ...i, examples: sortedBy(i.examples, (e) => e.text) });
const intent = (name: string, examples: string[], description?: string): Intent => ({ intent: name, description, examples: examples.map((text) => ({ text })) });

describe("keyedDiff", () => {
    it("splits elements into added, removed, changed and unchanged by key", () => {
        const olds = [intent("a", ["1"]), intent("b", ["2"]), intent("c", ["3"])];
        const news = [intent("b", ["2"]), intent("c", ["3", "4"]), intent("d", ["5"])];
        const d = keyedDiff(olds, news, byName, { canonical });
        expect(d.added.map(byName)).to.deep.equal(["d"]);
        expect(d.removed.map(byName)).to.deep.equal(["a"]);
        expect(d.unchanged.map(byName)).to.deep.equal(["b"]);
        expect(d.changed.map((c) => c.new.intent)).to.deep.equal(["c"]);
        expect(d.changed[0].changes.length).to.be.greaterThan(0);
        expect(d.renamed).to.deep.equal([]);
    });

    it("ignores property order within elements", () => {
        const d = keyedDiff([{ intent: "a", description: "x" }], [{ description: "x", intent: "a" }], (i) => i.intent);
        expect(d.unchanged).to.have.length(1);
    });

    it("ignores the order of elements and, through canonical, of nested lists", () => {
        const olds = [intent("a", ["x", "y"]), intent("b", ["z"])];
        const news = [intent("b", ["z"]), intent("a", ["y", "x"])];
        const d = keyedDiff(olds, news, byName, { canonical });
        expect(d.unchanged).to.have.length(2);
        expect(d.changed).to.have.length(0);
        expect(keyedDiff(olds, news, byName).changed.map((c) => c.new.intent)).to.deep.equal(["a"]);
    });

    it("treats an element identical except for its key as a rename, pairing one to one", () => {
        const olds = [intent("greet", ["hi"], "Greeting"), intent("bye", ["ciao"]), intent("dup1", ["same"]), intent("dup2", ["same"])];
        const news = [intent("hello", ["hi"], "Greeting"), intent("farewell", ["ciao", "later"]), intent("dup3", ["same"])];
        const d = keyedDiff(olds, news, byName, { canonical, keyProperty: "intent" });
        expect(d.renamed.map((r) => [r.old.intent, r.new.intent])).to.deep.equal([
            ["greet", "hello"],
            ["dup1", "dup3"],
        ]);
        expect(d.added.map(byName)).to.deep.equal(["farewell"]);
        expect(d.removed.map(byName)).to.deep.equal(["bye", "dup2"]);
    });

    it("detects renames of scalar-like elements (examples by text) and can be told not to", () => {
        const olds = [{ text: "helo" }];
        const news = [{ text: "hello" }];
        expect(keyedDiff(olds, news, (e) => e.text).renamed).to.have.length(1);
        expect(keyedDiff(olds, news, (e) => e.text, { detectRenames: false }).renamed).to.have.length(0);
    });

    it("an absent old list means every new element is added", () => {
        expect(keyedDiff<Intent>(undefined, [intent("a", [])], byName).added).to.have.length(1);
    });

    it("an absent new list means every old element is removed", () => {
        expect(keyedDiff<Intent>([intent("a", [])], undefined, byName).removed).to.have.length(1);
    });

    it("diffs 1,000 intents of 20 examples, finding the few that changed", () => {
        const make = (n: number, suffix: string) => Array.from({ length: n }, (_, i) => intent(`intent_${i}`, Array.from({ length: 20 }, (_, j) => `example ${i} ${j}${j === 0 && i % 100 === 0 ? suffix : ""}`)));
        const olds = make(1000, "");
        const news = make(1000, " changed").reverse();
        const d = keyedDiff(olds, news, byName, { canonical });
        expect(d.changed).to.have.length(10);
        expect(d.changed.every((c) => c.changes.length > 0 && c.changes.every((ch) => ch.path?.[0] === "examples"))).to.equal(true);
        expect(d.unchanged).to.have.length(990);
    });
});

describe("duplicateKeys", () => {
    it("lists each repeated key once", () => {
        expect(duplicateKeys([{ k: "a" }, { k: "b" }, { k: "a" }, { k: "a" }, { k: "c" }, { k: "b" }], (x) => x.k)).to.deep.equal(["a", "b"]);
    });
});
