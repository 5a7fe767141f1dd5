/**
 * The bench under the service's limits (`--service-limits-only`): the emulator as it starts by
 * default (the 1.5 MB cap on synchronous workspace writes, every documented rate limit) with a
 * clock scale, our Workspace resource beside the whole-workspace overwrite, scenario by scenario.
 * Each side runs against its own emulator with the same setup, so neither spends the other's
 * windows. Service time: the step's first call to its last answer, scaled (BENCHMARKS.md defines it).
 */
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { resolveSettings } from "../../provider/config";
import { ApiClient } from "../../provider/http/client";
import type { DialogNodeElement } from "../../resources/v1-elements/types";
import type { WorkspaceInputs } from "../../resources/workspace/types";
import { editOneExample } from "../edits";
import { wireCostSince, type WireCost } from "../measure";
import { entityName, LARGE, workspaceContent, type WorkspaceSize } from "../workload";
import { emulatorConfig, WholeWorkspaceBaseline, WorkspaceDriver } from "../workspace-driver";
import { CallClock } from "./call-clock";

/** Service seconds per wall second: a 30-minute window lasts 3 s. */
export const CLOCK_SCALE = 600;
/** How long the emulator keeps async writes, exports and training in progress (wall ms). */
export const ASYNC_DELAY_MS = 100;

export interface SideResult extends WireCost {
    /** Scaled wall time of the step, waits included, in service seconds. */
    serviceS: number;
}

export interface ServiceLimitsScenario {
    key: string;
    title: string;
    ours: SideResult;
    baseline: SideResult;
}

export interface ServiceLimitsResults {
    clockScale: number;
    asyncDelayMs: number;
    scenarios: ServiceLimitsScenario[];
}

interface Scenario {
    key: string;
    title: string;
    /** What both sides deploy first (not measured); absent: the step is the create. */
    initial?: WorkspaceInputs[];
    /** The declared workspaces after the change (the step): one per initial workspace. */
    next(initial: WorkspaceInputs[]): WorkspaceInputs[];
    /** Someone else's change between setup and step (the refresh scenario). */
    outOfBand?(emu: RunningEmulator, ids: string[]): Promise<void>;
    /** The step is a refresh (preview + refresh), not an `up`. */
    refresh?: boolean;
    /**
     * Runs per side, alternating, the median service time reported: a create is the same body and
     * the same waits on both sides, so only repetition tells a difference from machine noise.
     */
    repeats?: number;
}

const scaled = (size: WorkspaceSize, factor: number): WorkspaceSize => ({
    ...size, intents: Math.round(size.intents * factor), entities: Math.round(size.entities * factor),
    dialogNodes: Math.round(size.dialogNodes * factor), counterexamples: Math.round(size.counterexamples * factor),
});

/** `count` dialog nodes of about 2.95 KB each in a new folder after the last root node (1.77 MB for 600). */
function addDialogNodes(count: number): (w: WorkspaceInputs) => WorkspaceInputs {
    return (w) => {
        const nodes = w.dialogNodes ?? [];
        const roots = nodes.filter((n) => n.parent === undefined);
        const followed = new Set(roots.map((n) => n.previousSibling));
        const last = roots.find((n) => !followed.has(n.dialogNode))!;
        const added: DialogNodeElement[] = [{ dialogNode: "added_folder", type: "folder", title: "Added topics", previousSibling: last.dialogNode }];
        for (let i = 1; i < count; i++) {
            added.push({
                dialogNode: `added_${i}`, parent: "added_folder", title: `Added ${i}`, conditions: `#intent_${String(i % 100).padStart(4, "0")}`,
                ...(i > 1 ? { previousSibling: `added_${i - 1}` } : {}),
                output: { generic: [{ response_type: "text", selection_policy: "sequential", values: [{ text: `Added answer ${i}: ${"details ".repeat(355)}` }] }] },
            });
        }
        return { ...w, dialogNodes: [...nodes, ...added] };
    };
}

function changeIntents(count: number): (w: WorkspaceInputs) => WorkspaceInputs {
    return (w) => ({ ...w, intents: (w.intents ?? []).map((i, n) => (n < count ? { ...i, examples: [...(i.examples ?? []), { text: `also asked as variant ${n}` }] } : i)) });
}

/** The first value of `count` entities gets a new name. */
function renameValues(count: number): (w: WorkspaceInputs) => WorkspaceInputs {
    return (w) => ({ ...w, entities: (w.entities ?? []).map((e, n) => (n < count ? { ...e, values: (e.values ?? []).map((v, j) => (j === 0 ? { ...v, value: `${v.value} renamed` } : v)) } : e)) });
}

const one = (edit: (w: WorkspaceInputs) => WorkspaceInputs) => (initial: WorkspaceInputs[]) => initial.map(edit);
const SMALL: WorkspaceSize = { intents: 40, examplesPerIntent: 10, entities: 5, valuesPerEntity: 5, synonymsPerValue: 2, dialogNodes: 40, counterexamples: 10 };

