/**
 * Resource operations in-process (as the plugin runs them) over one real ApiClient whose waits are
 * compressed: the retry decisions, attempt counts, reconciles and Retry-After handling are the
 * production code's, only the clock of its sleeps runs faster, so that runs with hundreds of
 * faults stay quick. The client's metrics give the retry and reconcile figures.
 */
import type { OperationContext } from "../../../provider/bridge/spec";
import { resolveSettings } from "../../../provider/config";
import { ApiClient } from "../../../provider/http/client";
import type { ClientMetrics } from "../../../provider/http/types";
import { driveOperations, type DirectResource } from "../../support/direct";

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
    return {
        client,
        metrics: client.metrics,
        logs,
        resource: (type) => driveOperations(type, config, () => ctx),
    };
}
