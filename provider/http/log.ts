/**
 * Debug logging of requests and responses, on when WATSON_ASSISTANT_DEBUG=1 or DEBUG mentions
 * watson-assistant. Lines go to stderr (stdout belongs to the plugin protocol) and are redacted.
 */
import { redactText, redactValue } from "./redact";

export type LogSink = (line: string) => void;

const BODY_LIMIT = 2_000;
const PARSE_LIMIT = 200_000;

export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
    const flag = (env.WATSON_ASSISTANT_DEBUG ?? "").toLowerCase();
    if (flag && !["0", "false", "no", "off"].includes(flag)) return true;
    return (env.DEBUG ?? "").split(/[\s,]+/).some((p) => p === "*" || p === "watson-assistant" || p === "watson-assistant:*");
}

export function stderrSink(line: string): void {
    process.stderr.write(`[watson-assistant] ${line}\n`);
}

/** A sink that redacts every line (known secret values included) before writing it. */
export function redactingSink(sink: LogSink, secrets: readonly string[]): LogSink {
    return (line) => sink(redactText(line, secrets));
}

/** A body rendered for a log line: secret fields redacted, JSON compact, long bodies truncated. */
export function describeBody(body: unknown): string {
    if (body === undefined) return "";
    // Huge bodies (workspace exports) are cut before parsing; the sink still redacts the text.
    if (typeof body === "string" && body.length > PARSE_LIMIT) return truncate(body, BODY_LIMIT);
    const text = JSON.stringify(redactValue(typeof body === "string" ? parseOrKeep(body) : body));
    return truncate(text, BODY_LIMIT);
}

export function truncate(text: string, limit: number): string {
    return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more chars)`;
}

function parseOrKeep(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
