/**
 * Runs through the real plugin server (drivers/harness): the Workspace resource for create, one
 * edit and a no-op (plugin peak memory, state size), and the same intents as separate Intent
 * resources with Pulumi's default (unbounded) parallelism against rate limits.
 */
import * as fs from "fs";
import { EmulatorClient } from "../drivers/emulator-client";
import { Harness } from "../drivers/harness";
import type { RunningEmulator } from "watson-assistant-emulator";
import { ApiClient } from "../provider/http/client";
import { apiPath } from "../provider/http/path";
import { resolveSettings } from "../provider/config";
import { Intent } from "../resources/intent";
import { Workspace } from "../resources/workspace";
import type { WorkspaceInputs } from "../resources/workspace/types";
import { editOneExample } from "./edits";
import { measured, round, type StepCost } from "./measure";
import { PROJECT_DIR } from "./paths";
import { PluginMemorySampler } from "./plugin-memory";
import { emulatorConfig } from "./workspace-driver";
import { intent } from "./workload";

const harnessConfig = (url: string): Record<string, string> =>
    Object.fromEntries(Object.entries(emulatorConfig(url)).map(([k, v]) => [`watson-assistant:${k}`, v]));

export interface StateSize {
    resources: number;
    fileBytes: number;
    /** Largest resource entry (inputs + outputs) in the state file. */
    maxResourceBytes: number;
    meanResourceBytes: number;
    /** `__provider` text of one resource (it is stored in both inputs and outputs). */
    providerBytes: number;
}

function stateSize(h: Harness): StateSize {
    const resources = h.state().resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    const sizes = resources.map((r) => Buffer.byteLength(JSON.stringify(r)));
    const provider = resources[0]?.outputs.__provider;
    return {
        resources: resources.length,
        fileBytes: fs.statSync(h.statePath).size,
        maxResourceBytes: Math.max(0, ...sizes),
        meanResourceBytes: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0,
        providerBytes: typeof provider === "string" ? Buffer.byteLength(provider) : 0,
    };
}

export interface WorkspacePluginRun {
    create: StepCost;
    oneExampleEdit: StepCost;
    noopUp: StepCost;
    pluginPeakRssMb: number | undefined;
    state: StateSize;
}

/** Create, edit one example, no-op: three `up`s of one Workspace resource through the plugin. */
export async function workspaceThroughPlugin(emu: RunningEmulator, initial: WorkspaceInputs, log: (m: string) => void): Promise<WorkspacePluginRun> {
    let declared = initial;
    const h = new Harness({
        projectDir: PROJECT_DIR, stack: "workspace", config: harnessConfig(emu.url),
        program: () => { new Workspace("large", declared); },
    });
    const sampler = new PluginMemorySampler().start();
    let workspaceId: string | undefined;
    try {
        const create = await measured(emu, () => h.up());
        workspaceId = h.state().resources.find((r) => r.name === "large")?.outputs.workspaceId as string | undefined;
        log(`  create through the plugin: ${create.cost.calls} call(s), ${create.cost.wallMs.toFixed(0)} ms`);
        declared = editOneExample(declared);
        const edit = await measured(emu, () => h.up());
        log(`  one example edit through the plugin: ${edit.cost.calls} call(s), ${edit.cost.wallMs.toFixed(0)} ms`);
        const noop = await measured(emu, () => h.up());
        log(`  no-op up through the plugin: ${noop.cost.calls} call(s), ${noop.cost.wallMs.toFixed(0)} ms`);
        sampler.sample();
        return { create: create.cost, oneExampleEdit: edit.cost, noopUp: noop.cost, pluginPeakRssMb: sampler.stop(), state: stateSize(h) };
    } finally {
        sampler.stop();
        await h.close();
        if (workspaceId) await deleteWorkspace(emu, workspaceId);
    }
}

export interface IntentResourcesRun {
    label: string;
    resources: number;
    create: StepCost & { retries: number };
    /** Intent-create budget left in the window when the run started (pre-spent runs only). */
    budgetLeft?: number;
    oneIntentEdit?: StepCost;
    state: StateSize;
}

