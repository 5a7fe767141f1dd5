import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { providerFor } from "../../provider/bridge/serializable-provider";

const TYPES = ["Workspace", "Intent", "Entity", "DialogNode", "Assistant", "Skill", "Release", "EnvironmentDeployment", "ConversationalSkillProvider"];

/** Serializes a provider exactly as `pulumi.dynamic.Resource` does before storing it in `__provider`. */
async function serializedProvider(type: string): Promise<string> {
    const provider = providerFor(type);
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true } as pulumi.runtime.SerializeFunctionArgs);
    expect(serialized.containsSecrets).to.equal(false);
    return serialized.text;
}

describe("serialized provider (__provider)", () => {
    for (const type of TYPES) {
        it(`${type}: stays under 4 KB, names the package, and carries no machine path or configuration`, async () => {
            const text = await serializedProvider(type);
            expect(Buffer.byteLength(text)).to.be.at.most(4096);
            expect(text).to.contain("pulumi-watson-assistant/dist/provider/bridge/runtime");
            expect(text).to.contain(JSON.stringify(type));
            expect(text).not.to.contain(process.cwd());
            expect(text).not.to.match(/apikey|password|token/i);
        });
    }

    it("is the same text on every serialization, so state does not churn", async () => {
        expect(await serializedProvider("Workspace")).to.equal(await serializedProvider("Workspace"));
    });
});
