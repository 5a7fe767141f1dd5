/**
 * Contracts between the emulator's HTTP core (server, router, auth, faults, rate limits, stats,
 * persistence) and its API areas (emulator/v1, emulator/v2). Areas hold the rules and never touch
 * HTTP; the core never decides a rule.
 */
import type { IncomingHttpHeaders } from "http";

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT";

export interface EmulatorRequest {
    method: HttpMethod;
    /** Path without the query string. */
    path: string;
    /** Path parameters by template name, already URI-decoded. */
    params: Record<string, string>;
    query: URLSearchParams;
    /** Parsed JSON body (undefined when empty); the raw Buffer for application/octet-stream or application/zip. */
    body: any;
    headers: IncomingHttpHeaders;
}

export interface EmulatorResponse {
    status: number;
    /** JSON-serialised, except a Buffer, which is sent as is with the Content-Type the handler sets. */
    body?: unknown;
    headers?: Record<string, string>;
}

export interface EmulatorContext {
    /** The whole mutable state; areas change it in place. Persisted after each mutating request. */
    state: EmulatorState;
    options: ResolvedEmulatorOptions;
    /** Milliseconds since epoch (injectable for tests). */
    now(): number;
    /** A new unique id (uuid-like). */
    newId(): string;
}

export type Handler = (req: EmulatorRequest, ctx: EmulatorContext) => EmulatorResponse | Promise<EmulatorResponse>;

export interface RouteDef {
    method: HttpMethod;
    /** Template with `{name}` parameters, e.g. `/v1/workspaces/{workspace_id}/intents`. Stats count by it. */
    template: string;
    handler: Handler;
    /** Whether a successful call changes state (persistence, "reset after commit" faults). */
    mutates: boolean;
    /** Documented rate limit for this route (requests per window), enforced with --rate-limits on. */
    rateLimit?: { limit: number; windowSeconds: number };
}

/** Throw from a handler; the core renders the documented `{error, code, errors[]}` body. */
export class ApiProblem extends Error {
    constructor(
        public readonly status: number,
        message: string,
        public readonly errors: { message: string; path?: string }[] = [],
    ) {
        super(message);
    }
}

export interface EmulatorOptions {
    /** 0 (default) picks a free port. */
    port?: number;
    /** Keep state across restarts in this folder. */
    dataDir?: string;
    auth?: "none" | "apikey";
    apikey?: string;
    /** Lifetime of IAM access tokens issued by /identity/token (default 3600). */
    tokenTtlSeconds?: number;
    /** Added to every response. */
    latencyMs?: number;
    /** How long releases, skill updates and workspace training stay in progress (default 0). */
    asyncDelayMs?: number;
    rateLimits?: boolean;
    /** Fault spec, see emulator/README.md. */
    faults?: string;
    /** Multiplies every rate-limit window (e.g. 0.001 turns 30 minutes into 1.8 s) so tests can cross windows. */
    rateLimitWindowScale?: number;
    /** Clock in ms since epoch (default Date.now); tests inject one to expire tokens or finish async work. */
    now?: () => number;
}

export type ResolvedEmulatorOptions = Required<
    Omit<EmulatorOptions, "dataDir" | "apikey" | "faults" | "rateLimitWindowScale" | "now">
> & {
    dataDir?: string;
    apikey?: string;
    faults?: string;
    rateLimitWindowScale?: number;
    now?: () => number;
};

/** Everything the emulator knows; plain JSON so that it can be persisted. */
export interface EmulatorState {
    v1: import("../v1/model").V1State;
    v2: import("../v2/model").V2State;
}
