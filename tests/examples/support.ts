/**
 * Runs an example program (examples/<name>) through the engine-path harness against a fresh
 * emulator, with the example's Pulumi.yaml project defaults and the emulator's URL. Needs
 * `npm run build` (the plugin requires the compiled package by name).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { projectConfigDefaults } from "../../scripts/demo/project-config";
import { Harness, type RunResult } from "../../drivers/harness";

export const EXAMPLES_DIR = path.resolve(__dirname, "../../examples");

export interface ExampleRun {
    emu: RunningEmulator;
    harness: Harness;
    /** GET on the v1 API (counted in the emulator's stats). */
    v1(pathAndQuery: string): Promise<any>;
    /** Non-GET calls by route since the last resetStats. */
    writes(): Record<string, number>;
    stop(): Promise<void>;
}

export async function startExample(name: string, config: Record<string, string> = {}): Promise<ExampleRun> {
    const projectDir = path.join(EXAMPLES_DIR, name);
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
    const harness = new Harness({
        projectDir,
        stack: "test",
        stateDir,
        config: { ...projectConfigDefaults(projectDir), "watson-assistant:url": emu.url, ...config },
    });
    const client = new EmulatorClient(emu.url);
    const v1 = (pathAndQuery: string) => client.get(pathAndQuery);
    const writes = () => Object.fromEntries(Object.entries(emu.stats().byRoute).filter(([route]) => !route.startsWith("GET ")));
    const stop = async () => {
        await harness.close();
        await emu.stop();
        fs.rmSync(stateDir, { recursive: true, force: true });
    };
    return { emu, harness, v1, writes, stop };
}

/** `{ name: op }` of the steps that did something. */
export function changes(result: RunResult): Record<string, string> {
    return Object.fromEntries(result.steps.filter((s) => s.op !== "same").map((s) => [s.name, s.op]));
}
