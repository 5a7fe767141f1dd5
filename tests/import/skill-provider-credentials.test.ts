/**
 * A skill provider adopted by import: the API never returns its credentials (`private`), so the
 * generated program has none. Left out, they are not managed; an update that would drop them is
 * refused at check, before any API call.
 */
import { expect } from "chai";
import { ResourceOperations } from "../../provider/bridge/operations";
import { spec } from "../../resources/skill-provider/spec";

const SPEC = { servers: [{ url: "https://skills.example.com" }] };
const PRIVATE = { authentication: { bearer: { token: "t" } } };
const ops = new ResourceOperations(spec);
const failures = (olds: object, news: object) => (ops.check(olds, news).failures ?? []).map((f) => `${f.property}: ${f.reason}`);

describe("ConversationalSkillProvider credentials left out of an adopted provider", () => {
    it("an imported provider without private checks clean and its diff takes no change", () => {
        const read = { providerId: "p", specification: SPEC };
        expect(failures(read, read)).to.deep.equal([]);
        expect(ops.diff(read, read).changes).to.equal(false);
    });

    it("a create without private fails its check naming the property", () => {
        expect(failures({}, { providerId: "p", specification: SPEC })).to.deep.equal(["private: required to register a provider: the credentials the assistant calls it with"]);
    });

    it("a specification change without private fails its check: the update would drop the credentials", () => {
        const moved = { servers: [{ url: "https://moved.example.com" }] };
        expect(failures({ providerId: "p", specification: SPEC }, { providerId: "p", specification: moved })).to.have.length(1)
            .and.to.match(/^private: required to change specification/);
        expect(failures({ providerId: "p", specification: SPEC }, { providerId: "p", specification: moved, private: PRIVATE })).to.deep.equal([]);
    });

    it("credentials once declared cannot be left out", () => {
        expect(failures({ providerId: "p", specification: SPEC, private: PRIVATE }, { providerId: "p", specification: SPEC })[0]).to.match(/^private: cannot be left out once declared/);
    });
});
