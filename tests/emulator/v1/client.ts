/** A tiny JSON client for the v1 tests: one emulator per test file, state reset between tests. */
import { startEmulator } from "../../../emulator";

export const VERSION = "2021-11-27";

export interface Reply {
    status: number;
    body: any;
}

export type Call = (
    method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean>, headers?: Record<string, string>,
) => Promise<Reply>;

/** Starts an emulator for the enclosing `describe`, resets it before each test, returns a caller. */
export function useEmulator(options: { asyncDelayMs?: number } = {}): { call: Call; url: () => string } {
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    before(async () => {
        emu = await startEmulator({ port: 0, ...options });
    });
    beforeEach(async () => emu.reset());
    after(async () => emu.stop());
    const call: Call = async (method, path, body, query = {}, headers = {}) => {
        const search = new URLSearchParams({ version: VERSION });
        for (const [key, value] of Object.entries(query)) search.set(key, String(value));
        const url = path.includes("?") ? `${emu.url}${path}` : `${emu.url}${path}?${search}`;
        const response = await fetch(url, {
            method,
            headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
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
