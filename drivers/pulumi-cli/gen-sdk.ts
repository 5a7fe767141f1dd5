/** `pulumi package gen-sdk` of the native plugin's schema, into a fresh folder. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { PulumiCli } from "./locate";

/** Writes the SDK of `language` to `<out>/<language>`; `env` adds to this process's environment (PULUMI_HOME...). */
export function generateSdk(cli: PulumiCli, pluginPath: string, language: "nodejs" | "python", out: string, env: NodeJS.ProcessEnv): string {
    fs.rmSync(out, { recursive: true, force: true });
    execFileSync(path.join(cli.binDir, "pulumi"), ["package", "gen-sdk", pluginPath, "--language", language, "--out", out], {
        stdio: "pipe",
        env: { ...process.env, ...env, PATH: [cli.binDir, process.env.PATH ?? ""].join(path.delimiter) },
    });
    return path.join(out, language);
}
