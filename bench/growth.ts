/**
 * The growth curve: create and one-example edit of an intents-only workspace at several sizes,
 * ours and the baseline, so that it shows which costs grow with the workspace.
 */
import type { RunningEmulator } from "watson-assistant-emulator";
import { editOneExample } from "./edits";
import { runWorkspaceScenarios, type ScenarioResult } from "./workspace-scenarios";
import { intentsOnly, workspaceContent } from "./workload";

export interface GrowthPoint {
    intents: number;
    create: ScenarioResult;
    oneExampleEdit: ScenarioResult;
}

export async function growthCurve(emu: RunningEmulator, sizes: number[], log: (m: string) => void): Promise<GrowthPoint[]> {
    const points: GrowthPoint[] = [];
    for (const intents of sizes) {
        log(`growth: ${intents} intents`);
        const run = await runWorkspaceScenarios(emu, workspaceContent(intentsOnly(intents), `growth ${intents}`), [
            { key: "oneExampleEdit", title: "Edit one example", apply: editOneExample },
        ], log);
        points.push({ intents, create: run.create, oneExampleEdit: run.edits[0] });
    }
    return points;
}
