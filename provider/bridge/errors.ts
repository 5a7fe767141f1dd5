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

    constructor(
        message: string,
        readonly id: string,
        outs: Record<string, unknown>,
        override readonly cause?: unknown,
    ) {
        super(message);
        this.properties = outs;
        this.reasons = [message];
    }
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
