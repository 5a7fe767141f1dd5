export interface EmulatorStats {
    total: number;
    byRoute: Record<string, number>;
    byMethod: Record<string, number>;
    byStatus: Record<string, number>;
    bytesReceived: number;
    bytesSent: number;
    faultsInjected: number;
    /** 429s of the rate limiter (injected 429 faults count in faultsInjected only). */
    rateLimited: number;
    /** Those 429s by "METHOD template", the keys of byRoute. */
    rateLimitedByRoute: Record<string, number>;
    /** Those 429s by window: the route's bucket (e.g. "workspace export") or "METHOD template". */
    rateLimitedByBucket: Record<string, number>;
    /** The waits those 429s told clients, summed: wall-clock ms until each window ended... */
    rateLimitWaitWallMs: number;
    /** ...and the same waits in service seconds (wall time x clockScale). */
    rateLimitWaitServiceS: number;
}

export function emptyStats(): EmulatorStats {
    return {
        total: 0,
        byRoute: {},
        byMethod: {},
        byStatus: {},
        bytesReceived: 0,
        bytesSent: 0,
        faultsInjected: 0,
        rateLimited: 0,
        rateLimitedByRoute: {},
        rateLimitedByBucket: {},
        rateLimitWaitWallMs: 0,
        rateLimitWaitServiceS: 0,
    };
}

const countIn = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
};

/** Counts API traffic (never the /emulator admin routes). */
export class StatsRecorder {
    private stats = emptyStats();

    record(entry: { method: string; routeKey: string; status?: number; bytesReceived: number; bytesSent: number }): void {
        const stats = this.stats;
        stats.total++;
        countIn(stats.byRoute, entry.routeKey);
        countIn(stats.byMethod, entry.method);
        // A connection reset has no status; it is counted under "reset".
        countIn(stats.byStatus, entry.status === undefined ? "reset" : String(entry.status));
        stats.bytesReceived += entry.bytesReceived;
        stats.bytesSent += entry.bytesSent;
    }

    countFault(): void {
        this.stats.faultsInjected++;
    }

    countRateLimited(entry: { routeKey: string; bucket: string; waitWallMs: number; waitServiceS: number }): void {
        const stats = this.stats;
        stats.rateLimited++;
        countIn(stats.rateLimitedByRoute, entry.routeKey);
        countIn(stats.rateLimitedByBucket, entry.bucket);
        stats.rateLimitWaitWallMs += entry.waitWallMs;
        stats.rateLimitWaitServiceS += entry.waitServiceS;
    }

    snapshot(): EmulatorStats {
        return JSON.parse(JSON.stringify(this.stats));
    }

    reset(): void {
        this.stats = emptyStats();
    }
}
