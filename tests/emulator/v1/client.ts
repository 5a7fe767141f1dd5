/** A tiny JSON client for the v1 tests: one emulator per test file, state reset between tests. */
import { EmulatorClient, type Reply } from "../../../drivers/emulator-client";
import { startEmulator } from "../../../emulator";

export const VERSION = "2021-11-27";
export type { Reply };

export type Call = (
    method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean>, headers?: Record<string, string>,
) => Promise<Reply>;

/** Starts an emulator for the enclosing `describe`, resets it before each test, returns a caller. */
export function useEmulator(options: { asyncDelayMs?: number; now?: () => number; rateLimits?: boolean } = {}): { call: Call; url: () => string } {
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    before(async () => {
        emu = await startEmulator({ port: 0, ...options });
    });
    beforeEach(async () => emu.reset());
    after(async () => emu.stop());
    const call: Call = (method, path, body, query = {}, headers = {}) =>
        new EmulatorClient(emu.url, { version: VERSION }).call(method, path, { body, query, headers });
    return { call, url: () => emu.url };
}

/** Encodes each path segment the way API clients do. */
export function p(strings: TemplateStringsArray, ...values: string[]): string {
    return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i]) : ""), "");
}

export async function createWorkspace(call: Call, body: Record<string, unknown> = {}): Promise<string> {
    const reply = await call("POST", "/v1/workspaces", { name: "test", ...body });
    if (reply.status !== 201) throw new Error(`create workspace failed: ${JSON.stringify(reply.body)}`);
    return reply.body.workspace_id;
}

/** The error paths of a 400/409 body, for compact assertions. */
export function errorPaths(reply: Reply): string[] {
    return (reply.body?.errors ?? []).map((e: { path?: string }) => e.path);
}
