/**
 * Writes provider/native/declarations.generated.ts: what the native plugin's schema takes from the
 * public TypeScript declarations (each resource's doc, its input and output docs, the types of its
 * outputs, the names and docs of the objects inside its inputs) and the README's config table (config keys, secret ones, their meaning). The plugin
 * derives the rest of its schema from the specs at run time (provider/native/schema.ts);
 * tests/native/schema.test.ts fails when this file is out of date.
 *
 *   npm run native-schema
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { loadDeclarations, ROOT } from "./declarations";
import { RESOURCE_TYPES } from "../plugin/registry";
import type { ConfigKey, ResourceDeclaration } from "../provider/native/schema";

export const GENERATED_PATH = path.join(ROOT, "provider/native/declarations.generated.ts");

type Json = Record<string, any>;

const docOf = (checker: ts.TypeChecker, symbol: ts.Symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();

/** The Pulumi type spec of an output's TypeScript type (Output<T> unwrapped). */
function typeSpec(checker: ts.TypeChecker, type: ts.Type): Json {
    const unwrapped = type.getNonNullableType();
    // pulumi.Output<T> is an alias of an intersection: its T is an alias type argument.
    if (unwrapped.aliasSymbol?.getName() === "Output" && unwrapped.aliasTypeArguments?.[0]) return typeSpec(checker, unwrapped.aliasTypeArguments[0]);
    const symbolName = unwrapped.getSymbol()?.getName() ?? unwrapped.aliasSymbol?.getName();
    if (symbolName === "Output" || symbolName === "OutputInstance") {
        const [inner] = checker.getTypeArguments(unwrapped as ts.TypeReference);
        if (inner) return typeSpec(checker, inner);
    }
    if (unwrapped.isUnion()) {
        const members = unwrapped.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
        if (members.every((t) => t.flags & ts.TypeFlags.StringLike)) return { type: "string" };
        if (members.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { type: "boolean" };
        if (members.length === 1) return typeSpec(checker, members[0]);
        return { $ref: "pulumi.json#/Any" };
    }
    if (unwrapped.flags & ts.TypeFlags.StringLike) return { type: "string" };
    if (unwrapped.flags & ts.TypeFlags.NumberLike) return { type: "number" };
    if (unwrapped.flags & ts.TypeFlags.BooleanLike) return { type: "boolean" };
    if (checker.isArrayType(unwrapped)) return { type: "array", items: typeSpec(checker, checker.getTypeArguments(unwrapped as ts.TypeReference)[0]) };
    const index = unwrapped.getStringIndexType();
    if (index && checker.getPropertiesOfType(unwrapped).length === 0) return { type: "object", additionalProperties: typeSpec(checker, index) };
    return { $ref: "pulumi.json#/Any" };
}

const WRAPPERS = new Set(["Promise", "OutputInstance", "Output"]);

/** The plain type a program's input stands for: Input, Promise and Output unwrapped, ArgsOf<T> as T. */
function plainOf(type: ts.Type): ts.Type {
    const t = type.getNonNullableType();
    if (t.aliasSymbol?.getName() === "ArgsOf" && t.aliasTypeArguments?.[0]) return plainOf(t.aliasTypeArguments[0]);
    if (!t.isUnion()) return t;
    const values = t.types.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && !WRAPPERS.has(m.getSymbol()?.getName() ?? m.aliasSymbol?.getName() ?? ""));
    return values.length === 1 ? plainOf(values[0]) : t;
}

/**
 * Docs of the objects inside an input, by dotted path without indices (`intents.examples.text`):
 * each object's interface name and doc, and each of its properties' docs.
 */
