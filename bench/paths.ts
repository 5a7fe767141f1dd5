import * as path from "path";

/** The repository root, from both bench/ (ts-node) and dist/bench/ (compiled). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

/** The folder with the bench's Pulumi.yaml (inside the repo, so the plugin finds the package). */
export const PROJECT_DIR = path.join(REPO_ROOT, "bench", "project");
