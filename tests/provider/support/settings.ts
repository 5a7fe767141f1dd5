import type { ConnectionSettings } from "../../../provider/config";
import { ApiClient, ClientDeps } from "../../../provider/http/client";
import type { ApiError } from "../../../provider/http/errors";

export function testSettings(url: string, overrides: Partial<ConnectionSettings> = {}): ConnectionSettings {
    return {
        url,
        authType: "noauth",
        versionV1: "2021-11-27",
        versionV2: "2024-08-25",
        disableSslVerification: false,
        learningOptOut: false,
        timeoutMs: 2_000,
        retry: { maxAttempts: 5, maxElapsedMs: 60_000, baseDelayMs: 100, maxDelayMs: 1_000 },
        ...overrides,
    };
}

/** A client whose waits are instant and recorded, with debug lines captured. */
export function instantClient(settings: ConnectionSettings, deps: ClientDeps = {}) {
    const sleeps: number[] = [];
    const logs: string[] = [];
    const client = new ApiClient(settings, {
        sleep: async (ms) => {
            sleeps.push(ms);
        },
        random: () => 0.5,
        log: (line) => logs.push(line),
        ...deps,
    });
    return { client, sleeps, logs };
}

/** The ApiError a promise rejects with (fails the test if it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
    try {
        await promise;
    } catch (err) {
        return err as ApiError;
    }
    throw new Error("expected the call to fail, but it succeeded");
}