function nestedDeclarations(checker: ts.TypeChecker, type: ts.Type, at: string, into: Required<Pick<ResourceDeclaration, "objects" | "nested">>): void {
    if (at.split(".").length > 6) return;
    let plain = plainOf(type);
    if (checker.isArrayType(plain)) plain = plainOf(checker.getTypeArguments(plain as ts.TypeReference)[0]);
    if (!(plain.flags & ts.TypeFlags.Object) || checker.isArrayType(plain)) return;
    const properties = checker.getPropertiesOfType(plain);
    if (properties.length === 0) return;
    // Named after its interface when the package declares one (not a library's Partial, Record, ...).
    const symbol = plain.aliasSymbol ?? plain.getSymbol();
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? "";
    const named = symbol && !symbol.getName().startsWith("__") && file.startsWith(ROOT) && !file.includes("node_modules") ? symbol : undefined;
    into.objects[at] = { ...(named ? { name: named.getName() } : {}), description: named ? docOf(checker, named) : "" };
    for (const property of properties) {
        into.nested[`${at}.${property.name}`] = docOf(checker, property);
        nestedDeclarations(checker, checker.getTypeOfSymbol(property), `${at}.${property.name}`, into);
    }
}

/** The doc comment of the class declaration itself (the symbol's would add the merged outputs interface's). */
function classDoc(symbol: ts.Symbol | undefined): string {
    const declaration = symbol?.declarations?.find(ts.isClassDeclaration);
    const doc = declaration && ts.getJSDocCommentsAndTags(declaration).find(ts.isJSDoc);
    return (doc && ts.getTextOfJSDocComment(doc.comment)?.trim()) ?? "";
}

export function readDeclarations(): Record<string, ResourceDeclaration> {
    const { checker, resources } = loadDeclarations();
    const result: Record<string, ResourceDeclaration> = {};
    for (const type of RESOURCE_TYPES) {
        const declared = resources.get(type);
        if (!declared) throw new Error(`no exported resource class ${type}`);
        const classSymbol = declared.instance.getSymbol();
        const inputs = Object.fromEntries(checker.getPropertiesOfType(declared.args).map((p) => [p.name, docOf(checker, p)]));
        const inside = { objects: {}, nested: {} };
        for (const property of checker.getPropertiesOfType(declared.args)) nestedDeclarations(checker, checker.getTypeOfSymbol(property), property.name, inside);
        const outputs: ResourceDeclaration["outputs"] = {};
        for (const property of checker.getPropertiesOfType(declared.instance)) {
            const declaration = property.declarations?.[0];
            if (!declaration || declaration.getSourceFile().fileName.includes("node_modules")) continue;
            if (ts.isMethodDeclaration(declaration) || ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
            outputs[property.name] = { description: docOf(checker, property), type: typeSpec(checker, checker.getTypeOfSymbol(property)) };
        }
        result[type] = { description: classDoc(classSymbol), inputs, outputs, ...inside };
    }
    return result;
}

/** The README's config table: `| \`key\`[, \`key\`] [(secret)] | env | meaning |`. */
export function readConfigKeys(readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8")): Record<string, ConfigKey> {
    const start = readme.indexOf("| Config key (`watson-assistant:`)");
    const rows = readme.slice(start).split("\n").slice(2);
    const keys: Record<string, ConfigKey> = {};
    for (const row of rows) {
        if (!row.startsWith("|")) break;
        const [names, , meaning] = row.split("|").slice(1, -1).map((cell) => cell.trim());
        const secret = names.includes("(secret)");
        for (const [, key] of names.matchAll(/`([A-Za-z0-9]+)`/g)) keys[key] = { description: meaning, ...(secret ? { secret: true } : {}) };
    }
    return keys;
}

export function generatedSource(): string {
    const body = JSON.stringify({ resources: readDeclarations(), config: readConfigKeys() }, null, 4);
    return [
        "// Generated by scripts/native-schema.ts (npm run native-schema) from the public declarations and the README's config table. Do not edit.",
        'import type { ConfigKey, ResourceDeclaration } from "./schema";',
        "",
        `export const DECLARATIONS: { resources: Record<string, ResourceDeclaration>; config: Record<string, ConfigKey> } = ${body};`,
        "",
    ].join("\n");
}

if (require.main === module) {
    fs.writeFileSync(GENERATED_PATH, generatedSource());
    console.log(`wrote ${path.relative(ROOT, GENERATED_PATH)}`);
}
