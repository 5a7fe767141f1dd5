// The step logic of one deployment, modelled on the Pulumi engine: each registration is checked,
// diffed against the stored state and turned into create / update / replace / same; resources the
// program no longer declares are deleted at the end in reverse dependency order.
import { isDeepStrictEqual } from "util";
import { PluginServer, PropertyMap, ProviderCallError } from "./plugin";
import { StateFile, StateResource, markSecret, secretKeys, unwrapSecrets } from "./state";
import { HarnessEvent, Step, StepOp } from "./types";

export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

export function isDynamicType(type: string): boolean {
    return type === DYNAMIC_TYPE_PREFIX || type.startsWith(`${DYNAMIC_TYPE_PREFIX}:`) || type.startsWith(`${DYNAMIC_TYPE_PREFIX}/`);
}

/** What the program asked for in one RegisterResource call, secrets still wrapped. */
export interface Registration {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    inputs: PropertyMap;
    dependencies: string[];
    additionalSecretOutputs: string[];
    deleteBeforeReplace: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    retainOnDelete: boolean;
    protect: boolean;
}

export interface RegistrationResult { id: string; outputs: PropertyMap }

export class CheckFailedError extends Error {
    constructor(readonly urn: string, readonly failures: { property: string; reason: string }[]) {
        super(`Check failed for ${urn}:\n${failures.map((f) => `  - ${f.property || "(resource)"}: ${f.reason}`).join("\n")}`);
    }
}

/** Limits how many steps touch the plugin at once (Pulumi's --parallel). */
export class Semaphore {
    private active = 0;
    private readonly waiting: (() => void)[] = [];
    constructor(private readonly limit: number) {}

    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.limit > 0 && this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        } finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}

export interface DeploymentOptions {
    plugin: PluginServer;
    /** State before the run, secrets wrapped (decrypted). */
    previous: StateFile;
    dryRun: boolean;
    parallel: number;
    persist: (state: StateFile) => void;
    onEvent?: (event: HarnessEvent) => void;
}

export class Deployment {
    readonly steps: Step[] = [];
    readonly errors: Error[] = [];
    private readonly previousByUrn = new Map<string, StateResource>();
    /** Resources registered in this run, in completion order (dependencies first). */
    private readonly current = new Map<string, StateResource>();
    private readonly seen = new Set<string>();
    private readonly replacedPendingDelete: StateResource[] = [];
    private readonly deleted = new Set<StateResource>();
    private readonly limiter: Semaphore;
    stackOutputs: PropertyMap = {};

    constructor(private readonly options: DeploymentOptions) {
        this.limiter = new Semaphore(options.parallel);
        this.stackOutputs = options.previous.outputs;
        this.replacedPendingDelete.push(...options.previous.resources.filter((r) => r.pendingDelete));
        for (const r of options.previous.resources) if (!r.pendingDelete) this.previousByUrn.set(r.urn, r);
    }

    private get plugin(): PluginServer {
        return this.options.plugin;
    }

    /** Handles one dynamic-provider registration; resolves with the outputs the program sees. */
    async register(reg: Registration): Promise<RegistrationResult> {
        if (this.seen.has(reg.urn)) throw new Error(`Duplicate resource URN '${reg.urn}'`);
        this.seen.add(reg.urn);
        return this.limiter.run(() => this.recordFailure(reg.urn, () => this.step(reg)));
    }

