/** What a step cost on the wire (from the emulator's stats) and on the clock. */
import { readFileSync } from "fs";
import type { EmulatorStats } from "watson-assistant-emulator";

export interface WireCost {
    /** API requests the service answered (retries included). */
    calls: number;
    /** Requests that change something (not GET). */
    writeCalls: number;
    /** Request body bytes the client sent (the emulator's bytesReceived). */
    bytesSent: number;
    /** Response body bytes the client received (the emulator's bytesSent). */
    bytesReceived: number;
    /** 429 answers met. */
    throttled: number;
    byRoute: Record<string, number>;
}

export interface StepCost extends WireCost {
    wallMs: number;
}

export interface StatsSource {
    stats(): EmulatorStats;
}

/** Stats difference between now and `before`, from the client's point of view. */
export function wireCostSince(emu: StatsSource, before: EmulatorStats): WireCost {
    const after = emu.stats();
    const byRoute: Record<string, number> = {};
    for (const [route, n] of Object.entries(after.byRoute)) {
        const delta = n - (before.byRoute[route] ?? 0);
        if (delta > 0) byRoute[route] = delta;
    }
    const reads = (after.byMethod.GET ?? 0) - (before.byMethod.GET ?? 0);
    const calls = after.total - before.total;
    return {
        calls,
        writeCalls: calls - reads,
        bytesSent: after.bytesReceived - before.bytesReceived,
        bytesReceived: after.bytesSent - before.bytesSent,
        throttled: (after.byStatus["429"] ?? 0) - (before.byStatus["429"] ?? 0),
        byRoute,
    };
}

/** Runs `work` and returns its result with the wire cost and wall time it took. */
export async function measured<T>(emu: StatsSource, work: () => Promise<T>): Promise<{ result: T; cost: StepCost }> {
    const before = emu.stats();
    const started = performance.now();
    const result = await work();
    const wallMs = performance.now() - started;
    return { result, cost: { ...wireCostSince(emu, before), wallMs } };
}

/**
 * CPU time (user + system, ms) this process spends in a synchronous, side-effect-free piece of work
 * (check, diff): the median of `runs` runs, so that one garbage collection or the first call's
 * warm-up does not stand for the typical cost.
 */
export function cpuMs<T>(work: () => T, runs = 5): { result: T; cpuMs: number } {
    let result!: T;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const before = process.cpuUsage();
        result = work();
        const used = process.cpuUsage(before);
        samples.push((used.user + used.system) / 1000);
    }
    samples.sort((x, y) => x - y);
    return { result, cpuMs: samples[Math.floor(samples.length / 2)] };
}

/** Peak resident set size (VmHWM) of a process, in MB, or undefined when it is gone or unreadable. */
export function peakRssMb(pid: number): number | undefined {
    try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

/** A whole number with thousands separators: 1234.5 -> "1,235". */
export const thousands = (value: number): string => Math.round(value).toLocaleString("en-US");

export const round = (value: number, digits = 1): number => {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
};
