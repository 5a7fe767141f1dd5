/**
 * The HTTP side of the contract between the core and the areas: requests, responses and routes.
 * Only handlers see these; an area's rules take plain values and return records.
 */
import type { IncomingHttpHeaders } from "http";
import type { EmulatorContext } from "./context";

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

/** `S` is the state the handler reads: an area's slice, or the whole state for the core's own routes. */
export type Handler<S> = (req: EmulatorRequest, ctx: EmulatorContext<S>) => EmulatorResponse | Promise<EmulatorResponse>;

export interface RouteDef<S> {
    method: HttpMethod;
    /** Template with `{name}` parameters, e.g. `/v1/workspaces/{workspace_id}/intents`. Stats count by it. */
    template: string;
    handler: Handler<S>;
    /** Whether a successful call changes state (persistence, "reset after commit" faults). */
    mutates: boolean;
    /**
     * Documented rate limit (requests per window), enforced unless --rate-limits off; a function
     * when the limit depends on the query (GET workspace with export=true counts apart).
     */
    rateLimit?: RateLimit | ((query: URLSearchParams) => RateLimit | undefined);
    /** A body limit below the core's 50 MB: a larger body answers 413 with this message. */
    bodyLimit?: { bytes: number; message: string };
}

/**
 * Requests per window. Routes naming the same `bucket` share one window (sync and async workspace
 * writes); without one, a route counts alone ("METHOD template").
 */
export interface RateLimit {
    limit: number;
    windowSeconds: number;
    bucket?: string;
}
