/** Local watsonx Assistant API emulator: start it in-process with startEmulator (see README.md). */
import { EmulatorServer } from "./core/server";
import type { EmulatorStats } from "./core/stats";
import type { EmulatorOptions, ResolvedEmulatorOptions } from "./core/context";
import { emptyState, type EmulatorState } from "./state";
import { v1Routes } from "./v1/routes";
import { v2AdminRoutes } from "./v2/admin-routes";
import { v2Routes } from "./v2/routes";

export type { EmulatorOptions } from "./core/context";
export type { EmulatorState } from "./state";
export { emptyState } from "./state";
export type { EmulatorStats } from "./core/stats";

export interface RunningEmulator {
    /** e.g. http://127.0.0.1:34567 (the service URL and the IAM URL). */
    url: string;
    port: number;
    stop(): Promise<void>;
    /** Empties all state (saved when persistent), stats and rate-limit windows. */
    reset(): Promise<void>;
    stats(): EmulatorStats;
    resetStats(): void;
    /** Replaces the fault spec ("" clears); throws on a malformed spec. */
    setFaults(spec: string): void;
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
    const auth = options.auth ?? "none";
    if (auth !== "none" && auth !== "apikey") throw new Error(`auth must be "none" or "apikey", got "${auth}"`);
    if (auth === "apikey" && !options.apikey) throw new Error('auth "apikey" needs an apikey');
    return {
        port: options.port ?? 0,
        dataDir: options.dataDir,
        auth,
        apikey: options.apikey,
        tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
        latencyMs: options.latencyMs ?? 0,
        asyncDelayMs: options.asyncDelayMs ?? 0,
        rateLimits: options.rateLimits ?? true,
        faults: options.faults,
        clockScale: options.clockScale ?? 1,
        now: options.now,
    };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const resolved = resolveOptions(options);
    const server = new EmulatorServer<EmulatorState>({
        options: resolved,
        apiRoutes: [...v1Routes, ...v2Routes],
        adminRoutes: v2AdminRoutes,
        emptyState,
    });
    const url = await server.listen(resolved.port);
    return {
        url,
        port: server.port,
        stop: () => server.close(),
        reset: () => server.reset(),
        stats: () => server.stats.snapshot(),
        resetStats: () => server.stats.reset(),
        setFaults: (spec: string) => server.setFaults(spec),
    };
}
