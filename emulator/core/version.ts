import { apiError } from "./errors";

/** `version=YYYY-MM-DD` is required on every /v1 and /v2 call. */
export function checkVersionParameter(query: URLSearchParams): void {
    const version = query.get("version");
    if (version === null || version === "") {
        throw apiError(400, "Missing required query parameter: version", [
            { message: "The version query parameter is required (format YYYY-MM-DD)", path: "version" },
        ]);
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(version);
    const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
    const real = date !== undefined && date.getUTCMonth() === +match![2] - 1 && date.getUTCDate() === +match![3];
    if (!real) {
        throw apiError(400, `Invalid value for version: "${version}"`, [
            { message: "version must be a date in the format YYYY-MM-DD", path: "version" },
        ]);
    }
}
