/**
 * Reads the emulator's content the way an auditor would: raw HTTP with the emulator's API key,
 * outside the provider. Every read here is counted in the emulator's stats, so callers take their
 * request figures before reading.
 */
import fetch from "node-fetch";

export interface ServiceReader {
    get(path: string, query?: Record<string, string>): Promise<any>;
    /** Every item of a paginated list. */
    list(path: string, itemsKey: string): Promise<any[]>;
    /** POST to an emulator admin route. */
    admin(path: string, body: unknown): Promise<any>;
}

export const V1 = "2021-11-27";
export const V2 = "2024-08-25";

export function serviceReader(url: string, apikey?: string): ServiceReader {
    const headers: Record<string, string> = apikey ? { Authorization: `Basic ${Buffer.from(`apikey:${apikey}`).toString("base64")}` } : {};
    const get = async (path: string, query: Record<string, string> = {}) => {
        const version = path.startsWith("/v1") ? V1 : V2;
        const qs = new URLSearchParams({ version, ...query }).toString();
        const res = await fetch(`${url}${path}${path.includes("?") ? "&" : "?"}${qs}`, { headers });
        const body = await res.json();
        if (!res.ok) throw Object.assign(new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`), { status: res.status });
        return body;
    };
    return {
        get,
        async list(path, itemsKey) {
            const items: any[] = [];
            let cursor: string | undefined;
            do {
                const page = await get(path, { page_limit: "500", ...(cursor ? { cursor } : {}) });
                items.push(...(page[itemsKey] ?? []));
                cursor = page.pagination?.next_cursor;
            } while (cursor);
            return items;
        },
        async admin(path, body) {
            const res = await fetch(`${url}${path}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
            const json = await res.json();
            if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${JSON.stringify(json)}`);
            return json;
        },
    };
}
