/**
 * The Pulumi package schema of the native plugin, derived from the specs and the public
 * declarations, never written by hand: input types, required inputs, defaults and
 * `replaceOnChanges` from each spec's input JSON Schema, secrets from `writeOnly` (and the config
 * keys declared secret), docs and output properties from the documented TypeScript types
 * (scripts/native-schema.ts reads them with the compiler API into schema.generated.ts; a test
 * regenerates it and fails when it is out of date).
 */
import type { ResourceSpec } from "../bridge/spec";
import { hashKey, stableJson } from "../values";
import { CONTENT_HASH_KEY, Digesting } from "../bridge/digests";

export const PACKAGE_NAME = "watson-assistant";

/** `watson-assistant:index:<Type>`. */
export const tokenOf = (type: string) => `${PACKAGE_NAME}:index:${type}`;

type Json = Record<string, any>;

/** What the public TypeScript declarations say of one resource type (docs, outputs and their types). */
export interface ResourceDeclaration {
    description: string;
    /** Input property -> doc comment. */
    inputs: Record<string, string>;
    /** Output property -> doc comment and Pulumi type spec (the inputs' own types are taken from the schema). */
    outputs: Record<string, { description: string; type: Json }>;
    /** Objects inside the inputs, by dotted path without indices (`intents.examples`): their interface's name and doc. */
    objects?: Record<string, { name?: string; description: string }>;
    /** Properties of those objects by dotted path (`intents.examples.text`) -> doc comment. */
    nested?: Record<string, string>;
}

export interface ConfigKey {
    description: string;
    secret?: boolean;
}

export interface SchemaSources {
    version: string;
    types: readonly string[];
    specFor(type: string): ResourceSpec<any, any>;
    declarations: Record<string, ResourceDeclaration>;
    config: Record<string, ConfigKey>;
}

/** What the declarations say of the objects inside one resource's inputs (ResourceDeclaration). */
interface Inside {
    objects: NonNullable<ResourceDeclaration["objects"]>;
    nested: NonNullable<ResourceDeclaration["nested"]>;
}

/**
 * Type specs of inputs: closed object types become named types under `types`, named after the
 * interface that declares them (`Example`, shared by every resource holding examples) when the
 * declarations say, else after their path (`WorkspaceWebhooks`), and documented from it.
 */
class TypeNamer {
    readonly types: Record<string, Json> = {};

    /** `reserved`: names a type must not take (the resources': SDKs derive `<Name>Args` from both). */
    constructor(private readonly reserved: ReadonlySet<string>) {}

    /** The Pulumi type spec of a JSON Schema at `path` (dotted, no indices); `name` names by path the object type it may define. */
    typeOf(schema: Json | undefined, name: string, path: string, inside: Inside): Json {
        if (!schema || typeof schema !== "object") return { $ref: "pulumi.json#/Any" };
        const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
        switch (type) {
            case "string": case "number": case "integer": case "boolean":
                return { type };
            case "array":
                return { type: "array", items: this.typeOf(schema.items, name, path, inside) };
            case "object": {
                // A closed object is a named type; an open one (free-form JSON beside known fields) can only be Any.
                if (schema.properties && Object.keys(schema.properties).length > 0 && schema.additionalProperties === false) {
                    const declared = inside.objects[path];
                    const docs = Object.fromEntries(Object.keys(schema.properties).map((prop) => [prop, inside.nested[`${path}.${prop}`] ?? ""]));
                    const body = { type: "object", ...(declared?.description ? { description: declared.description } : {}), ...this.objectOf(schema, name, docs, [], [], path, inside) };
                    return { $ref: `#/types/${this.define(declared?.name, name, body)}` };
                }
                if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
                    return { type: "object", additionalProperties: this.typeOf(schema.additionalProperties, name, path, NOTHING_INSIDE) };
                }
                return { $ref: "pulumi.json#/Any" };
            }
            default:
                return { $ref: "pulumi.json#/Any" };
        }
    }

    /** `properties` and `required` of an object schema; `docs` by property name. */
    objectOf(schema: Json, name: string, docs: Record<string, string> = {}, secrets: readonly string[] = [], replacing: readonly string[] = [], path = "", inside: Inside = NOTHING_INSIDE): { properties: Json; required?: string[] } {
        const properties: Json = {};
        for (const [prop, sub] of Object.entries<Json>(schema.properties ?? {})) {
            properties[prop] = {
                ...propertyOf(this.typeOf(sub, `${name}${pascal(prop)}`, path ? `${path}.${prop}` : prop, inside), sub, docs[prop], secrets.includes(prop)),
                ...(replacing.includes(prop) ? { replaceOnChanges: true } : {}),
            };
        }
        const required = (schema.required ?? []).filter((p: string) => p in properties);
        return { properties, ...(required.length > 0 ? { required } : {}) };
    }

    /** The token of a type with `body`: its interface's name unless that is reserved or holds another shape, else its path's. */
    private define(declaredName: string | undefined, pathName: string, body: Json): string {
        for (const candidate of [declaredName, pathName]) {
            if (!candidate || this.reserved.has(candidate)) continue;
            const token = tokenOf(candidate);
            const existing = this.types[token];
            if (existing === undefined) this.types[token] = body;
            if (existing === undefined || stableJson(existing) === stableJson(body)) return token;
        }
        throw new Error(`schema: no type name for ${pathName}`);
    }
}

