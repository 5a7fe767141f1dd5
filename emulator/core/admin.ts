import { badRequest } from "./errors";
import type { RouteDef } from "./http-types";
import type { StatsRecorder } from "./stats";

/** What the admin routes control (the EmulatorServer). */
export interface EmulatorControls {
    readonly stats: StatsRecorder;
    /** The fault spec in force ("" when none). */
    readonly faultSpec: string;
    reset(): Promise<void>;
    setFaults(spec: string): void;
}

/**
 * The core's own routes under /emulator/* for tests, benchmarks and demos (see emulator/README.md):
 * reset, stats, faults, async delay. Areas pass their own admin routes in (ServerParts.adminRoutes).
 * They need no auth, get no faults, rate limits or latency, and are not counted in the stats.
 */
export function coreAdminRoutes<S>(server: EmulatorControls): RouteDef<S>[] {
    const admin = (method: RouteDef<S>["method"], template: string, handler: RouteDef<S>["handler"]): RouteDef<S> => ({
        method,
        template,
        handler,
        mutates: false,
    });
    return [
        admin("POST", "/emulator/reset", async () => {
            await server.reset();
            return { status: 200, body: { reset: true } };
        }),
        admin("GET", "/emulator/stats", () => ({ status: 200, body: server.stats.snapshot() })),
        admin("POST", "/emulator/stats/reset", () => {
            server.stats.reset();
            return { status: 200, body: server.stats.snapshot() };
        }),
        admin("GET", "/emulator/faults", () => ({ status: 200, body: { spec: server.faultSpec } })),
        admin("POST", "/emulator/faults", (req) => {
            const spec = req.body?.spec ?? "";
            if (typeof spec !== "string") throw badRequest("spec must be a string", "spec");
            try {
                server.setFaults(spec);
            } catch (err) {
                throw badRequest((err as Error).message, "spec");
            }
            return { status: 200, body: { spec } };
        }),
        admin("POST", "/emulator/async-delay", (req, ctx) => {
            const ms = req.body?.ms;
            if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw badRequest("ms must be a number >= 0", "ms");
            ctx.options.asyncDelayMs = ms;
            return { status: 200, body: { ms } };
        }),
    ];
}
