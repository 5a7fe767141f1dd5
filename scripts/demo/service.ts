/** Reads what the emulator holds, to show (and check) the effect of each step. Calls made here are not reported. */
import { EmulatorClient } from "../../drivers/emulator-client";

export class ServiceView {
    private readonly client: EmulatorClient;

    constructor(url: string) {
        this.client = new EmulatorClient(url);
    }

    private get(path: string): Promise<any> {
        return this.client.get(path);
    }

    /** The release each environment runs, by environment type (`live`, ...), undefined when none. */
    async environmentReleases(assistantId: string): Promise<Record<string, string | undefined>> {
        const { environments } = await this.get(`/v2/assistants/${encodeURIComponent(assistantId)}/environments`);
        return Object.fromEntries((environments as any[]).map((e) => [e.environment, e.release_reference?.release]));
    }

    async releaseNumbers(assistantId: string): Promise<string[]> {
        const { releases } = await this.get(`/v2/assistants/${encodeURIComponent(assistantId)}/releases`);
        return (releases as any[]).map((r) => r.release);
    }

    /** The first text of a dialog node's output. */
    async nodeText(workspaceId: string, dialogNode: string): Promise<string | undefined> {
        const node = await this.get(`/v1/workspaces/${encodeURIComponent(workspaceId)}/dialog_nodes/${encodeURIComponent(dialogNode)}`);
        return node.output?.generic?.[0]?.values?.[0]?.text;
    }

    async counts(): Promise<{ assistants: number; workspaces: number }> {
        const { assistants } = await this.get("/v2/assistants");
        const { workspaces } = await this.get("/v1/workspaces");
        return { assistants: assistants.length, workspaces: workspaces.length };
    }
}
