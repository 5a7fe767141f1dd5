/** API calls made during one demo step, from the emulator's per-route counters. */
import type { EmulatorStats } from "watson-assistant-emulator";

export interface CallCount {
    route: string;
    count: number;
}

/** Calls by route (most first, then by route), skipping the IAM token endpoint. */
export function callsByRoute(stats: EmulatorStats): CallCount[] {
    return Object.entries(stats.byRoute)
        .filter(([route]) => !route.endsWith("/identity/token"))
        .map(([route, count]) => ({ route, count }))
        .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
}

export function totalCalls(calls: CallCount[]): number {
    return calls.reduce((sum, c) => sum + c.count, 0);
}

/** "12 (7 GET, 4 POST, 1 DELETE)" */
export function summarizeCalls(calls: CallCount[]): string {
    const byMethod = new Map<string, number>();
    for (const { route, count } of calls) {
        const method = route.split(" ")[0];
        byMethod.set(method, (byMethod.get(method) ?? 0) + count);
    }
    const parts = [...byMethod].map(([method, n]) => `${n} ${method}`);
    return `${totalCalls(calls)}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/** Only the calls that change something. */
export function writes(calls: CallCount[]): CallCount[] {
    return calls.filter((c) => !c.route.startsWith("GET "));
}
