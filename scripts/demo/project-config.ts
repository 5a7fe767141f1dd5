/**
 * Project-level config defaults from a Pulumi.yaml `config:` block, as the Pulumi CLI applies them
 * to every stack: the harness only reads Pulumi.<stack>.yaml, so the demo and the tests pass these.
 */
import * as fs from "fs";
import * as path from "path";

// js-yaml ships with @pulumi/pulumi; loaded from there instead of adding a dependency.
const yaml: { load(text: string): unknown } = require(
    require.resolve("js-yaml", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }),
);

/** Scalar defaults (short form or `{ default }` / `{ value }`), keys as written ("greeting", "watson-assistant:url"). */
export function projectConfigDefaults(projectDir: string): Record<string, string> {
    const doc = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as { config?: Record<string, unknown> } | undefined;
    const defaults: Record<string, string> = {};
    for (const [key, declared] of Object.entries(doc?.config ?? {})) {
        const value = declared !== null && typeof declared === "object"
            ? (declared as { value?: unknown; default?: unknown }).value ?? (declared as { default?: unknown }).default
            : declared;
        if (value !== undefined && value !== null) defaults[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return defaults;
}
