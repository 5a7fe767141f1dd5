/**
 * Drives the Workspace type in-process the way the plugin does for one `pulumi up` (check with the
 * old inputs, diff against the stored outputs, then create or update), with the CPU time of check
 * and diff measured on their own. Also the baseline: what existing tools do, one whole-workspace
 * write carrying every collection, on every change.
 */
import { operationContext, operationsFor } from "../plugin/runtime";
import { PROVIDER_KEY } from "../provider/values";
import { ApiClient } from "../provider/http/client";
import { apiPath } from "../provider/http/path";
import { toApi } from "../provider/casing";
import { resolveSettings } from "../provider/config";
import type { WorkspaceInputs } from "../resources/workspace/types";
import { cpuMs } from "./measure";

type Bag = Record<string, any>;

export interface UpOutcome {
    checkCpuMs: number;
    diffCpuMs: number;
    /** Whether diff found a change (and so create/update ran). */
    changed: boolean;
}

/** Connection config for the emulator; retries generous enough for rate-limited runs. */
export function emulatorConfig(url: string): Record<string, string> {
    return { url, authType: "noauth", maxRetries: "8", maxRetryElapsedMs: "120000" };
}

/** One Workspace resource as the engine sees it: its stored inputs, outputs and id. */
export class WorkspaceDriver {
    private readonly ops = operationsFor("Workspace");
    private inputs: Bag = {};
    private outputs: Bag = {};
    id = "";

    constructor(private readonly config: Record<string, string>) {}

    private context() {
        // The resource's own progress lines (plans, training) stay out of the bench's output.
        return { ...operationContext((key) => this.config[key], {}), log: () => undefined };
    }

    /** One `up` with `declared` as the program's Workspace inputs. */
    async up(declared: WorkspaceInputs): Promise<UpOutcome> {
        const news = { ...declared, [PROVIDER_KEY]: "bench" };
        const checked = cpuMs(() => this.ops.check(this.inputs, news));
        if (checked.result.failures?.length) {
            throw new Error(`check failed: ${checked.result.failures.slice(0, 3).map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
        }
        const inputs = checked.result.inputs as Bag;
        if (!this.id) {
            const created = await this.ops.create(this.context(), inputs);
            this.id = created.id!;
            this.inputs = inputs;
            this.outputs = created.outs as Bag;
            return { checkCpuMs: checked.cpuMs, diffCpuMs: 0, changed: true };
        }
        const diffed = cpuMs(() => this.ops.diff(this.outputs, inputs));
        if (diffed.result.changes) {
            if (diffed.result.replaces?.length) throw new Error(`unexpected replace of ${diffed.result.replaces.join(", ")}`);
            const updated = await this.ops.update(this.context(), this.id, this.outputs, inputs);
            this.outputs = updated.outs as Bag;
        }
        this.inputs = inputs;
        return { checkCpuMs: checked.cpuMs, diffCpuMs: diffed.cpuMs, changed: diffed.result.changes === true };
    }

    async destroy(): Promise<void> {
        if (this.id) await this.ops.delete(this.context(), this.id, this.outputs);
        this.id = "";
        this.inputs = {};
        this.outputs = {};
    }
}

/**
 * The whole-workspace approach of existing tools (workspace JSON in git, pushed with one
 * create, then one update carrying every collection per change; no training wait).
 */
export class WholeWorkspaceBaseline {
    private readonly client: ApiClient;
    id = "";

    constructor(config: Record<string, string>) {
        this.client = new ApiClient(resolveSettings((key) => config[key], {}));
    }

    async push(declared: WorkspaceInputs): Promise<void> {
        const { waitForTraining: _w, adoptWorkspaceId: _a, ...content } = declared;
        const body = toApi<Record<string, unknown>>(content);
        if (!this.id) {
            const created = await this.client.request<{ workspace_id: string }>({ method: "POST", api: "v1", path: "/v1/workspaces", body, idempotent: false });
            this.id = created.workspace_id;
            return;
        }
        await this.client.request({ method: "POST", api: "v1", path: apiPath`/v1/workspaces/${this.id}`, body });
    }

    async destroy(): Promise<void> {
        if (this.id) await this.client.request({ method: "DELETE", api: "v1", path: apiPath`/v1/workspaces/${this.id}` });
        this.id = "";
    }
}