    private async step(reg: Registration): Promise<RegistrationResult> {
        const old = this.previousByUrn.get(reg.urn);
        const secretInputs = secretKeys(reg.inputs);
        const news = unwrapSecrets(reg.inputs);
        const oldInputs = old ? unwrapSecrets(old.inputs) : {};
        for (const key of reg.ignoreChanges) {
            if (!old) break;
            if (key in oldInputs) news[key] = oldInputs[key];
            else delete news[key];
        }
        let inputs = await this.checkedInputs(reg.urn, oldInputs, news);

        let op: StepOp = "create";
        let replaces: string[] | undefined;
        let deleteFirst = false;
        if (old) {
            const oldOutputs = unwrapSecrets(old.outputs);
            const diff = await this.plugin.diff(reg.urn, old.id, oldOutputs, inputs, oldInputs);
            const changedKeys = topLevelChanges(oldInputs, inputs);
            const changed = diff.changes === "some" || (diff.changes === "unknown" && changedKeys.length > 0);
            const forced = reg.replaceOnChanges.includes("*") ? changedKeys : changedKeys.filter((k) => reg.replaceOnChanges.includes(k));
            replaces = [...new Set([...diff.replaces, ...(changed ? forced : [])])];
            // Like the engine: a resource whose last create or update failed to initialize gets an
            // update even without changes, so the provider can finish what it started.
            const unfinished = (old.initErrors?.length ?? 0) > 0;
            op = !changed && !unfinished ? "same" : replaces.length > 0 ? "replace" : "update";
            deleteFirst = op === "replace" && (diff.deleteBeforeReplace || reg.deleteBeforeReplace);
            if (op === "replace" && old.protect) throw new Error(`resource ${reg.urn} is protected and cannot be replaced`);
            // Like the engine: a replacement is a new object, so its inputs are checked again without
            // olds (nothing may be carried over from the resource being replaced).
            if (op === "replace") inputs = await this.checkedInputs(reg.urn, {}, news);
        }
        if (op !== "replace") replaces = undefined;

        const started = Date.now();
        this.emit({ type: "step-start", urn: reg.urn, op });
        let id: string;
        let outputs: PropertyMap;
        if (op === "same") {
            id = old!.id;
            outputs = unwrapSecrets(old!.outputs);
        } else if (this.options.dryRun) {
            // Preview: nothing is changed; what the provider would compute stays unknown.
            id = op === "update" ? old!.id : "";
            outputs = inputs;
        } else if (op === "update") {
            id = old!.id;
            try {
                outputs = await this.plugin.update(reg.urn, old!.id, unwrapSecrets(old!.outputs), inputs, unwrapSecrets(old!.inputs));
            } catch (err) {
                if (err instanceof ProviderCallError && err.partial) {
                    this.save(reg, inputs, secretInputs, old!.id, err.partial.properties, [err.providerMessage]);
                }
                throw err;
            }
        } else {
            if (op === "replace" && deleteFirst) await this.deleteResource(old!, false);
            if (op === "replace" && !deleteFirst) this.replacedPendingDelete.push({ ...old!, pendingDelete: true });
            try {
                ({ id, properties: outputs } = await this.plugin.create(reg.urn, inputs));
            } catch (err) {
                if (err instanceof ProviderCallError && err.partial) {
                    this.save(reg, inputs, secretInputs, err.partial.id, err.partial.properties, [err.providerMessage]);
                }
                throw err;
            }
        }
        // Like the engine, which elides checkpoint writes for unchanged resources: a `same` step is
        // kept in memory and written with the next change or at the end of the run.
        const saved = this.save(reg, inputs, secretInputs, id, outputs, undefined, op !== "same");
        this.finishStep({ urn: reg.urn, type: reg.type, name: reg.name, op, replaces, durationMs: Date.now() - started });
        return { id, outputs: saved.outputs };
    }

    private async checkedInputs(urn: string, olds: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
        const checked = await this.plugin.check(urn, olds, news);
        if (checked.failures.length > 0) throw new CheckFailedError(urn, checked.failures);
        return checked.inputs;
    }

