/**
 * The workspace scenarios: create a workspace, then a series of edits, each applied once by the
 * Workspace resource (in-process, as the plugin runs it) and once by the whole-workspace baseline,
 * against the same emulator, with the wire cost of each taken from the emulator's stats.
 */
import type { RunningEmulator } from "watson-assistant-emulator";
import type { WorkspaceInputs } from "../resources/workspace/types";
import type { Edit } from "./edits";
import { measured, type StepCost } from "./measure";
import { emulatorConfig, WholeWorkspaceBaseline, WorkspaceDriver } from "./workspace-driver";

export interface OursCost extends StepCost {
    checkCpuMs: number;
    diffCpuMs: number;
    changed: boolean;
}

export interface ScenarioResult {
    key: string;
    title: string;
    ours: OursCost;
    baseline: StepCost;
}

export interface WorkspaceRun {
    create: ScenarioResult;
    edits: ScenarioResult[];
}

/** Runs create and then each edit in turn (each edit starts from the previous declaration). */
export async function runWorkspaceScenarios(emu: RunningEmulator, initial: WorkspaceInputs, edits: Edit[], log: (m: string) => void): Promise<WorkspaceRun> {
    const config = emulatorConfig(emu.url);
    const ours = new WorkspaceDriver(config);
    const baseline = new WholeWorkspaceBaseline(config);
    const step = async (key: string, title: string, declared: WorkspaceInputs): Promise<ScenarioResult> => {
        const mine = await measured(emu, () => ours.up(declared));
        const theirs = await measured(emu, () => baseline.push(declared));
        log(`  ${title}: ${mine.cost.calls} call(s), ${mine.cost.bytesSent} B sent, ${mine.cost.wallMs.toFixed(0)} ms; baseline ${theirs.cost.calls} call(s), ${theirs.cost.bytesSent} B, ${theirs.cost.wallMs.toFixed(0)} ms`);
        return { key, title, ours: { ...mine.cost, ...mine.result }, baseline: theirs.cost };
    };
    try {
        const create = await step("largeCreate", "Create", initial);
        const results: ScenarioResult[] = [];
        let current = initial;
        for (const edit of edits) {
            current = edit.apply(current);
            results.push(await step(edit.key, edit.title, current));
        }
        return { create, edits: results };
    } finally {
        await ours.destroy().catch(() => undefined);
        await baseline.destroy().catch(() => undefined);
    }
}
