/**
 * A tiny HTTP server on 127.0.0.1 for client tests. A default handler answers like a service (a
 * "things" collection with create/list/get, an IAM token endpoint); `enqueue` scripts what the
 * next requests get instead: a status, a raw body, a socket reset before or after the default
 * handler has "committed" the request, or no answer at all (for timeouts).
 */
import * as http from "http";
import type { AddressInfo, Socket } from "net";

export interface RecordedRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: http.IncomingHttpHeaders;
    body: any;
}

export interface Reply {
    status: number;
    body?: unknown;
    /** Sent as is instead of JSON. */
    raw?: string;
    headers?: Record<string, string>;
}

export type Step =
    | Reply
    /** Destroy the socket without processing. */
    | "reset-before"
    /** Process with the default handler (state changes), then destroy the socket. */
    | "reset-after"
    /** Never answer. */
    | "hang";

export type Handler = (req: RecordedRequest, server: ScriptedServer) => Reply;

export interface ScriptedServer {
    url: string;
    requests: RecordedRequest[];
    /** Requests other than the token endpoint. */
    apiRequests(): RecordedRequest[];
    things: { id: string; name: string }[];
    tokensIssued: string[];
    enqueue(...steps: Step[]): void;
    /** Like enqueue, but only requests with this method consume these steps. */
    enqueueFor(method: string, ...steps: Step[]): void;
    setHandler(handler: Handler): void;
    close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
    const script: { method?: string; step: Step }[] = [];
    const sockets = new Set<Socket>();
    let handler: Handler = defaultHandler;
    const state: ScriptedServer = {
        url: "",
        requests: [],
        apiRequests: () => state.requests.filter((r) => r.path !== "/identity/token"),
        things: [],
        tokensIssued: [],
        enqueue: (...steps) => script.push(...steps.map((step) => ({ step }))),
        enqueueFor: (method, ...steps) => script.push(...steps.map((step) => ({ method, step }))),
        setHandler: (h) => (handler = h),
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) s.destroy();
                server.close(() => resolve());
            }),
    };

    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const url = new URL(req.url ?? "/", "http://localhost");
            const text = Buffer.concat(chunks).toString("utf8");
            const recorded: RecordedRequest = {
                method: req.method ?? "GET",
                path: url.pathname,
                query: url.searchParams,
                headers: req.headers,
                body: parseBody(text, req.headers["content-type"]),
            };
            state.requests.push(recorded);
            const index = recorded.path === "/identity/token" ? -1 : script.findIndex((e) => !e.method || e.method === recorded.method);
            const step = index < 0 ? undefined : script.splice(index, 1)[0].step;
            if (step === "hang") return;
            if (step === "reset-before") return req.socket.destroy();
            const reply = step === undefined || step === "reset-after" ? handler(recorded, state) : step;
            if (step === "reset-after") return req.socket.destroy();
            const payload = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
            res.writeHead(reply.status, { "Content-Type": reply.raw !== undefined ? "text/html" : "application/json", ...reply.headers });
            res.end(payload);
        });
    });
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return state;
}

/** An unsigned JWT: ibm-cloud-sdk-core only decodes it to read exp/iat. */
export function fakeJwt(serial: number, ttlSeconds = 3600): string {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const iat = Math.floor(Date.now() / 1000);
    return `${b64({ alg: "none", typ: "JWT" })}.${b64({ iat, exp: iat + ttlSeconds, serial })}.sig`;
}

function defaultHandler(req: RecordedRequest, server: ScriptedServer): Reply {
    if (req.path === "/identity/token" && req.method === "POST") {
        const token = fakeJwt(server.tokensIssued.length + 1);
        server.tokensIssued.push(token);
        return { status: 200, body: { access_token: token, refresh_token: "r", token_type: "Bearer", expires_in: 3600, expiration: Math.floor(Date.now() / 1000) + 3600 } };
    }
    if (req.path === "/v1/things" && req.method === "POST") {
        if (server.things.some((t) => t.name === req.body?.name)) return { status: 409, body: { code: 409, error: "Thing already exists" } };
        const thing = { id: `id-${server.things.length + 1}`, name: req.body?.name };
        server.things.push(thing);
        return { status: 201, body: thing };
    }
    if (req.path === "/v1/things" && req.method === "GET") {
        const name = req.query.get("name");
        return { status: 200, body: { things: server.things.filter((t) => !name || t.name === name), pagination: {} } };
    }
    if (req.path.startsWith("/v1/things/") && req.method === "GET") {
        const thing = server.things.find((t) => t.name === decodeURIComponent(req.path.slice("/v1/things/".length)));
        return thing ? { status: 200, body: thing } : { status: 404, body: { code: 404, error: "Resource not found" } };
    }
    return { status: 200, body: { ok: true } };
}

function parseBody(text: string, contentType: string | undefined): unknown {
    if (!text) return undefined;
    if (contentType?.includes("json")) {
        try {
            return JSON.parse(text);
        } catch {
            return text;
        }
    }
    return text;
}
