// `pulumi refresh`: Read every resource in state and record what the provider reports, without
// running the program. A read that returns no id means the object is gone.
import { isDeepStrictEqual } from "util";
import { Semaphore } from "./engine";
import { PluginServer } from "./plugin";
import { StateFile, StateResource, markSecret, secretKeys, unwrapSecrets } from "./state";
import { HarnessEvent, Step } from "./types";

export interface RefreshOptions {
    plugin: PluginServer;
    previous: StateFile;
    parallel: number;
    persist: (state: StateFile) => void;
    onEvent?: (event: HarnessEvent) => void;
}

export async function refreshState(options: RefreshOptions): Promise<Step[]> {
    const { plugin, previous } = options;
    const limiter = new Semaphore(options.parallel);
    const refreshed = new Map<StateResource, StateResource | undefined>();
    const steps: Step[] = [];
    const snapshot = (): StateFile => ({
        ...previous,
        resources: previous.resources
            .map((r) => (refreshed.has(r) ? refreshed.get(r) : r))
            .filter((r): r is StateResource => r !== undefined),
    });

    const refreshOne = async (r: StateResource): Promise<void> => {
        const started = Date.now();
        options.onEvent?.({ type: "step-start", urn: r.urn, op: "read" });
        const oldOutputs = unwrapSecrets(r.outputs);
        const oldInputs = unwrapSecrets(r.inputs);
        let result;
        try {
            result = await plugin.read(r.urn, r.id, oldOutputs, oldInputs);
        } catch (err) {
            options.onEvent?.({ type: "step-failed", urn: r.urn, error: (err as Error).message });
            throw err;
        }
        let op: Step["op"];
        if (!result.id) {
            op = "refresh-gone";
            refreshed.set(r, undefined);
        } else {
            const drift = !isDeepStrictEqual(oldOutputs, result.properties) || (result.inputs !== undefined && !isDeepStrictEqual(oldInputs, result.inputs));
            op = drift ? "refresh-drift" : "same";
            const secretOutputs = new Set([...secretKeys(r.outputs), ...(r.additionalSecretOutputs ?? [])]);
            refreshed.set(r, {
                ...r,
                id: result.id,
                outputs: markSecret(result.properties, secretOutputs),
                inputs: result.inputs ? markSecret(result.inputs, secretKeys(r.inputs)) : r.inputs,
            });
        }
        // As in `up`, an unchanged resource is written with the next change or at the end.
        if (op !== "same") options.persist(snapshot());
        const step: Step = { urn: r.urn, type: r.type, name: r.name, op, durationMs: Date.now() - started };
        steps.push(step);
        options.onEvent?.({ type: "step-done", step });
    };

    const results = await Promise.allSettled(previous.resources.filter((r) => r.custom).map((r) => limiter.run(() => refreshOne(r))));
    options.persist(snapshot());
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as Error);
    if (failures.length > 0) throw combineErrors(failures);
    return steps;
}

export function combineErrors(errors: Error[]): Error {
    if (errors.length === 1) return errors[0];
    const combined = new Error(errors.map((e) => e.message).join("\n"));
    (combined as Error & { errors: Error[] }).errors = errors;
    return combined;
}
