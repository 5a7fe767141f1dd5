/**
 * The v1 API's documented limits, declared once as data: the rate limit of each bucket of methods
 * (per service instance; seed 002 "Rate limiting", IBM's SDK docstrings: shared/notes/service-limits.md)
 * and the size a synchronous workspace write accepts. Requests name their bucket
 * (RequestOptions.bucket), so the client records what the service says is left of it, and the
 * workspace planner's cost model (resources/workspace/cost.ts) prices calls with these figures.
 */

export interface RateLimit {
    /** Calls accepted per window. */
    calls: number;
    windowSeconds: number;
}

const PER_30_MIN = 1800;
const PER_5_MIN = 300;

export const V1_RATE_LIMITS = {
    /** Create, update and delete workspace, synchronous or asynchronous. */
    workspaceWrites: { calls: 30, windowSeconds: PER_30_MIN },
    /** Get workspace with `export=true`, and the asynchronous export. */
    workspaceExports: { calls: 20, windowSeconds: PER_30_MIN },
    /** Get workspace without export (status, `updated`, settings). */
    workspaceReads: { calls: 6000, windowSeconds: PER_5_MIN },
    /** List workspaces. */
    workspaceLists: { calls: 500, windowSeconds: PER_30_MIN },
    /** Intents: list, create, update, delete. */
    intents: { calls: 2000, windowSeconds: PER_30_MIN },
    /** List (or get) intents with `export=true`: with their examples. */
    intentExports: { calls: 400, windowSeconds: PER_30_MIN },
    /** Entities: list, create, update, delete. */
    entities: { calls: 1000, windowSeconds: PER_30_MIN },
    /** List (or get) entities with `export=true`: with their values. */
    entityExports: { calls: 200, windowSeconds: PER_30_MIN },
    /** Examples, counterexamples, values, synonyms: create, update, delete. */
    subelementWrites: { calls: 1000, windowSeconds: PER_30_MIN },
    /** Dialog nodes: create, update, delete. */
    dialogNodeWrites: { calls: 500, windowSeconds: PER_30_MIN },
    /** Lists of examples, counterexamples, values, synonyms, dialog nodes. */
    subelementLists: { calls: 2500, windowSeconds: PER_30_MIN },
    /** Get of one element. */
    elementReads: { calls: 6000, windowSeconds: PER_5_MIN },
} as const satisfies Record<string, RateLimit>;

export type Bucket = keyof typeof V1_RATE_LIMITS;

/**
 * The largest body a synchronous workspace create or update accepts (1.5 MB, ibm-watson 12.x);
 * larger ones go through `/v1/workspaces_async` (up to the 50 MB maximum).
 */
export const MAX_SYNC_WORKSPACE_BYTES = 1_572_864;
