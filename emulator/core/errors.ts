import type { EmulatorResponse } from "./http-types";

/** Throw from a handler; the core renders the documented `{error, code, errors[]}` body. */
export class ApiProblem extends Error {
    constructor(
        public readonly status: number,
        message: string,
        public readonly errors: { message: string; path?: string }[] = [],
    ) {
        super(message);
    }
}

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
 * The documented error body `{ error, code, errors: [{ message, path }] }`. `errors` is never empty:
 * without specific violations it repeats the general message, so clients can always read errors[0].
 */
export function errorResponse(
    status: number,
    message?: string,
    errors: { message: string; path?: string }[] = [],
    headers?: Record<string, string>,
): EmulatorResponse {
    const error = message ?? STATUS_TEXT[status] ?? "Error";
    const details = errors.length > 0 ? errors : [{ message: error }];
    return { status, body: { error, code: status, errors: details }, headers };
}

export function problemResponse(problem: ApiProblem): EmulatorResponse {
    return errorResponse(problem.status, problem.message, problem.errors);
}

/** Shorthands for handlers: `throw notFound("Workspace abc not found")`. */
export const badRequest = (message: string, path?: string) =>
    new ApiProblem(400, message, [{ message, ...(path !== undefined ? { path } : {}) }]);
export const notFound = (message: string) => new ApiProblem(404, message, [{ message }]);
export const conflict = (message: string, path?: string) =>
    new ApiProblem(409, message, [{ message, ...(path !== undefined ? { path } : {}) }]);