const NOTHING_INSIDE: Inside = { objects: {}, nested: {} };

function propertyOf(type: Json, schema: Json | undefined, description: string | undefined, secret: boolean): Json {
    return {
        ...type,
        ...(description ? { description } : {}),
        ...(schema && isPrimitiveDefault(schema.default) ? { default: schema.default } : {}),
        ...(secret ? { secret: true } : {}),
    };
}

const isPrimitiveDefault = (value: unknown) => ["string", "number", "boolean"].includes(typeof value);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function packageSchema(sources: SchemaSources): Json {
    const namer = new TypeNamer(new Set(sources.types));
    const resources: Json = {};
    for (const type of sources.types) {
        const spec = sources.specFor(type);
        const declared = sources.declarations[type] ?? { description: "", inputs: {}, outputs: {} };
        const writeOnly = (spec.writeOnly ?? []) as string[];
        // Inputs that check sets (not in the typed args) are documented as outputs.
        const docs = { ...Object.fromEntries(Object.entries(declared.outputs).map(([name, o]) => [name, o.description])), ...declared.inputs };
        const inside = { objects: declared.objects ?? {}, nested: declared.nested ?? {} };
        const inputs = namer.objectOf(spec.inputSchema as Json, type, docs, writeOnly, spec.replaceOn as string[], "", inside);
        // Outputs: the inputs (write-only ones as their hash) and what the declarations add.
        const outputs: Json = Object.fromEntries(Object.entries<Json>(inputs.properties)
            .filter(([name]) => !writeOnly.includes(name))
            .map(([name, { replaceOnChanges: _, ...output }]) => [name, output]));
        for (const name of writeOnly) outputs[hashKey(name)] = { type: "string", description: `sha256 of \`${name}\` (the service never returns it).`, secret: true };
        // Digested collections (bridge/digests.ts): state keeps per-element digests and the content's hash, not a second copy.
        for (const key of new Digesting((spec.digests ?? {}) as Record<string, any>, (spec.packed ?? []) as string[]).outputKeys) {
            outputs[key] = { type: "string", description: key === CONTENT_HASH_KEY ? "sha256 of the declared content the digests were taken from." : "Per-element digests of the collection (one line per element: key, short hash, position)." };
        }
        for (const [name, output] of Object.entries(declared.outputs)) {
            if (!(name in outputs)) outputs[name] = { ...output.type, ...(output.description ? { description: output.description } : {}) };
        }
        resources[tokenOf(type)] = {
            ...(declared.description ? { description: declared.description } : {}),
            inputProperties: inputs.properties,
            ...(inputs.required ? { requiredInputs: inputs.required } : {}),
            properties: outputs,
            ...(inputs.required ? { required: inputs.required.filter((name) => name in outputs) } : {}),
        };
    }
    const config = Object.fromEntries(Object.entries(sources.config).map(([key, c]) => [key, { type: "string", description: c.description, ...(c.secret ? { secret: true } : {}) }]));
    return {
        name: PACKAGE_NAME,
        displayName: "IBM watsonx Assistant",
        version: sources.version,
        description: "IBM watsonx Assistant (Watson Assistant) as code: workspaces, intents, entities, dialog nodes, assistants, skills, releases and environments.",
        license: "Apache-2.0",
        config: { variables: config },
        provider: { description: "The watsonx Assistant service a stack deploys to.", inputProperties: config },
        types: namer.types,
        resources,
        language: { nodejs: { respectSchemaVersion: true } },
    };
}
