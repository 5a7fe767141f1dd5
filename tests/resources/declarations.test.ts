/**
 * The public declarations read as users read them (through the TypeScript compiler API, from the
 * package root index.ts): every input and output property carries a doc comment, and a property's
 * doc says it replaces exactly when its schema marks it `replaceOnChange`, and so does the
 * README's Resources table.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { specFor } from "../../plugin/registry";
import { replacingProperties } from "../../provider/validation";
import { type Declarations, loadDeclarations } from "../../scripts/declarations";

const ROOT = path.resolve(__dirname, "../..");
/** The one phrase a replacing property's doc uses; no other property's doc says REPLACE. */
const REPLACES = "Changing it REPLACES";

const ours = (declaration: ts.Declaration) => !declaration.getSourceFile().fileName.includes("node_modules");
/** A property's doc comment as one line (the phrase may wrap). */
const docOf = (checker: ts.TypeChecker, property: ts.Symbol) => ts.displayPartsToString(property.getDocumentationComment(checker)).replace(/\s+/g, " ");

/**
 * `where.property` for every property declared in this repository that has no doc comment,
 * reached from `type` through property types, unions, arrays, Inputs and Outputs.
 */
function undocumented(checker: ts.TypeChecker, type: ts.Type, where: string, seen = new Set<ts.Type>()): string[] {
    if (seen.has(type)) return [];
    seen.add(type);
    if (type.isUnionOrIntersection()) return type.types.flatMap((t) => undocumented(checker, t, where, seen));
    const missing: string[] = [];
    for (const argument of checker.getTypeArguments(type as ts.TypeReference) ?? []) missing.push(...undocumented(checker, argument, where, seen));
    if (!(type.flags & ts.TypeFlags.Object)) return missing;
    for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.declarations?.[0];
        if (!declaration || !ours(declaration)) continue;
        if (docOf(checker, property).trim() === "") missing.push(`${where}.${property.name}`);
        missing.push(...undocumented(checker, checker.getTypeOfSymbol(property), `${where}.${property.name}`, seen));
    }
    return missing;
}

describe("public declarations", function () {
    this.timeout(120_000);
    let declarations: Declarations;
    before(() => {
        declarations = loadDeclarations();
    });

    it("finds every resource class of the registry among the package's exports", () => {
        const types = ["Workspace", "Intent", "Entity", "DialogNode", "Assistant", "Skill", "Release", "EnvironmentDeployment", "ConversationalSkillProvider", "ConversationTest", "ReleasePromotion"];
        expect([...declarations.resources.keys()]).to.include.members(types);
    });

    it("documents every input property of every resource's args, at every depth", () => {
        const { checker, resources } = declarations;
        const missing = [...resources].flatMap(([name, { args }]) => undocumented(checker, args, `${name}Args`));
        expect(missing).to.deep.equal([]);
    });

    it("documents every output property of every resource class, at every depth", () => {
        const { checker, resources } = declarations;
        const missing = [...resources].flatMap(([name, { instance }]) => undocumented(checker, instance, name));
        expect(missing).to.deep.equal([]);
    });

    it("documents every property of the exported element, case and result types", () => {
        const { checker, types } = declarations;
        const missing = [...types].flatMap(([name, type]) => undocumented(checker, type, name));
        expect(missing).to.deep.equal([]);
    });

    it(`says "${REPLACES}" in the doc of exactly the properties whose schema marks replaceOnChange`, () => {
        const { checker, resources } = declarations;
        const disagreements: string[] = [];
        for (const [name, { args, instance }] of resources) {
            const spec = specFor(name);
            const replacing = new Set<string>(replacingProperties(spec.inputSchema));
            for (const [where, type] of [[`${name}Args`, args], [name, instance]] as const) {
                for (const property of checker.getPropertiesOfType(type)) {
                    const declaration = property.declarations?.[0];
                    if (!declaration || !ours(declaration)) continue;
                    const doc = docOf(checker, property);
                    if (replacing.has(property.name) && !doc.includes(REPLACES)) disagreements.push(`${where}.${property.name} replaces but its doc does not say "${REPLACES}"`);
                    if (!replacing.has(property.name) && /REPLACE/.test(doc)) disagreements.push(`${where}.${property.name} updates in place but its doc says REPLACE`);
                }
            }
        }
        expect(disagreements).to.deep.equal([]);
    });

    it("names every replacing property in the README's Resources table, and says never for a resource without one", () => {
        const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
        const section = readme.slice(readme.indexOf("\n## Resources\n"), readme.indexOf("\n### ", readme.indexOf("\n## Resources\n")));
        const disagreements: string[] = [];
        for (const name of declarations.resources.keys()) {
            const row = section.split("\n").find((line) => line.startsWith(`| \`${name}\``));
            const replacesWhen = row?.split(" | ")[3] ?? "";
            const replacing = replacingProperties(specFor(name).inputSchema);
            if (replacing.length === 0 && !replacesWhen.startsWith("never")) disagreements.push(`${name}: no property replaces, the table says "${replacesWhen}"`);
            for (const property of replacing) {
                if (!replacesWhen.includes(`\`${property}\``)) disagreements.push(`${name}: ${property} replaces, the table says "${replacesWhen}"`);
            }
        }
        expect(disagreements).to.deep.equal([]);
    });

    it("declares the same input properties in the typed args and in the schema (check-set ones as outputs)", () => {
        const { checker, resources } = declarations;
        const disagreements: string[] = [];
        for (const [name, { args, instance }] of resources) {
            const inSchema = Object.keys((specFor(name).inputSchema as { properties: object }).properties);
            const inArgs = checker.getPropertiesOfType(args).map((p) => p.name);
            const inOutputs = new Set(checker.getPropertiesOfType(instance).map((p) => p.name));
            for (const property of inArgs) if (!inSchema.includes(property)) disagreements.push(`${name}Args.${property} is not in the schema`);
            for (const property of inSchema) {
                if (!inArgs.includes(property) && !inOutputs.has(property)) disagreements.push(`${name}: schema property ${property} is neither an input nor an output`);
            }
        }
        expect(disagreements).to.deep.equal([]);
    });

    it("derives every spec's replaceOn from the properties its schema marks replaceOnChange", () => {
        for (const name of declarations.resources.keys()) {
            const spec = specFor(name);
            expect(spec.replaceOn, name).to.deep.equal(replacingProperties(spec.inputSchema));
        }
    });
});
