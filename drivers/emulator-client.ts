/**
 * A small JSON client of the emulator for the tests, the demo and the bench: raw HTTP outside the
 * provider, as someone using other tooling would call the service. Every call is counted in the
 * emulator's stats except those to its admin routes (/emulator/...), so callers take their request
 * figures before reading.
 */
import fetch, { type Headers } from "node-fetch";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2 } from "../provider/config";
import { serverRequestedDelay } from "../provider/http/retry";

/**
 * The longest wait a must-succeed call sits out on a 429 (a window shortened by the emulator's
 * clockScale); a longer one fails the call at once, as the service's half-hour window would.
 */
const MAX_RATE_LIMIT_WAIT_MS = 10_000;
/** At most this many such waits per call (injected 429 faults would otherwise repeat for ever). */
const MAX_RATE_LIMIT_RETRIES = 10;

export interface Reply {
    status: number;
    /** The parsed JSON body; undefined when the body is empty. */
    body: any;
    headers: Headers;
}

export interface CallOptions {
    body?: unknown;
    headers?: Record<string, string>;
    /** The `version` date; `null` sends none. Default: the client's, else the provider's for the path's API. */
    version?: string | null;
    query?: Record<string, string | number | boolean>;
}

export interface EmulatorClientOptions {
    /** Sent as basic auth (`apikey:<key>`), the way IBM's API keys are documented to work. */
    apikey?: string;
    /** The `version` date of every call that names none (default: per API, v1 or v2). */
    version?: string;
}

export class EmulatorClient {
    private readonly auth: Record<string, string>;

    constructor(readonly url: string, private readonly options: EmulatorClientOptions = {}) {
        this.auth = options.apikey ? { Authorization: `Basic ${Buffer.from(`apikey:${options.apikey}`).toString("base64")}` } : {};
    }

    /** Any call, whatever its status; a `version` already in the path is kept. */
    async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
        const url = new URL(path, this.url);
        const version = options.version === undefined ? this.defaultVersion(path) : options.version;
        if (version !== null && !url.searchParams.has("version")) url.searchParams.set("version", version);
        for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
        const headers: Record<string, string> = { ...this.auth, ...options.headers };
        if (options.body !== undefined) headers["Content-Type"] = "application/json";
        const response = await fetch(url.toString(), {
            method,
            headers,
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
        const text = await response.text();
        return { status: response.status, body: text === "" ? undefined : JSON.parse(text), headers: response.headers };
    }

    /**
     * A call that must succeed: its body, or an error naming the call, the status and the body. A 429
     * is waited out as its headers say when that is short (under a clock scale), like any client would.
     */
    async request(method: string, path: string, body?: unknown, query?: Record<string, string>): Promise<any> {
        let reply = await this.call(method, path, { body, query });
        for (let retry = 1, wait = rateLimitWait(reply); wait !== undefined && retry <= MAX_RATE_LIMIT_RETRIES; retry++, wait = rateLimitWait(reply)) {
            await new Promise((resolve) => setTimeout(resolve, wait));
            reply = await this.call(method, path, { body, query });
        }
        if (reply.status >= 300) {
            throw Object.assign(new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`), { status: reply.status });
        }
        return reply.body;
    }

    get(path: string, query?: Record<string, string>): Promise<any> {
        return this.request("GET", path, undefined, query);
    }

    post(path: string, body: unknown): Promise<any> {
        return this.request("POST", path, body);
    }

    async delete(path: string): Promise<void> {
        await this.request("DELETE", path);
    }

    /** Every item of a paginated list (cursor pagination, 500 a page). */
    async list(path: string, itemsKey: string): Promise<any[]> {
        const items: any[] = [];
        let cursor: string | undefined;
        do {
            const page = await this.get(path, { page_limit: "500", ...(cursor ? { cursor } : {}) });
            items.push(...(page[itemsKey] ?? []));
            cursor = page.pagination?.next_cursor;
        } while (cursor);
        return items;
    }

    /** POST to an emulator admin route (no version date; not counted in the stats). */
    async admin(path: string, body: unknown): Promise<any> {
        const reply = await this.call("POST", path, { body, version: null });
        if (reply.status >= 300) throw new Error(`admin ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
        return reply.body;
    }

    private defaultVersion(path: string): string {
        return this.options.version ?? (path.startsWith("/v1") ? DEFAULT_VERSION_V1 : DEFAULT_VERSION_V2);
    }
}

/** How long to wait before repeating a call refused with 429, when that wait is short enough. */
function rateLimitWait(reply: Reply): number | undefined {
    if (reply.status !== 429) return undefined;
    const wait = serverRequestedDelay(reply.headers, Date.now());
    return wait !== undefined && wait <= MAX_RATE_LIMIT_WAIT_MS ? wait : undefined;
}
