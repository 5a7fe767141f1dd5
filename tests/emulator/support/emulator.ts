/** Test helpers: start an emulator and call it over real HTTP. */
import { startEmulator, type RunningEmulator } from "../../../emulator";
import type { EmulatorOptions } from "../../../emulator/core/context";
import { EmulatorClient, type CallOptions, type Reply } from "../../../drivers/emulator-client";

export const VERSION = "2024-08-25";

/** Calls `path` on the emulator; JSON in and out; adds ?version= (this file's VERSION) unless told not to. */
export function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    return new EmulatorClient(base, { version: VERSION }).call(method, path, options);
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
export type { CallOptions, Reply };
export type { RunningEmulator };
