/**
 * Resource operations in-process (as the plugin runs them) over one real ApiClient whose waits are
 * compressed: the retry decisions, attempt counts, reconciles and Retry-After handling are the
 * production code's, only the clock of its sleeps runs faster, so that runs with hundreds of
 * faults stay quick. The client's metrics give the retry and reconcile figures.
 */
import { operationsFor } from "../../../plugin/runtime";
import type { OperationContext } from "../../../provider/bridge/spec";
import { PROVIDER_KEY } from "../../../provider/values";
import { resolveSettings } from "../../../provider/config";
import { ApiClient } from "../../../provider/http/client";
import type { ClientMetrics } from "../../../provider/http/types";
import type { DirectResource } from "../../support/direct";

export interface DirectSession {
    resource(type: string): DirectResource;
    client: ApiClient;
    metrics: ClientMetrics;
    /** Progress lines the operations logged (ctx.log). */
    logs: string[];
}

export interface SessionOptions {
    /** Factor applied to every retry wait (1 = real time). */
    timeScale?: number;
    env?: NodeJS.ProcessEnv;
    /** Debug log sink (turns request logging on, redacted by the client). */
    debugLog?: (line: string) => void;
}

/** `config` holds `watson-assistant:*` keys without the namespace, e.g. `{ url, apikey, iamUrl }`. */
export function directSession(config: Record<string, string>, options: SessionOptions = {}): DirectSession {
    const scale = options.timeScale ?? 0.02;
    const settings = resolveSettings((key) => config[key], options.env ?? {}, () => ({}));
    const client = new ApiClient(settings, {
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.round(ms * scale))),
        ...(options.debugLog ? { log: options.debugLog } : {}),
    });
    const logs: string[] = [];
    const ctx: OperationContext = { client, settings, log: (message) => logs.push(message) };
    const withProvider = (bag: Record<string, any>) => ({ ...bag, [PROVIDER_KEY]: "test" });
    return {
        client,
        metrics: client.metrics,
        logs,
        resource(type) {
            const ops = operationsFor(type);
            return {
                check: async (news, olds = {}) => ops.check(olds, withProvider(news)),
                diff: async (_id, olds, news) => ops.diff(olds, news),
                create: async (inputs) => ops.create(ctx, inputs) as Promise<{ id: string; outs: any }>,
                read: async (id, props) => ops.read(ctx, id, props),
                update: async (id, olds, news) => ops.update(ctx, id, olds, news),
                delete: async (id, props) => ops.delete(ctx, id, props),
            };
        },
    };
}

/** Checks inputs (failing loudly on check failures) and returns what the engine would pass on. */
export async function checked(resource: DirectResource, inputs: object, olds: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const { inputs: out, failures } = await resource.check(inputs as Record<string, unknown>, olds);
    if (failures?.length) throw new Error(`unexpected check failures: ${JSON.stringify(failures)}`);
    return out;
}
