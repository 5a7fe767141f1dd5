/** The HTTP client's public surface, for resource modules. */
export { ApiClient } from "./client";
export type { ClientDeps } from "./client";
export { ApiError, isApiError, isConflict, isNotFound } from "./errors";
export { apiPath } from "./path";
export type { ApiVersion, ClientMetrics, HttpMethod, PaginateOptions, RequestOptions, ServiceErrorDetail } from "./types";
