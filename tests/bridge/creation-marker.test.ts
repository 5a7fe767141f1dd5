import { expect } from "chai";
import { creationMarker, MARKER_KEY, splitMarkerSuffix, URN_KEY, withMarkerSuffix } from "../../provider/bridge/creation-marker";

const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/watson-assistant:Workspace::${name}`;

describe("creation markers", () => {
    it("a first create derives the same marker on every attempt, and a different one for another URN or identifying input", () => {
        const news = { [URN_KEY]: urn("a"), name: "x", language: "en" };
        const first = creationMarker({}, news, ["language"]);
        expect(first).to.match(/^[0-9a-f]{16}$/);
        expect(creationMarker({}, { ...news, name: "y" }, ["language"]), "name does not identify").to.equal(first);
        expect(creationMarker({}, { ...news, [URN_KEY]: urn("b") }, ["language"])).not.to.equal(first);
        expect(creationMarker({}, { ...news, language: "fr" }, ["language"])).not.to.equal(first);
    });

    it("an update keeps the stored marker, and the replacement checked after it gets a new one", () => {
        const news = { [URN_KEY]: urn("replaced"), language: "en" };
        const original = creationMarker({}, news, ["language"])!;
        const olds = { ...news, [MARKER_KEY]: original };
        expect(creationMarker(olds, news, ["language"])).to.equal(original);
        const replacement = creationMarker({}, news, ["language"]);
        expect(replacement).not.to.equal(original);
        // The interrupted replacement's next attempt (same state, same checks) derives it again.
        expect(creationMarker(olds, news, ["language"])).to.equal(original);
        expect(creationMarker({}, news, ["language"])).to.equal(replacement);
    });

    it("is undefined without a URN (a program that does not pass one)", () => {
        expect(creationMarker({}, { language: "en" }, ["language"])).to.equal(undefined);
    });

    it("a description suffix carries the marker and reads back as the declared text", () => {
        const marker = "0123456789abcdef";
        expect(splitMarkerSuffix(withMarkerSuffix("Support bot", marker, 128))).to.deep.equal({ text: "Support bot", marker });
        expect(splitMarkerSuffix(withMarkerSuffix(undefined, marker, 128))).to.deep.equal({ text: undefined, marker });
        expect(withMarkerSuffix("x".repeat(103), marker, 128), "too long for the suffix").to.equal("x".repeat(103));
        expect(splitMarkerSuffix("plain [text]")).to.deep.equal({ text: "plain [text]" });
    });
});
