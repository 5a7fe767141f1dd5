/**
 * Environment for a harness run that taps the plugin process: its pid and a copy of its stderr
 * land in a temp folder (see fixtures/plugin-tap.js).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface PluginTap {
    env: Record<string, string>;
    dir: string;
    /** Pids of the plugin processes started so far (one per run). */
    pids(): number[];
    /** Everything the plugins wrote to stderr. */
    stderr(): string;
    remove(): void;
}

export function pluginTap(extraEnv: Record<string, string> = {}): PluginTap {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-tap-"));
    const preload = path.resolve(__dirname, "../fixtures/plugin-tap.js");
    const read = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), "utf8") : "");
    return {
        dir,
        env: { ...extraEnv, RELIABILITY_TAP_DIR: dir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim() },
        pids: () => read("pids").split("\n").filter(Boolean).map(Number),
        stderr: () => read("stderr.log"),
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}
