import { expect } from "chai";
import { PARTIAL_PROPERTIES_MAX_BYTES, PartialFailure } from "../../provider/bridge/errors";

describe("PartialFailure properties", () => {
    const intents = (bytes: number) => [{ intent: "big", examples: [{ text: "x".repeat(bytes) }] }];

    it("keep everything while they fit the error trailer", () => {
        const failure = new PartialFailure("stopped", "ws1", { workspaceId: "ws1", name: "n", intents: intents(1000) }, undefined, ["intents"]);
        expect(failure.properties).to.have.keys("workspaceId", "name", "intents");
    });

    it("leave out the properties the next update reads back when they would not fit", () => {
        const failure = new PartialFailure("stopped", "ws1", { workspaceId: "ws1", name: "n", intents: intents(PARTIAL_PROPERTIES_MAX_BYTES) }, undefined, ["intents"]);
        expect(failure.properties).to.deep.equal({ workspaceId: "ws1", name: "n" });
        expect(new PartialFailure("wrapped", failure.id, failure.properties).properties, "a rewrap keeps the small form").to.deep.equal({ workspaceId: "ws1", name: "n" });
    });
});
