/** Error responses: the body from the error factory (errors.ts) with a status and headers. */
import { errorBody, type ApiProblem, type ErrorDetail } from "./errors";
import type { EmulatorResponse } from "./http-types";

export function errorResponse(status: number, message?: string, errors: ErrorDetail[] = [], headers?: Record<string, string>): EmulatorResponse {
    return { status, body: errorBody(status, message, errors), headers };
}

export function problemResponse(problem: ApiProblem): EmulatorResponse {
    return errorResponse(problem.status, problem.message, problem.errors);
}
