/** Reads what the emulator holds, to show (and check) the effect of each step. Calls made here are not reported. */
import fetch from "node-fetch";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2 } from "../../provider/config";

export class ServiceView {
    constructor(private readonly url: string) {}

    private async get(path: string, version: string): Promise<any> {
        const res = await fetch(`${this.url}${path}${path.includes("?") ? "&" : "?"}version=${version}`);
        const body = await res.json();
        if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
        return body;
    }

    /** The release each environment runs, by environment type (`live`, ...), undefined when none. */
    async environmentReleases(assistantId: string): Promise<Record<string, string | undefined>> {
        const { environments } = await this.get(`/v2/assistants/${encodeURIComponent(assistantId)}/environments`, DEFAULT_VERSION_V2);
        return Object.fromEntries((environments as any[]).map((e) => [e.environment, e.release_reference?.release]));
    }

    async releaseNumbers(assistantId: string): Promise<string[]> {
        const { releases } = await this.get(`/v2/assistants/${encodeURIComponent(assistantId)}/releases`, DEFAULT_VERSION_V2);
        return (releases as any[]).map((r) => r.release);
    }

    /** The first text of a dialog node's output. */
    async nodeText(workspaceId: string, dialogNode: string): Promise<string | undefined> {
        const node = await this.get(`/v1/workspaces/${encodeURIComponent(workspaceId)}/dialog_nodes/${encodeURIComponent(dialogNode)}`, DEFAULT_VERSION_V1);
        return node.output?.generic?.[0]?.values?.[0]?.text;
    }

    async counts(): Promise<{ assistants: number; workspaces: number }> {
        const { assistants } = await this.get("/v2/assistants", DEFAULT_VERSION_V2);
        const { workspaces } = await this.get("/v1/workspaces", DEFAULT_VERSION_V1);
        return { assistants: assistants.length, workspaces: workspaces.length };
    }
}