export function scenarios(quick: boolean): Scenario[] {
    const base = quick ? scaled(LARGE, 0.05) : LARGE;
    const large = () => [workspaceContent(base)];
    return [
        { key: "oneExampleEdit", title: "Edit one example", initial: large(), next: one(editOneExample) },
        { key: "add600DialogNodes", title: "Add 600 dialog nodes (1.77 MB)", initial: large(), next: one(addDialogNodes(600)) },
        { key: "change300Intents", title: "Change 300 intents", initial: large(), next: one(changeIntents(300)) },
        { key: "rename100Values", title: "Rename 100 entity values", initial: large(), next: one(renameValues(100)) },
        { key: "create5mb", title: "Create from a 5 MB export", next: () => [workspaceContent(quick ? scaled(LARGE, 0.1) : scaled(LARGE, 2.4))], repeats: 3 },
        { key: "create20mb", title: "Create from a 20 MB export", next: () => [workspaceContent(quick ? scaled(LARGE, 0.2) : scaled(LARGE, 10))], repeats: 3 },
        {
            key: "refresh25Workspaces", title: "Refresh 25 workspaces (preview + refresh), 5 edited in the tooling",
            initial: Array.from({ length: 25 }, (_, i) => workspaceContent(SMALL, `bench ${i}`)), next: (initial) => initial, refresh: true,
            outOfBand: async (emu, ids) => {
                for (const id of ids.slice(0, 5)) {
                    await fetch(`${emu.url}/v1/workspaces/${id}/entities/${entityName(0)}/values?version=2021-11-27`, {
                        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ value: "added in the tooling" }),
                    });
                }
            },
        },
    ];
}

async function withEmulator<T>(work: (emu: RunningEmulator) => Promise<T>): Promise<T> {
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: ASYNC_DELAY_MS, clockScale: CLOCK_SCALE });
    try {
        return await work(emu);
    } finally {
        await emu.stop();
    }
}

/**
 * Runs `step` and returns what it cost: calls, bytes and 429s from the emulator, service time from
 * the clients' first call to their last answer (call-clock.ts), scaled.
 */
async function measuredStep(emu: RunningEmulator, clock: CallClock, step: () => Promise<void>): Promise<SideResult> {
    const before = emu.stats();
    clock.reset();
    await step();
    return { ...wireCostSince(emu, before), serviceS: (clock.elapsedMs / 1000) * CLOCK_SCALE };
}

async function runOurs(scenario: Scenario): Promise<SideResult> {
    return withEmulator(async (emu) => {
        const config = emulatorConfig(emu.url);
        const clock = new CallClock();
        // One client for all the stack's resources, as in the plugin process.
        const client = new ApiClient(resolveSettings((key) => config[key], {}), { fetch: clock.fetch });
        const drivers = (scenario.initial ?? scenario.next([])).map(() => new WorkspaceDriver(config, client));
        for (const [i, initial] of (scenario.initial ?? []).entries()) await drivers[i].up(initial);
        await scenario.outOfBand?.(emu, drivers.map((d) => d.id));
        const next = scenario.next(scenario.initial ?? []);
        return measuredStep(emu, clock, async () => {
            if (scenario.refresh) {
                for (const d of drivers) await d.read(false);
                for (const d of drivers) await d.read(true);
                return;
            }
            for (const [i, d] of drivers.entries()) await d.up(next[i]);
        });
    });
}

async function runBaseline(scenario: Scenario): Promise<SideResult> {
    return withEmulator(async (emu) => {
        const config = emulatorConfig(emu.url);
        const clock = new CallClock();
        const pushers = (scenario.initial ?? scenario.next([])).map(() => new WholeWorkspaceBaseline(config, { waitUntilAvailable: true, fetch: clock.fetch }));
        for (const [i, initial] of (scenario.initial ?? []).entries()) await pushers[i].push(initial);
        await scenario.outOfBand?.(emu, pushers.map((p) => p.id));
        const next = scenario.next(scenario.initial ?? []);
        return measuredStep(emu, clock, async () => {
            if (scenario.refresh) {
                for (let pass = 0; pass < 2; pass++) for (const p of pushers) await p.exportRead();
                return;
            }
            for (const [i, p] of pushers.entries()) await p.push(next[i]);
        });
    });
}

export async function runServiceLimits(quick: boolean, log: (message: string) => void): Promise<ServiceLimitsResults> {
    const results: ServiceLimitsScenario[] = [];
    for (const scenario of scenarios(quick)) {
        log(`service limits: ${scenario.title}`);
        const ours: SideResult[] = [];
        const baseline: SideResult[] = [];
        for (let run = 0; run < (scenario.repeats ?? 1); run++) {
            ours.push(await runOurs(scenario));
            baseline.push(await runBaseline(scenario));
        }
        results.push({ key: scenario.key, title: scenario.title, ours: medianRun(ours), baseline: medianRun(baseline) });
    }
    return { clockScale: CLOCK_SCALE, asyncDelayMs: ASYNC_DELAY_MS, scenarios: results };
}

/** The run with the median service time. */
function medianRun(runs: SideResult[]): SideResult {
    return [...runs].sort((a, b) => a.serviceS - b.serviceS)[Math.floor(runs.length / 2)];
}
