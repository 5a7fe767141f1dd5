/**
 * Drives the Workspace type in-process the way the plugin does for one `pulumi up` (check with the
 * old inputs, diff against the stored outputs, then create or update), with the CPU time of check
 * and diff measured on their own. Also the baseline: what existing tools do, one whole-workspace
 * write carrying every collection, on every change.
 */
import { operationContext, operationsFor } from "../plugin/runtime";
import { PROVIDER_KEY } from "../provider/values";
import { ApiClient } from "../provider/http/client";
import type { FetchLike } from "../provider/http/transport";
import { apiPath } from "../provider/http/path";
import { toApi } from "../provider/casing";
import { resolveSettings } from "../provider/config";
import type { OperationContext } from "../provider/bridge/spec";
import { writeWorkspace } from "../resources/workspace/endpoints";
import { waitForTraining } from "../resources/workspace/training";
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

    /** `client`: the one to use instead of the plugin's (e.g. with a timed fetch). */
    constructor(private readonly config: Record<string, string>, private readonly client?: ApiClient) {}

    private context() {
        // The resource's own progress lines (plans, training) stay out of the bench's output.
        const context = { ...operationContext((key) => this.config[key], {}), log: () => undefined };
        return this.client ? { ...context, client: this.client } : context;
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

    /** A refresh's read (preview reads and forgets; `keep` stores what it read, as the refresh does). */
    async read(keep: boolean): Promise<void> {
        const read = await this.ops.read(this.context(), this.id, this.outputs);
        if (keep && read.props) this.outputs = read.props as Bag;
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
 * create, then one update carrying every collection per change), through the asynchronous route
 * above the synchronous size limit as the service requires (waited for until the content is in);
 * `waitUntilAvailable` also waits for training, as our resource does by default.
 */
export class WholeWorkspaceBaseline {
    private readonly context: OperationContext;
    id = "";

    constructor(config: Record<string, string>, private readonly options: { waitUntilAvailable?: boolean; fetch?: FetchLike } = {}) {
        const settings = resolveSettings((key) => config[key], {});
        this.context = { client: new ApiClient(settings, { fetch: options.fetch }), settings, log: () => undefined };
    }

    async push(declared: WorkspaceInputs): Promise<void> {
        const { waitForTraining: _w, adoptWorkspaceId: _a, ...content } = declared;
        const body = toApi<Record<string, unknown>>(content);
        const written = await writeWorkspace(this.context, { workspaceId: this.id || undefined, body });
        this.id ||= written.workspace_id;
        if (this.options.waitUntilAvailable) await waitForTraining(this.context, this.id);
    }

    /** What existing tools read to compare: the whole export. */
    async exportRead(): Promise<void> {
        await this.context.client.request({ method: "GET", api: "v1", path: apiPath`/v1/workspaces/${this.id}`, query: { export: true } });
    }

    async destroy(): Promise<void> {
        if (this.id) await this.context.client.request({ method: "DELETE", api: "v1", path: apiPath`/v1/workspaces/${this.id}` });
        this.id = "";
    }
}