export interface IntentResourcesOptions {
    label: string;
    count: number;
    examplesPerIntent: number;
    /** Requests to spend on the intent-create route's budget before the run (a window already partly used). */
    preSpend?: number;
    /** Also measure an `up` that edits one example of one intent. */
    editOne?: boolean;
    parallel?: number;
}

/** `count` Intent resources in one stack, against a workspace made beforehand through the API. */
export async function intentResources(emu: RunningEmulator, options: IntentResourcesOptions, log: (m: string) => void): Promise<IntentResourcesRun> {
    const workspaceId = await createEmptyWorkspace(emu, `intents ${options.label}`);
    let edited = false;
    const h = new Harness({
        projectDir: PROJECT_DIR, stack: "intents", config: harnessConfig(emu.url), parallel: options.parallel,
        program: () => {
            for (let i = 0; i < options.count; i++) {
                const element = edited && i === 0 ? editedIntent(i, options.examplesPerIntent) : intent(i, options.examplesPerIntent);
                new Intent(`intent-${i}`, { workspaceId, ...element });
            }
        },
    });
    try {
        const budgetLeft = options.preSpend ? await preSpend(emu, workspaceId, options.preSpend) : undefined;
        if (budgetLeft !== undefined) log(`  intent-create budget left after pre-spending: ${budgetLeft}`);
        const create = await measured(emu, () => h.up());
        const attempts = create.cost.byRoute["POST /v1/workspaces/{workspace_id}/intents"] ?? 0;
        const retries = Math.max(0, attempts - options.count);
        log(`  ${options.count} Intent resources (${options.label}): ${create.cost.calls} call(s), ${create.cost.throttled} x 429, ${create.cost.wallMs.toFixed(0)} ms`);
        let oneIntentEdit: StepCost | undefined;
        if (options.editOne) {
            edited = true;
            oneIntentEdit = (await measured(emu, () => h.up())).cost;
            log(`  one example edit among ${options.count} Intent resources: ${oneIntentEdit.calls} call(s), ${oneIntentEdit.wallMs.toFixed(0)} ms`);
        }
        return { label: options.label, resources: options.count, create: { ...create.cost, retries }, budgetLeft, oneIntentEdit, state: stateSize(h) };
    } finally {
        await h.close();
        await deleteWorkspace(emu, workspaceId);
    }
}

function editedIntent(i: number, examples: number) {
    const element = intent(i, examples);
    const [first, ...rest] = element.examples ?? [];
    return { ...element, examples: [{ text: `${first.text} (reworded)` }, ...rest] };
}

/** A workspace made through the API, for element resources to fill. */
export async function createEmptyWorkspace(emu: RunningEmulator, name: string): Promise<string> {
    const { workspace_id: workspaceId } = await apiClient(emu).request<{ workspace_id: string }>({
        method: "POST", api: "v1", path: "/v1/workspaces", body: { name, language: "en" }, idempotent: false,
    });
    return workspaceId;
}

function apiClient(emu: RunningEmulator): ApiClient {
    const config = emulatorConfig(emu.url);
    return new ApiClient(resolveSettings((key) => config[key], {}));
}

/**
 * Uses up part of the intent-create budget with requests the service refuses (an empty body
 * fails validation but still counts against the route's window), so that the run that follows
 * meets the limit the way a deployment does when other work already spent the window.
 */
async function preSpend(emu: RunningEmulator, workspaceId: string, requests: number): Promise<number | undefined> {
    const client = new EmulatorClient(emu.url);
    const send = async () => (await client.call("POST", apiPath`/v1/workspaces/${workspaceId}/intents`, { body: {} })).headers.get("x-ratelimit-remaining");
    // In parallel batches: sequentially, added latency would let the window run out meanwhile.
    let remaining: string | null = null;
    for (let sent = 0; sent < requests; sent += PRE_SPEND_BATCH) {
        const batch = await Promise.all(Array.from({ length: Math.min(PRE_SPEND_BATCH, requests - sent) }, send));
        remaining = batch[batch.length - 1];
    }
    return remaining === null ? undefined : Number(remaining);
}

const PRE_SPEND_BATCH = 100;

export async function deleteWorkspace(emu: RunningEmulator, workspaceId: string): Promise<void> {
    await apiClient(emu).request({ method: "DELETE", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}` }).catch(() => undefined);
}

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 2);
