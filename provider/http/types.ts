/** Shapes shared by the HTTP client and its users. */

export type ApiVersion = "v1" | "v2";
export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT";

export interface RequestOptions {
    method: HttpMethod;
    /** Which API the path belongs to: selects the `version` date query parameter. */
    api: ApiVersion;
    /** Path below the service URL, e.g. `/v1/workspaces/abc/intents`. Segments must be encoded by the caller (use `path` helper). */
    path: string;
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    /**
     * Whether repeating the request after an unknown outcome (5xx, reset, timeout) is safe.
     * Default: true for GET, DELETE and updates; creates must say false and pass `reconcile`.
     */
    idempotent?: boolean;
    /**
     * For non-idempotent creates: called when the outcome of an attempt is unknown, before any
     * retry. Returns the object if the attempt did take effect (found by natural key or marker),
     * which then becomes the result instead of a second create.
     */
    reconcile?: () => Promise<unknown | undefined>;
    /**
     * Fields a success body must carry (e.g. `["workspace_id"]` for a create). A body without them
     * is an unexpected answer whose outcome is unknown: reconciled for creates, retried otherwise.
     */
    expect?: string[];
    /**
     * The rate-limit bucket the request spends (a name the caller's limits table declares, e.g.
     * "workspaceWrites"): the client records the answer's X-RateLimit-* headers under it
     * (ApiClient.budgets).
     */
    bucket?: string;
    /** Request timeout in ms (default from settings). */
    timeoutMs?: number;
    /** A shorter retry budget than the settings' maxRetryElapsedMs (a probe that must answer soon). */
    maxElapsedMs?: number;
    /** Send these bytes as the body instead of JSON (e.g. a release archive to import). */
    binaryBody?: { data: Buffer; contentType: string };
    /** Ask for this media type and return the success body as a Buffer (e.g. `application/zip`). */
    binaryResponse?: string;
}

/** One entry of the service's `errors[]`. */
export interface ServiceErrorDetail {
    message: string;
    path?: string;
    /** Seen in import errors, e.g. "schema_validation". */
    type?: string;
    /** Seen in import errors, e.g. "dialog-skill.json". */
    file?: string;
}

/** What ApiClient.paginate needs. */
export interface PaginateOptions {
    api: ApiVersion;
    path: string;
    query?: Record<string, string | number | boolean | undefined>;
    /** Property of each page holding the items, e.g. "intents". */
    itemsKey: string;
    /** The rate-limit bucket every page spends (RequestOptions.bucket). */
    bucket?: string;
    /** Stop after this many pages (guards against a service that never ends). Default 10,000. */
    maxPages?: number;
}

/** Counters of one client, for tests, benchmarks and the demo. */
export interface ClientMetrics {
    /** HTTP attempts sent (retries included). */
    requests: number;
    /** Attempts repeated after a retryable outcome. */
    retries: number;
    /** Creates whose unknown outcome was resolved by reconcile() finding the object. */
    reconciled: number;
    /** 429 answers received. */
    throttled: number;
}
