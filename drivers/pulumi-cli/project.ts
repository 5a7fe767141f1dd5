/**
 * Copies a Pulumi project into a scratch folder inside this repository (`.tmp/`, git-ignored), so
 * that the CLI can write stack files without touching the original, while the program and the
 * plugin still resolve `pulumi-watson-assistant` and `@pulumi/pulumi` from the repository's
 * node_modules (Node looks for node_modules in the parent folders).
 */
import * as fs from "fs";
import * as path from "path";

export function repositoryRoot(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "node_modules"))) return dir;
    }
    throw new Error("cannot find the repository root (package.json next to node_modules)");
}

/** `entries` are paths relative to `sourceDir` (default: all of it but node_modules). Returns the copy's folder. */
export function stageProject(sourceDir: string, label: string, entries?: string[]): string {
    const scratch = path.join(repositoryRoot(), ".tmp", "e2e");
    fs.mkdirSync(scratch, { recursive: true });
    const target = fs.mkdtempSync(path.join(scratch, `${label}-`));
    for (const entry of entries ?? fs.readdirSync(sourceDir).filter((name) => name !== "node_modules")) {
        fs.cpSync(path.join(sourceDir, entry), path.join(target, entry), { recursive: true });
    }
    return target;
}

export function removeStagedProject(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}
