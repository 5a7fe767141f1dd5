/**
 * What the core hands every route: the state, the options, a clock and an id source. The core is
 * generic over the state's shape `S`; the areas (emulator/v1, emulator/v2) say which slice they
 * read, and emulator/state.ts, above them, joins the slices into the whole.
 */

export interface EmulatorContext<S> {
    /** The whole mutable state; areas change it in place. Persisted after each mutating request. */
    state: S;
    options: ResolvedEmulatorOptions;
    /** Milliseconds since epoch (injectable for tests). */
    now(): number;
    /** A new unique id (uuid-like). */
    newId(): string;
}

export interface EmulatorOptions {
    /** 0 (default) picks a free port. */
    port?: number;
    /** Keep state across restarts in this folder. */
    dataDir?: string;
    auth?: "none" | "apikey";
    apikey?: string;
    /** Lifetime of IAM access tokens issued by /identity/token (default 3600). */
    tokenTtlSeconds?: number;
    /** Added to every response. */
    latencyMs?: number;
    /** How long releases, skill updates and workspace training stay in progress (default 0). */
    asyncDelayMs?: number;
    /** Enforce the documented rate limits (default true, as the service does); false turns them off. */
    rateLimits?: boolean;
    /** Fault spec, see emulator/README.md. */
    faults?: string;
    /**
     * Service seconds per wall-clock second for rate-limit windows (default 1): at 600 a 30-minute
     * window lasts 3 s, so tests and the bench run under the real limits without stalling.
     */
    clockScale?: number;
    /** Clock in ms since epoch (default Date.now); tests inject one to expire tokens or finish async work. */
    now?: () => number;
}

export type ResolvedEmulatorOptions = Required<
    Omit<EmulatorOptions, "dataDir" | "apikey" | "faults" | "now">
> & {
    dataDir?: string;
    apikey?: string;
    faults?: string;
    now?: () => number;
};
