/** The fault mix every fault run uses: the five kinds the emulator can inject, jittered latency. */
export const FAULT_KINDS = "kinds=429+500+503+reset+reset-after,latency=0-30";

/** 20% of requests fail; each seed and phase gets its own reproducible sequence. */
export function faultSpec(seed: number, phase: number): string {
    return `rate=0.2,seed=${seed * 10 + phase},${FAULT_KINDS}`;
}
