/**
 * Errors a resource operation can raise to tell the engine what did happen.
 *
 * A create or update that failed half-way must not be forgotten: the engine records the object
 * and the properties carried by a `PartialFailure` (the dynamic-provider server turns `id` and
 * `properties` into ErrorResourceInitFailed), so that the next `up` reconciles instead of creating
 * a duplicate, and state never claims content the service does not have.
 */
export class PartialFailure extends Error {
    /** Read by @pulumi/pulumi's dynamic-provider server. */
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    /**
     * @param rereadable properties the next update reads from the service when the state lacks
     *   them; they are left out when the properties would not fit in the error trailer.
     */
    constructor(
        message: string,
        readonly id: string,
        outs: Record<string, unknown>,
        override readonly cause?: unknown,
        rereadable: readonly string[] = [],
    ) {
        super(message);
        this.properties = fitTrailer(outs, rereadable);
        this.reasons = [message];
    }
}

/**
 * Largest JSON size of a partial failure's properties. The plugin sends them in the gRPC error
 * trailer (grpc-status-details-bin, base64), and an HTTP/2 header block of more than about 64 KB
 * never reaches a Node (grpc-js) client: the call hangs and the engine records nothing, so the
 * next `up` would create a second object. 32 KB leaves room for the encoding.
 */
export const PARTIAL_PROPERTIES_MAX_BYTES = 32 * 1024;

function fitTrailer(outs: Record<string, unknown>, rereadable: readonly string[]): Record<string, unknown> {
    if (rereadable.length === 0 || Buffer.byteLength(JSON.stringify(outs)) <= PARTIAL_PROPERTIES_MAX_BYTES) return outs;
    return Object.fromEntries(Object.entries(outs).filter(([key]) => !rereadable.includes(key)));
}

/** Prefixes an error with the resource it concerns, keeping any partial-failure payload. */
export function describeFailure(type: string, operation: string, id: string | undefined, err: unknown): Error {
    const base = err instanceof Error ? err : new Error(String(err));
    const where = id ? `${type} ${id}` : type;
    const message = `${operation} ${where} failed: ${base.message}`;
    if (base instanceof PartialFailure) {
        const wrapped = new PartialFailure(message, base.id, base.properties, base.cause);
        return wrapped;
    }
    const wrapped = new Error(message);
    (wrapped as any).cause = base;
    return wrapped;
}
