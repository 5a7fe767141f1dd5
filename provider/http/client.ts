/**
 * The HTTP client every resource uses. One `request` = auth headers + version date + JSON, repeated
 * on retryable outcomes with backoff. Creates (`idempotent: false`) are never repeated blindly: an
 * unknown outcome first asks `reconcile()` whether the object exists.
 */
import type { ConnectionSettings } from "../config";
import { settingsSecrets } from "../config";
import { AuthSession } from "../auth";
import { ApiError, ApiErrorInit, parseErrorBody, snippet } from "./errors";
import { debugEnabled, describeBody, LogSink, redactingSink, stderrSink } from "./log";
import { nextPageQuery, pageItems, Query } from "./pagination";
import { type Budget, RateBudgets } from "./rate-budgets";
import { redactText } from "./redact";
import { AttemptOutcome, backoffDelay, outcomeOfNetworkError, outcomeOfStatus, serverRequestedDelay } from "./retry";
import { agentFor, buildUrl, FetchLike, NetworkFailure, send } from "./transport";
import type { ClientMetrics, PaginateOptions, RequestOptions } from "./types";

export interface ClientDeps {
    fetch?: FetchLike;
    sleep?(ms: number): Promise<void>;
    random?(): number;
    now?(): number;
    /** Debug log sink; when given, logging is on regardless of the environment (lines are redacted). */
    log?(line: string): void;
}

type Attempt =
    | { ok: true; value: unknown }
    | { ok: false; error: ApiErrorInit; outcome: AttemptOutcome; requestedDelayMs?: number };

const DEFAULT_MAX_PAGES = 10_000;

export class ApiClient {
    readonly metrics: ClientMetrics = { requests: 0, retries: 0, reconciled: 0, throttled: 0 };
    /** The rate-limit windows the service reported, per bucket (RequestOptions.bucket). */
    private readonly budgets = new RateBudgets();
    private readonly auth: AuthSession;
    private readonly secrets: string[];
    private readonly agent: ReturnType<typeof agentFor>;
    private readonly log?: LogSink;
    private readonly sleep: (ms: number) => Promise<void>;
    private readonly random: () => number;
    private readonly now: () => number;

    constructor(
        readonly settings: ConnectionSettings,
        private readonly deps: ClientDeps = {},
    ) {
        this.auth = AuthSession.shared(settings);
        this.secrets = settingsSecrets(settings);
        this.agent = agentFor(settings.url, settings.disableSslVerification);
        const sink = deps.log ?? (debugEnabled() ? stderrSink : undefined);
        this.log = sink ? redactingSink(sink, this.secrets) : undefined;
        this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.random = deps.random ?? Math.random;
        this.now = deps.now ?? Date.now;
    }

    async request<T>(opts: RequestOptions): Promise<T> {
        const policy = this.settings.retry;
        const idempotent = opts.idempotent ?? true;
        const started = this.now();
        let refreshedAfter401 = false;
        let mustReconcile = false;
        for (let attemptNo = 1; ; attemptNo++) {
            if (mustReconcile) {
                const found = await this.reconcile(opts);
                if (found !== undefined) return found as T;
                mustReconcile = false;
            }
            if (attemptNo > 1) this.metrics.retries++;
            const result = await this.attempt(opts);
            if (result.ok) return result.value as T;
            const { error, outcome } = result;

            if (error.status === 401) {
                if (!refreshedAfter401 && this.auth.canRefresh) {
                    refreshedAfter401 = true;
                    this.auth.refresh();
                    this.log?.(`401 on ${opts.method} ${opts.path}: refreshing the token and retrying once`);
                    continue;
                }
                throw this.error(error, credentialsHint(this.settings));
            }
            if (error.status === 403) throw this.error(error, "The credentials are valid but lack access: check the service access role of the API key or user");
            if (outcome === "final") throw this.error(error);

            if (outcome === "unknown" && !idempotent) {
                if (!opts.reconcile) {
                    throw this.error(error, "Not retried: the create may have taken effect and no lookup was given to check");
                }
                mustReconcile = true;
            }
            const elapsed = this.now() - started;
            const remaining = Math.min(policy.maxElapsedMs, opts.maxElapsedMs ?? Infinity) - elapsed;
            // Our own backoff ends at the budget: the last retry comes when it is spent, not before.
            const delay = Math.max(result.requestedDelayMs ?? 0, Math.min(backoffDelay(attemptNo, policy, this.random), remaining));
            // A refused connection or a 429 did nothing: retried for the whole time budget (a short
            // outage survives); maxAttempts caps the outcomes that may have taken effect.
            const outOfAttempts = outcome !== "not-processed" && attemptNo >= policy.maxAttempts;
            if (outOfAttempts || remaining <= 0 || delay > remaining) {
                if (mustReconcile) {
                    const found = await this.reconcile(opts);
                    if (found !== undefined) return found as T;
                }
                throw this.error(error, `Gave up after ${attemptNo} attempt(s) in ${Math.round(elapsed / 1000)} s`);
            }
            this.log?.(`retry ${attemptNo + 1}/${policy.maxAttempts} of ${opts.method} ${opts.path} in ${delay} ms after ${error.status || error.serviceMessage}`);
            await this.sleep(delay);
        }
    }

