/**
 * A build of this package at an earlier commit, for upgrade tests: the commit's files (git archive)
 * compiled into `.tmp/previous-<commit>/`, with a node_modules of its own that links every
 * dependency of this checkout but resolves `pulumi-watson-assistant` to the old build. Cached
 * per commit. Undefined when this is not a git checkout holding that commit.
 */
import { execFileSync, execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repositoryRoot } from "../../../drivers/pulumi-cli";

export function previousBuild(commit: string): string | undefined {
    const root = repositoryRoot();
    try {
        execFileSync("git", ["cat-file", "-e", `${commit}^{commit}`], { cwd: root, stdio: "ignore" });
    } catch {
        return undefined;
    }
    const dir = path.join(root, ".tmp", `previous-${commit.slice(0, 12)}`);
    if (fs.existsSync(path.join(dir, "dist", "index.js"))) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
    execSync(`git archive ${commit} | tar -x -C "${dir}"`, { cwd: root, stdio: "ignore" });
    for (const entry of fs.readdirSync(path.join(root, "node_modules"))) {
        if (entry === "pulumi-watson-assistant") continue;
        fs.symlinkSync(path.join(root, "node_modules", entry), path.join(dir, "node_modules", entry));
    }
    fs.symlinkSync("..", path.join(dir, "node_modules", "pulumi-watson-assistant"));
    execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: dir, stdio: "ignore" });
    return dir;
}

/** Points `<projectDir>/node_modules/pulumi-watson-assistant` at `packageDir` (the program and the plugin resolve it there). */
export function installPackage(projectDir: string, packageDir: string): void {
    const modules = path.join(projectDir, "node_modules");
    fs.mkdirSync(modules, { recursive: true });
    const link = path.join(modules, "pulumi-watson-assistant");
    fs.rmSync(link, { force: true });
    fs.symlinkSync(packageDir, link);
    const sdk = path.join(modules, "@pulumi");
    if (!fs.existsSync(sdk)) fs.symlinkSync(path.join(repositoryRoot(), "node_modules", "@pulumi"), sdk);
}
