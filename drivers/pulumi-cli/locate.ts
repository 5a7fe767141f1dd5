/**
 * Finds a real Pulumi CLI: $PULUMI_CLI_DIR, else the one `npm run pulumi-cli` built into its cache,
 * else `pulumi` on PATH. The folder found also holds (or is expected to hold) the Node.js language
 * host and the dynamic-provider plugin launcher.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface PulumiCli {
    /** Folder of the `pulumi` binary; put first on PATH so the engine finds its plugins there. */
    binDir: string;
    /** What `pulumi version` prints, e.g. `v3.248.0`. */
    version: string;
    /** Whether a Node.js language host sits next to it (else only inline programs can run). */
    hasNodeLanguageHost: boolean;
}

const BUILD_SCRIPT = ["scripts", "pulumi-cli", "build.sh"];

function repoRoot(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, ...BUILD_SCRIPT))) return dir;
    }
    throw new Error("cannot find the repository root (scripts/pulumi-cli/build.sh)");
}

function describe(binDir: string): PulumiCli | undefined {
    const binary = path.join(binDir, "pulumi");
    if (!fs.existsSync(binary)) return undefined;
    try {
        const version = execFileSync(binary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim();
        if (version === "") return undefined;
        return { binDir, version, hasNodeLanguageHost: onPathOrBeside(binDir, "pulumi-language-nodejs") };
    } catch {
        return undefined;
    }
}

function onPathOrBeside(binDir: string, name: string): boolean {
    const dirs = [binDir, ...(process.env.PATH ?? "").split(path.delimiter)];
    return dirs.some((dir) => dir !== "" && fs.existsSync(path.join(dir, name)));
}

function cachedBuildDir(): string | undefined {
    try {
        return execFileSync("bash", [path.join(repoRoot(), ...BUILD_SCRIPT), "--print-dir"], { encoding: "utf8" }).trim() || undefined;
    } catch {
        return undefined;
    }
}

function onPath(): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        if (dir !== "" && fs.existsSync(path.join(dir, "pulumi"))) return dir;
    }
    return undefined;
}

let found: PulumiCli | undefined | null = null;

/** The CLI to use, or undefined when there is none on this machine (cached per process). */
export function locatePulumiCli(): PulumiCli | undefined {
    if (found !== null) return found;
    const candidates = [process.env.PULUMI_CLI_DIR, cachedBuildDir(), onPath()];
    found = undefined;
    for (const dir of candidates) {
        if (dir === undefined) continue;
        found = describe(dir);
        if (found !== undefined) break;
    }
    return found;
}
