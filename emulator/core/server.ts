import * as http from "http";
import type { AddressInfo } from "net";
import { randomUUID } from "crypto";
import { coreAdminRoutes } from "./admin";
import { BodyTooLarge, parseBody, readBody } from "./body";
import type { EmulatorContext, ResolvedEmulatorOptions } from "./context";
import { errorResponse, problemResponse } from "./error-response";
import { ApiProblem, apiError } from "./errors";
import { FaultInjector } from "./faults";
import { checkAuthorization, IamIssuer } from "./iam";
import { limitFor, RateLimiter } from "./rate-limits";
import { type RouteMatch, Router } from "./router";
import { StatsRecorder } from "./stats";
import type { EmulatorRequest, EmulatorResponse, HttpMethod, RouteDef } from "./http-types";
import { PersistedState } from "./store/persisted-state";
import { checkVersionParameter } from "./version";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "30 minutes", "5 minutes", "1 minute": the documented window in the service's words. */
function describeWindow(seconds: number): string {
    const minutes = seconds / 60;
    return Number.isInteger(minutes) ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${seconds} seconds`;
}

/** What the emulator is made of; `S` is the whole state, whose shape only the areas know. */
export interface ServerParts<S extends object> {
    options: ResolvedEmulatorOptions;
    apiRoutes: RouteDef<S>[];
    /** The areas' routes under /emulator/* (the core adds its own): no auth, faults, rate limits or stats. */
    adminRoutes: RouteDef<S>[];
    emptyState: () => S;
}

/** One outcome of the request pipeline: a response, or a connection to drop. */
type Outcome = { response: EmulatorResponse; resetAfter?: boolean } | { reset: true };

/**
 * The HTTP core: body limits, routing, auth, version check, faults, rate limits, latency,
 * persistence after mutations and stats. Areas only see EmulatorRequest/EmulatorContext.
 */
export class EmulatorServer<S extends object> {
    readonly ctx: EmulatorContext<S>;
    readonly stats = new StatsRecorder();
    readonly faults: FaultInjector;
    readonly rateLimiter: RateLimiter;
    readonly store?: PersistedState;
    private readonly iam: IamIssuer;
    private readonly api: Router<S>;
    private readonly admin: Router<S>;
    private readonly http: http.Server;

    constructor(private readonly parts: ServerParts<S>) {
        const options = parts.options;
        const now = options.now ?? Date.now;
        this.ctx = { state: parts.emptyState(), options, now, newId: () => randomUUID() };
        this.faults = new FaultInjector(options.faults);
        this.faultSpec = options.faults ?? "";
        this.rateLimiter = new RateLimiter(options.clockScale);
        this.iam = new IamIssuer(options.apikey, options.tokenTtlSeconds, now);
        this.api = new Router([...parts.apiRoutes, ...this.iamRoutes()]);
        this.admin = new Router([...coreAdminRoutes(this), ...parts.adminRoutes]);
        if (options.dataDir) {
            this.store = PersistedState.open(options.dataDir);
            const saved = this.store.load() as Partial<S> | undefined;
            // Areas change the state through the store's view, which notes what a save must write.
            this.ctx.state = this.store.track(saved ? { ...parts.emptyState(), ...saved } : this.ctx.state);
        }
        this.http = http.createServer((req, res) => {
            this.handle(req, res).catch((err) => {
                // Only reached on bugs in the pipeline itself; never leave the client hanging.
                if (!res.headersSent) this.send(res, errorResponse(500, `Emulator error: ${(err as Error).message}`));
                else res.destroy();
            });
        });
        this.http.keepAliveTimeout = 5000;
    }

    async listen(port: number): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.http.once("error", reject);
            this.http.listen(port, "127.0.0.1", () => resolve());
        });
        return `http://127.0.0.1:${this.port}`;
    }

    get port(): number {
        return (this.http.address() as AddressInfo).port;
    }

    async close(): Promise<void> {
        await new Promise<void>((resolve) => {
            this.http.close(() => resolve());
            this.http.closeAllConnections();
        });
        this.store?.close();
    }

    /** Empties all state (and saves it), stats and rate-limit windows. Faults stay as configured. */
    async reset(): Promise<void> {
        const empty = this.parts.emptyState();
        this.ctx.state = this.store ? this.store.track(empty) : empty;
        this.stats.reset();
        this.rateLimiter.reset();
        await this.persist();
    }

    /** The fault spec in force ("" when none). */
    faultSpec = "";

    /** Replaces the fault spec at run time; throws Error on a malformed spec. */
    setFaults(spec: string): void {
        this.faults.set(spec);
        this.faultSpec = spec;
    }

    private async persist(): Promise<void> {
        this.store?.save();
    }

    private iamRoutes(): RouteDef<S>[] {
        return [
            {
                method: "POST",
                template: "/identity/token",
                mutates: false,
                handler: (req) => {
                    const result = this.iam.grant(typeof req.body === "object" && req.body ? req.body : {});
                    if (result.ok) return { status: 200, body: result.body };
                    // IAM's own error fields next to the API's error format, so both kinds of clients read it.
                    const response = errorResponse(result.status, result.message);
                    return {
                        status: result.status,
                        body: { ...(response.body as object), errorCode: "BXNIM0415E", errorMessage: result.message },
                    };
                },
            },
        ];
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const path = url.pathname;
        const method = (req.method ?? "GET").toUpperCase();
        const isAdmin = path === "/emulator" || path.startsWith("/emulator/");
        // Matched once, before the body, so that every outcome (413 included) is counted by template.
        const match = (isAdmin ? this.admin : this.api).match(method, path);
        const routeKey = match.kind === "found" ? `${method} ${match.route.template}` : `${method} (unknown route)`;

        let raw: Buffer;
        try {
            raw = await readBody(req);
        } catch (err) {
            if (!(err instanceof BodyTooLarge)) throw err;
            const response = errorResponse(413, "Request entity too large: the body limit is 50 MB");
            response.headers = { Connection: "close" };
            const sent = this.send(res, response);
            res.on("finish", () => req.destroy());
            if (!isAdmin) this.stats.record({ method, routeKey, status: 413, bytesReceived: 0, bytesSent: sent });
            return;
        }

        if (isAdmin) {
            const outcome = await this.dispatch(match, method, path, url.searchParams, raw, req, false);
            if ("reset" in outcome) res.destroy();
            else this.send(res, outcome.response);
            return;
        }

        const outcome = await this.dispatch(match, method, path, url.searchParams, raw, req, true);
        let bytesSent = 0;
        let status: number | undefined;
        if ("reset" in outcome || outcome.resetAfter) {
            req.socket.destroy();
        } else {
            status = outcome.response.status;
            bytesSent = this.send(res, outcome.response);
        }
        this.stats.record({ method, routeKey, status, bytesReceived: raw.length, bytesSent });
    }

    /** Runs the pipeline for one request and returns what to send, after latency and persistence. */
    private async dispatch(
        match: RouteMatch<S>,
        method: string,
        path: string,
        query: URLSearchParams,
        raw: Buffer,
        req: http.IncomingMessage,
        isApi: boolean,
    ): Promise<Outcome> {
        const options = this.ctx.options;
        if (match.kind === "not-found") {
            return this.delayed(errorResponse(404, `No route for ${method} ${path}`), isApi ? options.latencyMs : 0);
        }
        if (match.kind === "method-not-allowed") {
            const response = errorResponse(405, `Method ${method} is not allowed on ${path}`);
            response.headers = { Allow: [...new Set(match.allowed)].join(", ") };
            return this.delayed(response, isApi ? options.latencyMs : 0);
        }
        const route = match.route;
        const isVersioned = /^\/v[12]\//.test(route.template);
        const fault = isApi && isVersioned ? this.faults.decide(method, route.template) : { extraLatencyMs: 0 };
        const latency = (isApi ? options.latencyMs : 0) + fault.extraLatencyMs;
        if (fault.kind) this.stats.countFault();
        if (fault.kind === "reset") {
            await sleep(latency);
            return { reset: true };
        }
        if (fault.kind === "429" || fault.kind === "500" || fault.kind === "503") {
            const status = Number(fault.kind);
            const response = errorResponse(status, `Injected fault: ${status}`);
            if (status === 429) response.headers = { "Retry-After": "1" };
            return this.delayed(response, latency);
        }

        let rateHeaders: Record<string, string> = {};
        let response: EmulatorResponse;
        try {
            if (isVersioned && options.auth === "apikey") {
                const denied = checkAuthorization(req.headers.authorization, options.apikey, this.iam);
                if (denied) throw apiError(401, "Unauthorized", [{ message: denied, path: "Authorization" }]);
            }
            if (isVersioned) checkVersionParameter(query);
            const limit = isApi && options.rateLimits ? limitFor(route, query) : undefined;
            // A body over the route's own limit is refused before it counts against the window.
            if (route.bodyLimit && raw.length > route.bodyLimit.bytes) {
                if (limit) rateHeaders = this.rateLimiter.peek(limit, this.ctx.now());
                throw apiError(413, route.bodyLimit.message, [{ message: route.bodyLimit.message, path: "body" }]);
            }
            if (limit) {
                const verdict = this.rateLimiter.check(limit, this.ctx.now());
                rateHeaders = verdict.headers;
                if (!verdict.allowed) {
                    this.stats.countRateLimited({
                        routeKey: `${method} ${route.template}`,
                        bucket: verdict.bucket,
                        waitWallMs: verdict.waitMs,
                        waitServiceS: this.rateLimiter.serviceSeconds(verdict.waitMs),
                    });
                    const limited = errorResponse(429, `Rate limit exceeded: ${method} ${route.template} allows ${limit.limit} requests per ${describeWindow(limit.windowSeconds)}`);
                    limited.headers = rateHeaders;
                    return this.delayed(limited, latency);
                }
            }
            const request: EmulatorRequest = {
                method: method as HttpMethod,
                path,
                params: match.params,
                query,
                body: parseBody(raw, req.headers["content-type"]),
                headers: req.headers,
            };
            response = await route.handler(request, this.ctx);
            if (route.mutates && response.status < 400) await this.persist();
        } catch (err) {
            response = err instanceof ApiProblem ? problemResponse(err) : errorResponse(500, `Internal error: ${(err as Error).message}`);
        }
        response = { ...response, headers: { ...rateHeaders, ...(response.headers ?? {}) } };
        if (fault.kind === "reset-after") {
            await sleep(latency);
            return { response, resetAfter: true };
        }
        return this.delayed(response, latency);
    }

    private async delayed(response: EmulatorResponse, latencyMs: number): Promise<Outcome> {
        if (latencyMs > 0) await sleep(latencyMs);
        return { response };
    }

    /** Writes the response; returns the number of body bytes sent. */
    private send(res: http.ServerResponse, response: EmulatorResponse): number {
        // A Buffer body is sent as is (zip archives, server-sent events); its handler sets Content-Type.
        const raw = Buffer.isBuffer(response.body);
        const payload = response.body === undefined ? Buffer.alloc(0) : raw ? (response.body as Buffer) : Buffer.from(JSON.stringify(response.body), "utf8");
        const headers: Record<string, string | number> = { ...(response.headers ?? {}) };
        if (payload.length > 0 && !raw) headers["Content-Type"] = "application/json; charset=utf-8";
        headers["Content-Length"] = payload.length;
        res.writeHead(response.status, headers);
        res.end(payload);
        return payload.length;
    }
}
