/** Test helpers: start an emulator and call it over real HTTP. */
import { startEmulator, type RunningEmulator } from "../../../emulator";
import type { EmulatorOptions } from "../../../emulator/core/context";

export const VERSION = "2024-08-25";

export interface Reply {
    status: number;
    body: any;
    headers: Headers;
}

export interface CallOptions {
    body?: unknown;
    headers?: Record<string, string>;
    /** `null` sends no version parameter. */
    version?: string | null;
    query?: Record<string, string>;
}

/** Calls `path` on the emulator; JSON in and out; adds ?version= unless told not to. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const url = new URL(path, base);
    const version = options.version === undefined ? VERSION : options.version;
    if (version !== null && !url.searchParams.has("version")) url.searchParams.set("version", version);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    let payload: string | undefined;
    if (options.body !== undefined) {
        payload = JSON.stringify(options.body);
        headers["Content-Type"] = "application/json";
    }
    const response = await fetch(url, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text), headers: response.headers };
}

/** A controllable clock for tokens, async work and rate-limit windows. */
export class FakeClock {
    constructor(public time = Date.UTC(2025, 0, 1)) {}
    now = () => this.time;
    advance(ms: number): void {
        this.time += ms;
    }
}

export async function withEmulator(options: EmulatorOptions, body: (emu: RunningEmulator) => Promise<void>): Promise<void> {
    const emu = await startEmulator(options);
    try {
        await body(emu);
    } finally {
        await emu.stop();
    }
}

export function expectErrorBody(reply: Reply, status: number): void {
    if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    const body = reply.body;
    if (typeof body?.error !== "string" || body.code !== status || !Array.isArray(body.errors) || body.errors.length === 0) {
        throw new Error(`not the documented error body: ${JSON.stringify(body)}`);
    }
}

export { startEmulator };
export type { RunningEmulator };
