import type { EmulatorRequest } from "./http-types";

/** `customer_id=...` of the X-Watson-Metadata header labels logged data (DELETE .../user_data). */
export function customerId(req: EmulatorRequest): string | undefined {
    const raw = req.headers["x-watson-metadata"];
    const header = Array.isArray(raw) ? raw[0] : raw;
    return header === undefined ? undefined : /(?:^|;)\s*customer_id=([^;]+)/.exec(header)?.[1]?.trim();
}
