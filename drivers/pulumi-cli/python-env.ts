/**
 * A Python environment for `runtime: python` projects that use the native plugin: a virtualenv
 * with the `pulumi` package from PyPI at the CLI's own version and the Python SDK generated from
 * the plugin's schema (`pulumi package gen-sdk --language python`), installed from this
 * repository's checkout. The virtualenv is kept under .tmp/ and reused; the SDK is generated and
 * reinstalled on every call, so it always matches the plugin as built.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { generateSdk } from "./gen-sdk";
import type { PulumiCli } from "./locate";

export interface PythonEnvironment {
    /** The virtualenv's folder, for `runtime.options.virtualenv` in Pulumi.yaml. */
    virtualenv: string;
}

/** Why a Python environment cannot be had on this machine, or undefined when it can. */
export function pythonMissing(cli: PulumiCli): string | undefined {
    if (!fs.existsSync(path.join(cli.binDir, "pulumi-language-python"))) return "no Python language host beside the Pulumi CLI";
    try {
        execFileSync("python3", ["-c", "import venv, ensurepip"], { stdio: "ignore" });
        return undefined;
    } catch {
        return "python3 with the venv module is not installed";
    }
}

/**
 * Creates (or reuses) the virtualenv under `<repoRoot>/.tmp/python/venv-<version>` and installs the
 * SDK generated from `pluginPath` into it. `env` adds to this process's environment for the CLI (PULUMI_HOME...).
 */
export function pythonEnvironment(cli: PulumiCli, repoRoot: string, pluginPath: string, env: NodeJS.ProcessEnv): PythonEnvironment {
    const pulumiVersion = cli.version.replace(/^v/, "");
    const root = path.join(repoRoot, ".tmp", "python");
    const virtualenv = path.join(root, `venv-${pulumiVersion}`);
    const pip = (args: string[]) => execFileSync(path.join(virtualenv, "bin", "pip"), ["--disable-pip-version-check", "-q", ...args], { stdio: "pipe" });
    if (!fs.existsSync(path.join(virtualenv, ".pulumi-installed"))) {
        fs.rmSync(virtualenv, { recursive: true, force: true });
        execFileSync("python3", ["-m", "venv", virtualenv], { stdio: "pipe" });
        pip(["install", `pulumi==${pulumiVersion}`]);
        fs.writeFileSync(path.join(virtualenv, ".pulumi-installed"), `${pulumiVersion}\n`);
    }
    const sdk = generateSdk(cli, pluginPath, "python", path.join(root, "sdk"), env);
    // The SDK asks the engine for the plugin of its own version, which the generator leaves at 0.0.0
    // for the release build to set (as Pulumi's providers do): the package's, which the plugin reports.
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    const setup = path.join(sdk, "setup.py");
    fs.writeFileSync(setup, fs.readFileSync(setup, "utf8").replace(/^VERSION = .*$/m, `VERSION = "${version}"`));
    // Reinstalled from the fresh source; its other requirements (parver, semver) once, pulumi stays as pinned.
    pip(["uninstall", "-y", "pulumi_watson_assistant"]);
    pip(["install", sdk]);
    return { virtualenv };
}