    private save(
        reg: Registration, inputs: PropertyMap, secretInputs: Set<string>, id: string, outputs: PropertyMap,
        initErrors?: string[], write = true,
    ): StateResource {
        // Like the engine: an output is secret when the same-named input was, when the resource lists
        // it in additionalSecretOutputs, or when it was secret before.
        const old = this.previousByUrn.get(reg.urn);
        const secretOutputs = new Set([...secretInputs, ...reg.additionalSecretOutputs, ...(old ? secretKeys(old.outputs) : [])]);
        const entry: StateResource = {
            urn: reg.urn,
            type: reg.type,
            name: reg.name,
            custom: true,
            id,
            ...(reg.parent ? { parent: reg.parent } : {}),
            dependencies: reg.dependencies,
            inputs: markSecret(inputs, secretInputs),
            outputs: markSecret(outputs, secretOutputs),
            ...(reg.additionalSecretOutputs.length ? { additionalSecretOutputs: reg.additionalSecretOutputs } : {}),
            ...(reg.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
            ...(reg.retainOnDelete ? { retainOnDelete: true } : {}),
            ...(reg.protect ? { protect: true } : {}),
            ...(initErrors ? { initErrors } : {}),
        };
        this.current.delete(reg.urn);
        this.current.set(reg.urn, entry);
        if (write) this.persist();
        return entry;
    }

    /** Records a read-only step (stack references, `get`), which leaves the state alone. */
    recordRead(urn: string, type: string, name: string): void {
        this.finishStep({ urn, type, name, op: "read", durationMs: 0 });
    }

    /** After the program: delete what it no longer declares, then the replaced originals. */
    async finish(): Promise<void> {
        const gone = this.options.previous.resources.filter((r) => !r.pendingDelete && !this.seen.has(r.urn) && r.custom);
        for (const r of deletionOrder(gone)) {
            const started = Date.now();
            this.emit({ type: "step-start", urn: r.urn, op: "delete" });
            if (!this.options.dryRun) await this.recordFailure(r.urn, () => this.deleteResource(r, true));
            this.finishStep({ urn: r.urn, type: r.type, name: r.name, op: "delete", durationMs: Date.now() - started });
        }
        if (!this.options.dryRun) {
            for (const r of deletionOrder([...this.replacedPendingDelete])) {
                await this.recordFailure(r.urn, () => this.deleteResource(r, true));
            }
        }
        this.persist();
    }

    private async deleteResource(r: StateResource, pending: boolean): Promise<void> {
        if (r.protect) throw new Error(`resource ${r.urn} is protected and cannot be deleted`);
        if (!r.retainOnDelete) {
            // Delete runs the provider code stored with the resource, not the program's current code.
            await this.plugin.delete(r.urn, r.id, unwrapSecrets(r.outputs), unwrapSecrets(r.inputs));
        }
        if (pending) {
            const index = this.replacedPendingDelete.indexOf(r);
            if (index >= 0) this.replacedPendingDelete.splice(index, 1);
        }
        this.previousByUrn.delete(r.urn);
        this.deleted.add(r);
        this.persist();
    }

    /** The state as it stands now: what this run registered, then what it has not touched yet. */
    snapshot(): StateFile {
        const untouched = this.options.previous.resources.filter(
            (r) => !r.pendingDelete && !this.current.has(r.urn) && !this.deleted.has(r),
        );
        const pending = this.replacedPendingDelete.filter((r) => !this.deleted.has(r));
        return {
            ...this.options.previous,
            outputs: this.stackOutputs,
            resources: [...this.current.values(), ...untouched, ...pending.map((r) => ({ ...r, pendingDelete: true }))],
        };
    }

    private persist(): void {
        if (!this.options.dryRun) this.options.persist(this.snapshot());
    }

    private async recordFailure<T>(urn: string, task: () => Promise<T>): Promise<T> {
        try {
            return await task();
        } catch (err) {
            const error = err instanceof Error ? err : new Error(String(err));
            this.errors.push(error);
            this.emit({ type: "step-failed", urn, error: error.message });
            throw error;
        }
    }

    private finishStep(step: Step): void {
        this.steps.push(step);
        this.emit({ type: "step-done", step });
    }

    private emit(event: HarnessEvent): void {
        this.options.onEvent?.(event);
    }
}

function topLevelChanges(olds: PropertyMap, news: PropertyMap): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...keys].filter((k) => !isDeepStrictEqual(olds[k], news[k]));
}

/** Dependents before their dependencies; among independent resources, newest first. */
export function deletionOrder(resources: StateResource[]): StateResource[] {
    const remaining = [...resources];
    const ordered: StateResource[] = [];
    while (remaining.length > 0) {
        const index = findLastIndex(remaining, (candidate) =>
            !remaining.some((other) => other !== candidate && (other.dependencies.includes(candidate.urn) || other.parent === candidate.urn)),
        );
        // A dependency cycle cannot come from a program; fall back to reverse order if state is odd.
        const pick = index >= 0 ? index : remaining.length - 1;
        ordered.push(remaining[pick]);
        remaining.splice(pick, 1);
    }
    return ordered;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
    return -1;
}
