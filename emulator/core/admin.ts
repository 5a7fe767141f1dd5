import { badRequest } from "./errors";
import type { EmulatorServer } from "./server";
import type { RouteDef } from "./http-types";
import { addEnvironment, setNextFailure } from "../v2/admin";
import type { V2Slice } from "../v2/model";

/**
 * Routes under /emulator/* for tests, benchmarks and demos (see emulator/README.md). They need no
 * auth, get no faults, rate limits or latency, and are not counted in the stats.
 */
export function adminRoutes(server: EmulatorServer<V2Slice>): RouteDef<V2Slice>[] {
    // `mutates` routes are saved by the server before it answers, as API writes are.
    const admin = (method: RouteDef<V2Slice>["method"], template: string, handler: RouteDef<V2Slice>["handler"], mutates = false): RouteDef<V2Slice> => ({
        method,
        template,
        handler,
        mutates,
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
        admin("POST", "/emulator/next-failure", (req, ctx) => ({ status: 200, body: setNextFailure(ctx, req.body) }), true),
        admin(
            "POST",
            "/emulator/assistants/{assistant_id}/environments",
            (req, ctx) => ({ status: 201, body: addEnvironment(ctx, req.params.assistant_id, req.body) }),
            true,
        ),
    ];
}
