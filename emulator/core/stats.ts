export interface EmulatorStats {
    total: number;
    byRoute: Record<string, number>;
    byMethod: Record<string, number>;
    byStatus: Record<string, number>;
    bytesReceived: number;
    bytesSent: number;
    faultsInjected: number;
    rateLimited: number;
}

export function emptyStats(): EmulatorStats {
    return { total: 0, byRoute: {}, byMethod: {}, byStatus: {}, bytesReceived: 0, bytesSent: 0, faultsInjected: 0, rateLimited: 0 };
}

/** Counts API traffic (never the /emulator admin routes). */
export class StatsRecorder {
    private stats = emptyStats();

    record(entry: { method: string; routeKey: string; status?: number; bytesReceived: number; bytesSent: number }): void {
        const stats = this.stats;
        stats.total++;
        stats.byRoute[entry.routeKey] = (stats.byRoute[entry.routeKey] ?? 0) + 1;
        stats.byMethod[entry.method] = (stats.byMethod[entry.method] ?? 0) + 1;
        // A connection reset has no status; it is counted under "reset".
        const statusKey = entry.status === undefined ? "reset" : String(entry.status);
        stats.byStatus[statusKey] = (stats.byStatus[statusKey] ?? 0) + 1;
        stats.bytesReceived += entry.bytesReceived;
        stats.bytesSent += entry.bytesSent;
    }

    countFault(): void {
        this.stats.faultsInjected++;
    }

    countRateLimited(): void {
        this.stats.rateLimited++;
    }

    snapshot(): EmulatorStats {
        return JSON.parse(JSON.stringify(this.stats));
    }

    reset(): void {
        this.stats = emptyStats();
    }
}
