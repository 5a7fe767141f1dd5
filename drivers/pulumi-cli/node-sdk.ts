/**
 * The Node.js SDK of the native plugin for `runtime: nodejs` projects (what the TypeScript program
 * `pulumi import` generates imports as `@pulumi/watson-assistant`): generated from the plugin's
 * schema (`pulumi package gen-sdk --language nodejs`), compiled with this repository's TypeScript
 * and linked into the project's node_modules. Generated and compiled on every call, so it always
 * matches the plugin as built.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { generateSdk } from "./gen-sdk";
import type { PulumiCli } from "./locate";

/** Generates and compiles the SDK under `<repoRoot>/.tmp/nodejs-sdk` and links it into `<projectDir>/node_modules`. */
export function linkNodeSdk(cli: PulumiCli, repoRoot: string, pluginPath: string, projectDir: string, env: NodeJS.ProcessEnv): void {
    const sdk = generateSdk(cli, pluginPath, "nodejs", path.join(repoRoot, ".tmp", "nodejs-sdk"), env);
    rootRelativeImports(sdk);
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", sdk], { stdio: "pipe" });
    fs.copyFileSync(path.join(sdk, "package.json"), path.join(sdk, "bin", "package.json"));
    const link = path.join(projectDir, "node_modules", "@pulumi", "watson-assistant");
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(path.join(sdk, "bin"), link, "dir");
}

/**
 * The language host's code generator (pulumi pkg v3.188, the host's own release) takes the package
 * root of a folder's files as `path.Dir(filepath.Rel(folder, ""))`, which was `..` while Go's
 * filepath.Rel returned an uncleaned path; Go 1.26 returns `..` cleaned, whose Dir is `.`, so
 * `config/` and `types/` import `./utilities` and `./types/input` (pulumi pkg v3.248 no longer takes
 * the Dir). A relative import that names no file beside the importing one but one at the package
 * root is pointed there; with a fixed generator nothing matches.
 */
function rootRelativeImports(root: string): void {
    const exists = (target: string) => [".ts", "/index.ts"].some((ext) => fs.existsSync(target + ext));
    for (const folder of fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "node_modules")) {
        const dir = path.join(root, folder.name);
        for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
            const full = path.join(dir, file);
            const text = fs.readFileSync(full, "utf8");
            const fixed = text.replace(/from "(\.\/[^"]+)"/g, (whole, spec: string) =>
                !exists(path.join(dir, spec)) && exists(path.join(root, spec)) ? `from "../${spec.slice(2)}"` : whole);
            if (fixed !== text) fs.writeFileSync(full, fixed);
        }
    }
}