    /** What is left of `bucket`'s window as the service last reported it; undefined when unknown or the window has ended. */
    budget(bucket: string): Budget | undefined {
        return this.budgets.known(bucket, this.now());
    }

    /** All items of a list endpoint, following `pagination.next_url` / `next_cursor`. */
    async paginate<T>(opts: PaginateOptions): Promise<T[]> {
        const items: T[] = [];
        let query: Query | undefined = { ...opts.query };
        const seen = new Set<string>();
        for (let page = 0; query && page < (opts.maxPages ?? DEFAULT_MAX_PAGES); page++) {
            const body = await this.request<unknown>({ method: "GET", api: opts.api, path: opts.path, query, bucket: opts.bucket });
            items.push(...pageItems<T>(body, opts.itemsKey, `GET ${opts.path}`));
            seen.add(JSON.stringify(query));
            query = nextPageQuery(body, query);
            if (query && seen.has(JSON.stringify(query))) {
                throw new Error(`GET ${opts.path}: the service returned the same page cursor twice; stopping to avoid a loop`);
            }
        }
        return items;
    }

    private async attempt(opts: RequestOptions): Promise<Attempt> {
        const base = { method: opts.method, path: opts.path, secrets: this.secrets };
        let authHeaders: Record<string, string>;
        try {
            authHeaders = await this.auth.authHeaders();
        } catch (err) {
            return this.tokenFailure(base, err);
        }
        const version = opts.api === "v1" ? this.settings.versionV1 : this.settings.versionV2;
        const url = buildUrl(this.settings.url, opts.path, { ...opts.query, version });
        const body = opts.binaryBody?.data ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
        const headers: Record<string, string> = {
            Accept: opts.binaryResponse ?? "application/json",
            "User-Agent": "pulumi-watson-assistant",
            ...(body !== undefined ? { "Content-Type": opts.binaryBody?.contentType ?? "application/json" } : {}),
            ...(this.settings.learningOptOut ? { "X-Watson-Learning-Opt-Out": "true" } : {}),
            ...authHeaders,
        };
        const sent = opts.binaryBody ? `(${opts.binaryBody.data.length} bytes ${opts.binaryBody.contentType})` : body !== undefined ? describeBody(opts.body) : "";
        this.log?.(`-> ${opts.method} ${opts.path}${sent ? ` ${sent}` : ""}`);
        this.metrics.requests++;
        const startedAt = this.now();
        try {
            const res = await send({
                url, method: opts.method, headers, body, binary: opts.binaryResponse !== undefined,
                timeoutMs: opts.timeoutMs ?? this.settings.timeoutMs, agent: this.agent, fetch: this.deps.fetch,
            });
            if (res.bodyBytes) {
                this.log?.(`<- ${res.status} ${opts.method} ${opts.path} ${this.now() - startedAt} ms (${res.bodyBytes.length} bytes)`);
                return { ok: true, value: res.bodyBytes };
            }
            if (opts.bucket) this.budgets.record(opts.bucket, res.headers, this.now());
            const requestId = res.headers.get("x-global-transaction-id") ?? res.headers.get("x-request-id") ?? undefined;
            this.log?.(`<- ${res.status} ${opts.method} ${opts.path} ${this.now() - startedAt} ms ${describeBody(res.bodyText)}`);
            if (res.status >= 200 && res.status < 300) return this.success(base, res.status, res.bodyText, res.headers.get("content-type") ?? "", requestId, opts.expect);
            if (res.status === 429) this.metrics.throttled++;
            const parsed = parseErrorBody(res.bodyText, res.headers.get("content-type") ?? "");
            return {
                ok: false,
                error: { ...base, status: res.status, ...parsed, requestId },
                outcome: outcomeOfStatus(res.status),
                requestedDelayMs: serverRequestedDelay(res.headers, this.now()),
            };
        } catch (err) {
            if (!(err instanceof NetworkFailure)) throw err;
            this.log?.(`<- no response for ${opts.method} ${opts.path} after ${this.now() - startedAt} ms: ${err.message}`);
            return { ok: false, error: { ...base, status: 0, serviceMessage: `no response: ${err.message}` }, outcome: outcomeOfNetworkError(err.code) };
        }
    }

