// Project and per-stack configuration: Pulumi.yaml (project name) and Pulumi.<stack>.yaml (config),
// overlaid with the values the caller passes to the harness.
import * as fs from "fs";
import * as path from "path";
import { decryptPulumiConfigValue } from "./secrets";

// js-yaml ships with @pulumi/pulumi; load it from there instead of adding a dependency.
const yaml: { load(text: string): unknown } = require(
    require.resolve("js-yaml", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }),
);

export interface StackConfig {
    /** Full keys ("project:key", "watson-assistant:url") to string values. */
    values: Record<string, string>;
    secretKeys: Set<string>;
}

export function readProjectName(projectDir: string): string {
    const file = path.join(projectDir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new Error(`harness: no Pulumi.yaml in ${projectDir}`);
    const doc = yaml.load(fs.readFileSync(file, "utf8")) as { name?: unknown } | undefined;
    if (typeof doc?.name !== "string" || !doc.name) throw new Error(`harness: ${file} has no project name`);
    return doc.name;
}

/** A key without a namespace belongs to the project, as in the Pulumi CLI. */
export function fullKey(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** Reads Pulumi.<stack>.yaml when present; `secure:` values need the stack's passphrase. */
export function readStackConfigFile(projectDir: string, project: string, stack: string, passphrase: string): StackConfig {
    const result: StackConfig = { values: {}, secretKeys: new Set() };
    const file = path.join(projectDir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) return result;
    const doc = (yaml.load(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown>; encryptionsalt?: string };
    for (const [rawKey, rawValue] of Object.entries(doc.config ?? {})) {
        const key = fullKey(project, rawKey);
        if (isSecure(rawValue)) {
            if (!doc.encryptionsalt) throw new Error(`harness: ${file} has secure values but no encryptionsalt`);
            result.values[key] = decryptPulumiConfigValue(passphrase, doc.encryptionsalt, rawValue.secure);
            result.secretKeys.add(key);
        } else {
            result.values[key] = typeof rawValue === "string" ? rawValue : JSON.stringify(rawValue);
        }
    }
    return result;
}

function isSecure(value: unknown): value is { secure: string } {
    return typeof value === "object" && value !== null && typeof (value as { secure?: unknown }).secure === "string";
}
