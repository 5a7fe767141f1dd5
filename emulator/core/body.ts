import type { IncomingMessage } from "http";
import { badRequest } from "./errors";

/** The documented maximum request body size. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export class BodyTooLarge extends Error {}

/** Reads the raw body; rejects with BodyTooLarge as soon as it passes the limit. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers["content-length"]);
        if (Number.isFinite(declared) && declared > limit) {
            reject(new BodyTooLarge());
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                req.removeAllListeners("data");
                reject(new BodyTooLarge());
                return;
            }
            chunks.push(chunk);
        });
        req.on("end", () => resolve(Buffer.concat(chunks)));
        req.on("error", reject);
    });
}

/** JSON by default; form-encoded bodies (the IAM token endpoint) become a string map. */
export function parseBody(raw: Buffer, contentType: string | undefined): any {
    if (raw.length === 0) return undefined;
    if (/application\/(octet-stream|zip)/i.test(contentType ?? "")) return raw;
    const text = raw.toString("utf8");
    if (/application\/x-www-form-urlencoded/i.test(contentType ?? "")) {
        return Object.fromEntries(new URLSearchParams(text));
    }
    if (text.trim() === "") return undefined;
    try {
        return JSON.parse(text);
    } catch (err) {
        const message = `Invalid JSON in request body: ${(err as Error).message}`;
        throw badRequest(message, "body");
    }
}
