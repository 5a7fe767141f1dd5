/**
 * A plan that will change something must not look fine when the deploy cannot reach the service or
 * the service refuses the credentials. The first planned change of a plugin process (a diff with
 * changes, the check of a new resource) makes one plain read of the configured instance
 * (`GET /v1/workspaces?page_limit=1`, a route with a large limit), and its failure fails the step
 * with what to fix (after retrying a refused connection for 10 s, not the deploy's whole budget).
 * A plan without changes calls nothing.
 */
import { describeSettings } from "../provider/config";
import { ApiError } from "../provider/http/errors";
import type { OperationContext } from "../provider/bridge/spec";

const probes = new Map<string, Promise<void>>();

/** How long the probe retries a refused connection: a preview says soon what is wrong, not after the deploy's whole retry budget. */
const PROBE_RETRY_MS = 10_000;

export function probeConnection(ctx: OperationContext): Promise<void> {
    const url = String(describeSettings(ctx.settings).url);
    let probe = probes.get(url);
    if (!probe) {
        probe = ctx.client.request({ method: "GET", api: "v1", path: "/v1/workspaces", query: { page_limit: 1 }, maxElapsedMs: PROBE_RETRY_MS })
            .then(() => undefined, (err) => { throw new Error(explain(err, url)); });
        probes.set(url, probe);
    }
    return probe;
}

function explain(err: unknown, url: string): string {
    const detail = err instanceof Error ? err.message : String(err);
    const status = err instanceof ApiError ? err.status : undefined;
    const what = status === 401 || status === 403
        ? `the service at ${url} refused the credentials (check watson-assistant:apikey, authType and iamUrl)`
        : status === 0
            ? `the service at ${url} cannot be reached (check watson-assistant:url and the network)`
            : `the service at ${url} did not answer a plain read as expected (check watson-assistant:url)`;
    return `watson-assistant: this plan has changes, but ${what}, so the deploy would fail: ${detail}`;
}
