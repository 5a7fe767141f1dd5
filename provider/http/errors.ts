/**
 * The one error type of the HTTP client. Its message reads like
 * `POST /v1/workspaces/abc/intents failed: 400 Bad Request: Invalid intent (intents[0].examples[1].text: too long)`
 * and never carries credentials: only method, path (no query), status and the service's words.
 */
import { STATUS_CODES } from "http";
import { redactText } from "./redact";
import type { ServiceErrorDetail } from "./types";

const SNIPPET_LIMIT = 200;

export interface ApiErrorInit {
    status: number;
    method: string;
    path: string;
    serviceMessage: string;
    code?: number;
    errors?: ServiceErrorDetail[];
    requestId?: string;
    /** Appended to the message, e.g. "check your credentials". */
    hint?: string;
    /** Secret values to keep out of the message. */
    secrets?: readonly string[];
    cause?: unknown;
}

export class ApiError extends Error {
    /** HTTP status; 0 when no response was received (connection error or timeout). */
    readonly status: number;
    readonly method: string;
    /** Request path without query string. */
    readonly path: string;
    /** The service's own description (`error` of the body), or what went wrong on the wire. */
    readonly serviceMessage: string;
    /** The body's `code`, when present. */
    readonly code?: number;
    /** The body's `errors[]` (constraint violations with their paths). */
    readonly errors: ServiceErrorDetail[];
    /** X-Global-Transaction-Id / X-Request-Id, for IBM support. */
    readonly requestId?: string;

    constructor(init: ApiErrorInit) {
        const secrets = init.secrets ?? [];
        const serviceMessage = redactText(init.serviceMessage, secrets);
        const errors = (init.errors ?? []).map((e) => ({ ...e, message: redactText(String(e.message ?? ""), secrets) }));
        super(renderMessage({ ...init, serviceMessage, errors }), init.cause !== undefined ? { cause: init.cause } : undefined);
        this.name = "ApiError";
        this.status = init.status;
        this.method = init.method;
        this.path = init.path;
        this.serviceMessage = serviceMessage;
        this.code = init.code;
        this.errors = errors;
        this.requestId = init.requestId;
    }
}

export function isApiError(err: unknown): err is ApiError {
    return err instanceof ApiError;
}

export function isNotFound(err: unknown): boolean {
    return isApiError(err) && err.status === 404;
}

export function isConflict(err: unknown): boolean {
    return isApiError(err) && err.status === 409;
}

/** What the service said, from a response body of any shape. */
export interface ParsedErrorBody {
    serviceMessage: string;
    code?: number;
    errors: ServiceErrorDetail[];
}

/**
 * Reads the documented `{error, code, errors[]}` body leniently; a body that is not JSON (an HTML
 * gateway page, a truncated reply) becomes a message quoting a short snippet.
 */
export function parseErrorBody(bodyText: string, contentType = ""): ParsedErrorBody {
    const text = bodyText.trim();
    if (text === "") return { serviceMessage: "(empty response body)", errors: [] };
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (e) {
        const kind = /json/i.test(contentType) || /^[[{]/.test(text) ? "unparseable JSON" : `a non-JSON body (${contentType || "no content type"})`;
        return { serviceMessage: `the service sent ${kind}: "${snippet(text)}"`, errors: [] };
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        return { serviceMessage: `unexpected error body: ${snippet(text)}`, errors: [] };
    }
    const body = parsed as Record<string, unknown>;
    const message = firstString(body.error, body.message, body.errorMessage, body.description) ?? snippet(text);
    const errors = Array.isArray(body.errors) ? body.errors.map(toDetail).filter((d): d is ServiceErrorDetail => !!d) : [];
    const code = typeof body.code === "number" ? body.code : undefined;
    return { serviceMessage: message, code, errors };
}

/** Collapsed whitespace, cut to a readable length. */
export function snippet(text: string, limit = SNIPPET_LIMIT): string {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length <= limit ? flat : `${flat.slice(0, limit)}…`;
}

function renderMessage(e: ApiErrorInit & { errors: ServiceErrorDetail[] }): string {
    const status = e.status > 0 ? `${e.status} ${STATUS_CODES[e.status] ?? ""}`.trim() + ": " : "";
    const informative = e.errors.filter((d) => d.path || d.file || d.message !== e.serviceMessage);
    const details = informative.length > 0 ? ` (${informative.map(renderDetail).join("; ")})` : "";
    const hint = e.hint ? `. ${e.hint}` : "";
    const requestId = e.requestId ? ` [request id ${e.requestId}]` : "";
    return `${e.method} ${e.path} failed: ${status}${e.serviceMessage}${details}${hint}${requestId}`;
}

function renderDetail(d: ServiceErrorDetail): string {
    const where = [d.file, d.path].filter(Boolean).join(" ");
    return where ? `${where}: ${d.message}` : d.message;
}

function toDetail(raw: unknown): ServiceErrorDetail | undefined {
    if (typeof raw === "string") return { message: raw };
    if (!raw || typeof raw !== "object") return undefined;
    const r = raw as Record<string, unknown>;
    const detail: ServiceErrorDetail = { message: firstString(r.message, r.error) ?? JSON.stringify(raw) };
    if (typeof r.path === "string") detail.path = r.path;
    if (typeof r.type === "string") detail.type = r.type;
    if (typeof r.file === "string") detail.file = r.file;
    return detail;
}

function firstString(...values: unknown[]): string | undefined {
    return values.find((v): v is string => typeof v === "string" && v.length > 0);
}
