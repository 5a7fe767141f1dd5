import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { addInto, everyTestPassed, recordFigures } from "./figures";
import { EmulatorClient } from "../../../drivers/emulator-client";

/** The seeds every in-process fault run plays. */
export const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/** The fault mix every fault run uses: the five kinds the emulator can inject, jittered latency. */
export const FAULT_KINDS = "kinds=429+500+503+reset+reset-after,latency=0-30";

/** 20% of requests fail; each seed and phase gets its own reproducible sequence. */
export function faultSpec(seed: number, phase: number): string {
    return `rate=0.2,seed=${seed * 10 + phase},${FAULT_KINDS}`;
}

/**
 * Runs steps with the seeded faults on, adding each step's requests and faults met (counted before
 * any audit read) into `totals`, plus `extra` per step.
 */
export function faultyRunner(emu: () => RunningEmulator, totals: Record<string, number>, extra: Record<string, number> = {}) {
    return async function faulty<T>(seed: number, phase: number, step: () => Promise<T>): Promise<T> {
        const emulator = emu();
        emulator.resetStats();
        emulator.setFaults(faultSpec(seed, phase));
        try {
            return await step();
        } finally {
            emulator.setFaults("");
            const stats = emulator.stats();
            addInto(totals, { requests: stats.total, faults: stats.faultsInjected, ...extra });
        }
    };
}

/**
 * Inside a `describe`: an emulator enforcing `apikey`, a raw reader of its content, and the
 * seeded fault runner; after the suite, its totals are recorded as `suite` figures.
 */
export function faultSuite(apikey: string, suite: string, extraFigures: () => Record<string, number> = () => ({})) {
    let emu: RunningEmulator;
    let service: EmulatorClient;
    const totals: Record<string, number> = {};
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey, asyncDelayMs: 0 });
        service = new EmulatorClient(emu.url, { apikey });
    });
    const seedsRun = new Set<number>();
    after(async function () {
        await emu.stop();
        if (everyTestPassed(this)) recordFigures(suite, { runs: seedsRun.size, ...extraFigures(), ...totals });
    });
    const runner = faultyRunner(() => emu, totals);
    return {
        emu: () => emu,
        service: () => service,
        totals,
        faulty: <T>(seed: number, phase: number, step: () => Promise<T>): Promise<T> => {
            seedsRun.add(seed);
            return runner(seed, phase, step);
        },
    };
}