    private success(base: Omit<ApiErrorInit, "status" | "serviceMessage">, status: number, bodyText: string, contentType: string, requestId?: string, expect: string[] = []): Attempt {
        try {
            const value = bodyText.trim() === "" ? undefined : JSON.parse(bodyText);
            const missing = expect.filter((field) => !value || typeof value !== "object" || value[field] === undefined || value[field] === null || value[field] === "");
            if (missing.length === 0) return { ok: true, value };
            const serviceMessage = `unexpected answer ${status} without ${missing.map((f) => `"${f}"`).join(", ")}: "${snippet(bodyText)}"`;
            return { ok: false, error: { ...base, status, serviceMessage, requestId }, outcome: "unknown" };
        } catch {
            // A garbled success body (cut connection, proxy page): the call may well have happened.
            const serviceMessage = `the service answered ${status} with ${/json/i.test(contentType) ? "unparseable JSON" : `a non-JSON body (${contentType || "no content type"})`}: "${snippet(bodyText)}"`;
            return { ok: false, error: { ...base, status, serviceMessage, requestId }, outcome: "unknown" };
        }
    }

    /** The token exchange failed: bad credentials are final, an unreachable or failing IAM is retried. */
    private tokenFailure(base: Omit<ApiErrorInit, "status" | "serviceMessage">, err: unknown): Attempt {
        const e = err as { status?: number; statusText?: string; message?: string; code?: string };
        const status = typeof e.status === "number" ? e.status : 0;
        const serviceMessage = `token exchange (${this.settings.authType}) failed: ${redactText(e.message ?? String(err), this.secrets)}`;
        this.log?.(serviceMessage);
        const outcome: AttemptOutcome = status === 0 || status === 429 || status >= 500 ? "not-processed" : "final";
        const error = { ...base, status: outcome === "final" && status !== 403 ? 401 : status, serviceMessage };
        return { ok: false, error, outcome };
    }

    private async reconcile(opts: RequestOptions): Promise<unknown> {
        this.log?.(`outcome of ${opts.method} ${opts.path} unknown: looking the object up before any retry`);
        try {
            const found = await opts.reconcile!();
            if (found !== undefined && found !== null) {
                this.metrics.reconciled++;
                this.log?.(`${opts.method} ${opts.path} had taken effect: using the existing object`);
                return found;
            }
            return undefined;
        } catch (err) {
            throw new ApiError({
                method: opts.method,
                path: opts.path,
                status: 0,
                serviceMessage: "the outcome of the request is unknown and looking the object up failed",
                hint: (err as Error).message,
                secrets: this.secrets,
                cause: err,
            });
        }
    }

    private error(init: ApiErrorInit, hint?: string): ApiError {
        return new ApiError({ ...init, hint: [init.hint, hint].filter(Boolean).join(". ") || undefined });
    }
}

function credentialsHint(s: ConnectionSettings): string {
    const where: Record<ConnectionSettings["authType"], string> = {
        iam: "watson-assistant:apikey / ASSISTANT_APIKEY (and iamUrl)",
        bearertoken: "watson-assistant:bearerToken / ASSISTANT_BEARER_TOKEN (it may have expired)",
        basic: "watson-assistant:username and password / ASSISTANT_USERNAME, ASSISTANT_PASSWORD",
        cp4d: "watson-assistant:username, password or apikey, and iamUrl",
        noauth: "watson-assistant:authType is noauth but the service requires credentials",
    };
    return `Authentication was refused: check your credentials (${where[s.authType]})`;
}
