/**
 * The native plugin's schema is derived, never written: the generated declarations are current,
 * the schema says what each spec says (inputs, required, replaceOnChanges, secrets, defaults),
 * and the real CLI's `pulumi package get-schema` prints it from the plugin.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { generatedSource, GENERATED_PATH } from "../../scripts/native-schema";
import { nativeSchema } from "../../plugin/native";
import { RESOURCE_TYPES, specFor } from "../../plugin/registry";
import { tokenOf } from "../../provider/native/schema";
import { hashKey } from "../../provider/values";
import { CliSession, locatePulumiCli } from "../../drivers/pulumi-cli";

const REPO_ROOT = path.resolve(__dirname, "../..");

describe("native plugin schema", function () {
    this.timeout(120_000);
    const schema = nativeSchema();

    it("declarations.generated.ts is what `npm run native-schema` writes from the public declarations and the README", () => {
        expect(fs.readFileSync(GENERATED_PATH, "utf8")).to.equal(generatedSource(), "run `npm run native-schema` and commit the result");
    });

    it("declares every resource type under watson-assistant:index:<Type>", () => {
        expect(Object.keys(schema.resources).sort()).to.deep.equal(RESOURCE_TYPES.map(tokenOf).sort());
    });

    for (const type of RESOURCE_TYPES) {
        it(`${type}: inputs, required inputs, replaceOnChanges, secrets and defaults follow the spec`, () => {
            const spec = specFor(type);
            const inputSchema = spec.inputSchema as { properties: Record<string, any>; required?: string[] };
            const resource = schema.resources[tokenOf(type)];
            const inputs: Record<string, any> = resource.inputProperties;
            expect(Object.keys(inputs)).to.deep.equal(Object.keys(inputSchema.properties));
            expect(resource.requiredInputs ?? []).to.deep.equal(inputSchema.required ?? []);
            expect(Object.keys(inputs).filter((name) => inputs[name].replaceOnChanges)).to.have.members(spec.replaceOn as string[]);
            expect(Object.keys(inputs).filter((name) => inputs[name].secret)).to.have.members((spec.writeOnly ?? []) as string[]);
            for (const name of (spec.writeOnly ?? []) as string[]) {
                expect(resource.properties, `${type}.${name} is never an output`).not.to.have.property(name);
                expect(resource.properties[hashKey(name)].secret).to.equal(true);
            }
            for (const [name, property] of Object.entries(inputSchema.properties)) {
                if (["string", "number", "boolean"].includes(typeof property.default)) expect(inputs[name].default).to.equal(property.default);
                expect(inputs[name].description, `${type}.${name} has a doc`).to.be.a("string").and.not.equal("");
            }
        });
    }

    it("documents every nested type and each of its properties, from the interfaces that declare them", () => {
        const undocumented: string[] = [];
        for (const [token, type] of Object.entries<any>(schema.types)) {
            if (!type.description) undocumented.push(token);
            for (const [name, property] of Object.entries<any>(type.properties ?? {})) if (!property.description) undocumented.push(`${token}.${name}`);
        }
        expect(undocumented).to.deep.equal([]);
    });

    it("names a nested type after its interface, one type wherever it appears: a Workspace's and an Intent's examples are both Example", () => {
        const example = { $ref: `#/types/${tokenOf("Example")}` };
        expect(schema.types[tokenOf("IntentElement")].properties.examples.items).to.deep.equal(example);
        expect(schema.resources[tokenOf("Intent")].inputProperties.examples.items).to.deep.equal(example);
        expect(schema.resources[tokenOf("Workspace")].inputProperties.intents.items).to.deep.equal({ $ref: `#/types/${tokenOf("IntentElement")}` });
        expect(Object.keys(schema.types).filter((token) => RESOURCE_TYPES.map(tokenOf).includes(token))).to.deep.equal([]);
    });

    it("gives outputs the types of their declarations (an id is a string, not Any)", () => {
        expect(schema.resources[tokenOf("Workspace")].properties.workspaceId).to.include({ type: "string" });
        expect(schema.resources[tokenOf("Assistant")].properties.assistantId).to.include({ type: "string" });
    });

    it("declares the README's config keys, the credentials secret", () => {
        const variables = schema.config.variables;
        expect(variables).to.include.keys("url", "apikey", "bearerToken", "password", "versionV1", "versionV2");
        expect(Object.keys(variables).filter((key) => variables[key].secret)).to.have.members(["apikey", "bearerToken", "username", "password"].filter((k) => variables[k]?.secret));
        expect(variables.apikey.secret).to.equal(true);
        expect(variables.url.secret).to.equal(undefined);
    });

    const cli = locatePulumiCli();
    (cli ? it : it.skip)("`pulumi package get-schema bin/pulumi-resource-watson-assistant` prints it (real CLI; needs npm run build)", async () => {
        const session = new CliSession({ cli: cli! });
        try {
            const result = await session.run(REPO_ROOT, ["package", "get-schema", path.join(REPO_ROOT, "bin", "pulumi-resource-watson-assistant")]);
            expect(JSON.parse(result.stdout)).to.deep.equal(schema);
        } finally {
            session.close();
        }
    });

    (cli ? it : it.skip)("`pulumi package gen-sdk --language python` writes a module per resource from it (real CLI)", async () => {
        const session = new CliSession({ cli: cli! });
        try {
            const out = path.join(session.root, "sdk");
            await session.run(REPO_ROOT, ["package", "gen-sdk", path.join(REPO_ROOT, "bin", "pulumi-resource-watson-assistant"), "--language", "python", "--out", out]);
            const modules = fs.readdirSync(path.join(out, "python", "pulumi_watson_assistant"));
            expect(modules).to.include.members(["workspace.py", "intent.py", "assistant.py", "environment_deployment.py", "release_promotion.py"]);
        } finally {
            session.close();
        }
    });
});
