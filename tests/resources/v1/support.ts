/** Shared setup of the v1 resource tests: one emulator, direct resources, raw API calls, stats. */
import { EmulatorClient } from "../../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { directResource, type DirectResource } from "../../support/direct";

export interface V1Fixture {
    emu: RunningEmulator;
    /** A resource driven in-process; `config` overrides the fixture's provider settings. */
    resource(type: string, config?: Record<string, string>): DirectResource;
    /** Calls the v1 API directly, as someone using the tooling would (counted in stats). */
    api(method: string, path: string, body?: unknown): Promise<any>;
    /** Calls by "METHOD template" since the last resetStats. */
    byRoute(): Record<string, number>;
    /** Non-GET calls since the last resetStats. */
    writes(): number;
}

const CONFIG = { maxRetries: "8", maxRetryElapsedMs: "60000" };

export async function startV1Fixture(): Promise<V1Fixture> {
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    const resource = (type: string, config: Record<string, string> = {}) => directResource(type, { url: emu.url, authType: "noauth", ...CONFIG, ...config });
    const client = new EmulatorClient(emu.url);
    const api = (method: string, path: string, body?: unknown) => client.request(method, path, body);
    const byRoute = () => ({ ...emu.stats().byRoute });
    const writes = () => Object.entries(emu.stats().byRoute).filter(([route]) => !route.startsWith("GET ")).reduce((n, [, c]) => n + c, 0);
    return { emu, resource, api, byRoute, writes };
}

/** Removes the engine's bookkeeping key from checked inputs. */
export function plain(inputs: Record<string, any>): Record<string, any> {
    const { __provider, ...rest } = inputs;
    return rest;
}

/** check + create, as the engine does; returns id and outputs. */
export async function createChecked(resource: DirectResource, inputs: Record<string, any>): Promise<{ id: string; outs: any }> {
    const checked = await resource.check(inputs);
    if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    return resource.create(checked.inputs);
}

/** check + diff + update, as the engine does; returns the new outputs. */
export async function updateChecked(resource: DirectResource, id: string, olds: Record<string, any>, news: Record<string, any>): Promise<any> {
    const checked = await resource.check(news, olds);
    if (checked.failures?.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const { outs } = await resource.update(id, olds, checked.inputs);
    return outs;
}

export const INTENT_ROUTE = "/v1/workspaces/{workspace_id}/intents";

/**
 * The plain reads of a Workspace update besides its writes: the workspace's `updated` stamp before
 * (was anything changed in the service since the last deploy?) and after (what this deploy leaves).
 */
export const STAMP_READS = { "GET /v1/workspaces/{workspace_id}": 2 };
