/** Shared setup of the v2 resource tests: one emulator, direct resources, admin routes. */
import { EmulatorClient } from "../../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { SUITE_CLOCK_SCALE } from "../../support/clock-scale";
import { directResource, type DirectResource } from "../../support/direct";

export interface Created {
    resource: DirectResource;
    inputs: Record<string, any>;
    id: string;
    outs: any;
}

export interface V2Fixture {
    emu: RunningEmulator;
    resource(type: string): DirectResource;
    /** POST to an emulator admin route (not counted in stats). */
    admin(path: string, body: unknown): Promise<any>;
    /** GET a v2 API path on the emulator directly (counted in stats). */
    api(path: string): Promise<any>;
    /** POST to a v2 API path directly, as someone using the tooling would. */
    post(path: string, body: unknown): Promise<any>;
    /** DELETE a v2 API path directly. */
    del(path: string): Promise<void>;
    /** Checks (expecting no failure) and creates a resource of `type`. */
    create(type: string, args: Record<string, unknown>): Promise<Created>;
    /** Creates an assistant through the Assistant resource; returns its outputs. */
    newAssistant(name?: string): Promise<any>;
    /** API calls made since the last resetStats. */
    calls(): number;
}

/** Quick retries so that fault tests stay fast; the poller's own delays are short already. */
const CONFIG = { maxRetries: "8", maxRetryElapsedMs: "60000" };

export async function startV2Fixture(options: { asyncDelayMs?: number; now?: () => number } = {}): Promise<V2Fixture> {
    // Some tests create more assistants than a window allows (a list past its first page).
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: options.asyncDelayMs ?? 0, now: options.now, clockScale: SUITE_CLOCK_SCALE });
    const resource = (type: string) => directResource(type, { url: emu.url, authType: "noauth", ...CONFIG });
    const client = new EmulatorClient(emu.url);
    const admin = (path: string, body: unknown) => client.admin(path, body);
    const api = (path: string) => client.get(path);
    const post = (path: string, body: unknown) => client.post(path, body);
    const del = (path: string) => client.delete(path);
    const create = async (type: string, args: Record<string, unknown>): Promise<Created> => {
        const created = resource(type);
        const { inputs, failures } = await created.check(args);
        if (failures?.length) throw new Error(`check of ${type} failed: ${JSON.stringify(failures)}`);
        return { resource: created, inputs, ...(await created.create(inputs)) };
    };
    let counter = 0;
    const newAssistant = async (name = `assistant ${++counter}`) => (await create("Assistant", { name })).outs;
    return { emu, resource, admin, api, post, del, create, newAssistant, calls: () => emu.stats().total };
}
