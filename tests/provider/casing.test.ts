import { expect } from "chai";
import { camelCase, fromApi, snakeCase, toApi } from "../../provider/casing";

describe("casing", () => {
    const inputs = {
        dialogNode: "welcome",
        previousSibling: undefined,
        nextStep: { behavior: "jump_to", dialogNode: "n2" },
        output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }], myCustomField: 1 },
        context: { userName: "$name", skip_user_input: true },
        metadata: { someKey: { nestedKey: 1 } },
        systemSettings: { disambiguation: { noneOfTheAbovePrompt: "None", enabled: true }, tooling: { storeGenericResponses: true } },
    };
    const api = {
        dialog_node: "welcome",
        next_step: { behavior: "jump_to", dialog_node: "n2" },
        output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }], myCustomField: 1 },
        context: { userName: "$name", skip_user_input: true },
        metadata: { someKey: { nestedKey: 1 } },
        system_settings: { disambiguation: { none_of_the_above_prompt: "None", enabled: true }, tooling: { store_generic_responses: true } },
    };

    it("snake-cases typed structures and passes free-form properties through untouched", () => {
        expect(toApi(inputs)).to.deep.equal(api);
    });

    it("camel-cases API bodies back, leaving free-form JSON as the API returned it", () => {
        const { previousSibling, ...rest } = inputs;
        expect(fromApi(api)).to.deep.equal(rest);
    });

    it("round-trips lists of elements with a custom free-form set", () => {
        const intents = [{ intent: "hi", examples: [{ text: "hello", mentions: [{ entity: "e", location: [0, 1] }] }] }];
        expect(fromApi(toApi(intents, []), [])).to.deep.equal(intents);
        expect(toApi({ someThing: { innerKey: 1 } }, new Set(["someThing"]))).to.deep.equal({ some_thing: { innerKey: 1 } });
    });

    it("converts names with digits, acronyms and single letters", () => {
        expect(snakeCase("x509Cert")).to.equal("x509_cert");
        expect(snakeCase("HTTPServer")).to.equal("http_server");
        expect(camelCase("a_b_c")).to.equal("aBC");
        expect(camelCase("_private_field")).to.equal("_privateField");
    });
});
