/**
 * The one error factory of the emulator. Rules and handlers throw what these functions build, and
 * errorBody builds the documented body `{ error, code, errors: [{ message, path }] }` for every
 * error the emulator answers (core/error-response.ts wraps it in a response).
 * `ApiProblem` is constructed here only (the floors test checks it).
 */
/** One entry of `errors[]`: a message, the property path when there is one, and any extra fields. */
export interface ErrorDetail {
    message: string;
    path?: string;
    [field: string]: unknown;
}

/** A failed request: thrown by rules and handlers, caught and rendered by the core. */
export class ApiProblem extends Error {
    constructor(
        public readonly status: number,
        message: string,
        public readonly errors: ErrorDetail[],
    ) {
        super(message);
    }
}

/** Any error status; without `errors` the body repeats the message as the only entry. */
export function apiError(status: number, message: string, errors: ErrorDetail[] = []): ApiProblem {
    return new ApiProblem(status, message, errors);
}

const detail = (message: string, path?: string): ErrorDetail => ({ message, ...(path !== undefined ? { path } : {}) });

/** Shorthands: `throw notFound("Workspace abc not found")`. */
export const badRequest = (message: string, path?: string) => apiError(400, message, [detail(message, path)]);
export const notFound = (message: string) => apiError(404, message, [detail(message)]);
export const conflict = (message: string, path?: string) => apiError(409, message, [detail(message, path)]);

const STATUS_TEXT: Record<number, string> = {
    400: "Invalid request",
    401: "Unauthorized",
    404: "Resource not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request entity too large",
    415: "Unsupported Media Type",
    429: "Rate limit exceeded",
    500: "Internal server error",
    503: "Service unavailable",
};

/**
 * The documented error body. `errors` is never empty: without specific violations it repeats the
 * general message, so clients can always read errors[0].
 */
export function errorBody(status: number, message?: string, errors: ErrorDetail[] = []): { error: string; code: number; errors: ErrorDetail[] } {
    const error = message ?? STATUS_TEXT[status] ?? "Error";
    return { error, code: status, errors: errors.length > 0 ? errors : [{ message: error }] };
}
