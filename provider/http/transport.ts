/**
 * One HTTP attempt with node-fetch: URL building, the per-request timeout, TLS options. No retry
 * logic here: the client decides what to do with the result.
 */
import * as http from "http";
import * as https from "https";
import nodeFetch from "node-fetch";
import type { Query } from "./pagination";

export type FetchLike = (url: string, init: Record<string, unknown>) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
    status: number;
    statusText: string;
    headers: { get(name: string): string | null };
    text(): Promise<string>;
    arrayBuffer?(): Promise<ArrayBuffer>;
}

export interface RawResponse {
    status: number;
    headers: { get(name: string): string | null };
    bodyText: string;
    /** The success body as bytes, when `binary` was asked for. */
    bodyBytes?: Buffer;
}

/** The attempt got no (complete) response. `code` is the Node error code, "ETIMEDOUT" for our timeout. */
export class NetworkFailure extends Error {
    constructor(
        message: string,
        readonly code: string | undefined,
    ) {
        super(message);
        this.name = "NetworkFailure";
    }
}

export function buildUrl(baseUrl: string, path: string, query: Query): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
        if (value !== undefined) params.append(name, String(value));
    }
    const qs = params.toString();
    return `${baseUrl}${path.startsWith("/") ? path : `/${path}`}${qs ? `?${qs}` : ""}`;
}

/** Keep-alive agents; an https agent without verification exists only when asked for. */
export function agentFor(url: string, disableSslVerification: boolean): http.Agent | undefined {
    if (!url.startsWith("https:")) return undefined;
    return disableSslVerification ? new https.Agent({ keepAlive: true, rejectUnauthorized: false }) : undefined;
}

export interface SendOptions {
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: string | Buffer;
    /** Read a success body as bytes. */
    binary?: boolean;
    timeoutMs: number;
    agent?: http.Agent;
    fetch?: FetchLike;
}

export async function send(o: SendOptions): Promise<RawResponse> {
    const fetchImpl: FetchLike = o.fetch ?? (nodeFetch as unknown as FetchLike);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, o.timeoutMs);
    try {
        const res = await fetchImpl(o.url, {
            method: o.method,
            headers: o.headers,
            body: o.body,
            signal: controller.signal,
            agent: o.agent,
            redirect: "manual",
        });
        if (o.binary && res.status >= 200 && res.status < 300 && res.arrayBuffer) {
            return { status: res.status, headers: res.headers, bodyText: "", bodyBytes: Buffer.from(await res.arrayBuffer()) };
        }
        const bodyText = await res.text();
        return { status: res.status, headers: res.headers, bodyText };
    } catch (err) {
        if (timedOut) throw new NetworkFailure(`no response within ${o.timeoutMs} ms`, "ETIMEDOUT");
        const e = err as { code?: string; errno?: string; message?: string };
        const code = e.code ?? e.errno;
        throw new NetworkFailure(`connection failed${code ? ` (${code})` : ""}: ${e.message ?? String(err)}`, code);
    } finally {
        clearTimeout(timer);
    }
}
