/**
 * One emulator per suite (API-key auth) whose asynchronous work (training, publishing, skill
 * updates) can be made to never finish, then finished by moving the service's clock past it.
 * Registers its mocha hooks; state, faults and the clock are reset before each test.
 */
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { EmulatorClient } from "../../../drivers/emulator-client";

export const FOREVER_MS = 1e12;

export interface AsyncEmulator {
    emu: RunningEmulator;
    service: EmulatorClient;
    /** From now on, asynchronous work started stays in progress. */
    neverFinish(): Promise<void>;
    /** The service's clock jumps past every delay: work in progress is done. */
    finishAll(): void;
}

export function useAsyncEmulator(apikey: string): () => AsyncEmulator {
    let current: AsyncEmulator | undefined;
    let clockOffsetMs = 0;
    before(async () => {
        const emu = await startEmulator({ port: 0, auth: "apikey", apikey, asyncDelayMs: 0, now: () => Date.now() + clockOffsetMs });
        const service = new EmulatorClient(emu.url, { apikey });
        current = {
            emu,
            service,
            neverFinish: async () => { await service.admin("/emulator/async-delay", { ms: FOREVER_MS }); },
            finishAll: () => { clockOffsetMs = FOREVER_MS + 60_000; },
        };
    });
    after(async () => current?.emu.stop());
    beforeEach(async () => {
        await current!.emu.reset();
        current!.emu.setFaults("");
        clockOffsetMs = 0;
        await current!.service.admin("/emulator/async-delay", { ms: 0 });
    });
    return () => current!;
}
