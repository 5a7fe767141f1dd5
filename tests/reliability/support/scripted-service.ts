/**
 * A tiny HTTP service on 127.0.0.1 that answers every request with the next scripted reply
 * (status, raw body, content type), repeating the last one, and records what it was asked.
 */
import * as http from "http";
import type { AddressInfo } from "net";

export interface ScriptedReply {
    status: number;
    body: string;
    contentType?: string;
}

export interface ScriptedService {
    url: string;
    requests: string[];
    script(...replies: ScriptedReply[]): void;
    close(): Promise<void>;
}

export async function startScriptedService(): Promise<ScriptedService> {
    let replies: ScriptedReply[] = [];
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
        req.resume();
        req.on("end", () => {
            requests.push(`${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`);
            const reply = replies.length > 1 ? replies.shift()! : replies[0] ?? { status: 404, body: "" };
            res.writeHead(reply.status, { "Content-Type": reply.contentType ?? "application/json" });
            res.end(reply.body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        script: (...next) => {
            replies = next;
            requests.length = 0;
        },
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
