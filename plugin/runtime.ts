/**
 * Runs inside the dynamic-provider plugin process. The serialized provider of every resource type
 * calls `dispatch` here (through provider/bridge/runtime.ts, the path stored in every stack's
 * `__provider`), so the code that runs is always the installed package's, and configuration is
 * read at call time, never captured in state. It sits above provider/ and resources/ because it
 * joins the two: the generic operations and each type's spec.
 */
import { exitWhenEngineGone } from "./engine-gone";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2, resolveSettings, type ConnectionSettings } from "../provider/config";
import { ApiClient } from "../provider/http/client";
import { tokenExchangeCall } from "../provider/auth";
import { stderrSink } from "../provider/http/log";
import { planFileFrom, stdoutSink } from "../provider/change-summary/publish";
import { specFor } from "./registry";
import { ResourceOperations } from "../provider/bridge/operations";
import { PlanReporter } from "../provider/bridge/plan-reporter";
import type { CheckContext, OperationContext } from "../provider/bridge/spec";
import { stableJson } from "../provider/values";
import { WireOperations } from "../provider/bridge/wire";
import { isNewResource, showsPlan } from "../provider/bridge/plan-reporter";
import { probeConnection } from "./connection-probe";
import { withStoredSettingsHint } from "./stored-settings";

export const CONFIG_NAMESPACE = "watson-assistant";

type ConfigGetter = (key: string) => string | undefined;

let readConfig: ConfigGetter = () => undefined;
const operationsByType = new Map<string, ResourceOperations<any, any>>();
/** Plan summaries on the plugin's stdout (shown by the CLI as info) and in the optional plan file. */
const planReporter = new PlanReporter(() => ({ write: stdoutSink, planFile: planFileFrom(readConfig, process.env) }), stderrSink, () => runCalls(readConfig));

/** Calls a plugin process makes once (the token exchange), announced with its first summary; settings that do not resolve make none. */
export function runCalls(getConfig: ConfigGetter, env: NodeJS.ProcessEnv = process.env): string[] {
    const exchange = (() => { try { return tokenExchangeCall(resolveSettings(getConfig, env)); } catch { return undefined; } })();
    return exchange ? [exchange] : [];
}
let cachedClient: { fingerprint: string; client: ApiClient; settings: ConnectionSettings } | undefined;

/** Called by the plugin once per provider type with the stack's configuration. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
    readConfig = (key) => req.config.get(`${CONFIG_NAMESPACE}:${key}`);
}

/**
 * Context for one call: settings resolved now; the client (and its token cache) reused while they
 * hold. Progress lines go to the plugin's stderr, which the engine collects with the plugin's logs.
 */
export function operationContext(
    getConfig: ConfigGetter = readConfig,
    env: NodeJS.ProcessEnv = process.env,
    log: (message: string) => void = stderrSink,
): OperationContext {
    const settings = resolveSettings(getConfig, env);
    const fingerprint = stableJson(settings);
    if (!cachedClient || cachedClient.fingerprint !== fingerprint) {
        cachedClient = { fingerprint, client: new ApiClient(settings), settings };
    }
    return { client: cachedClient.client, settings, log };
}

/** The version dates check applies rules for; a malformed date is left to the call that uses it to report. */
export function checkContext(getConfig: ConfigGetter = readConfig): CheckContext {
    const date = (key: string, fallback: string) => {
        const value = getConfig(key);
        return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback;
    };
    return { versionV1: date("versionV1", DEFAULT_VERSION_V1), versionV2: date("versionV2", DEFAULT_VERSION_V2) };
}

export function operationsFor(type: string): ResourceOperations<any, any> {
    let ops = operationsByType.get(type);
    if (!ops) {
        ops = new ResourceOperations(specFor(type));
        operationsByType.set(type, ops);
    }
    return ops;
}

const wireByType = new Map<string, WireOperations>();

/** The operations as the plugin sees them: packed properties in the engine's wire shape (wire.ts). */
export function wireOperationsFor(type: string): WireOperations {
    let wire = wireByType.get(type);
    if (!wire) {
        wire = new WireOperations(operationsFor(type));
        wireByType.set(type, wire);
    }
    return wire;
}

type Method = "check" | "diff" | "create" | "read" | "update" | "delete";

export async function dispatch(type: string, method: Method, args: any[]): Promise<any> {
    exitWhenEngineGone();
    const ops = wireOperationsFor(type);
    switch (method) {
        case "check": {
            const result = ops.check(args[0], args[1], checkContext());
            planReporter.check(type, ops, args[0], result);
            if (isNewResource(args[0]) && !result.failures?.length && showsPlan()) await probeConnection(operationContext());
            return result;
        }
        case "diff": {
            // Diff runs with the current settings: an object stored for another instance must not read as unchanged.
            operationsFor(type).requireInstance(operationContext(), args[0], args[1] ?? {});
            const result = planReporter.diff(type, ops, args[0], args[1], args[2]);
            // A change of the service's content (not a rewrite of state of an earlier version, which
            // calls nothing), in the process that shows the plan: an update after its preview has
            // been probed, and its own update checks live changes anyway.
            if (result.changes && !ops.restates(args[1], args[2]) && showsPlan()) {
                await probeConnection(operationContext());
                for (const note of await ops.liveChangeNotes(operationContext(), type, args[0], args[1], args[2])) stderrSink(note);
            }
            return result;
        }
        case "create": return ops.create(operationContext(), args[0]);
        case "read": return ops.read(operationContext(), args[0], args[1] ?? {}).catch((err) => { throw withStoredSettingsHint(method, err); });
        case "update": return ops.update(operationContext(), args[0], args[1], args[2]);
        case "delete": return ops.delete(operationContext(), args[0], args[1]).catch((err) => { throw withStoredSettingsHint(method, err); });
    }
}
