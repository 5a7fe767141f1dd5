/**
 * Everything of a service instance that the import brings under code: the skill providers, each
 * assistant with its environments (and the release each runs), its releases and the content of its
 * action and dialog skills, and the v1 workspaces that are not an assistant's dialog skill.
 *
 * Calls: one list per collection, one skills export per assistant (both skills' content in one
 * call of the export-limited kind) and readWorkspaceContent per standalone workspace. Nothing is
 * read twice: a dialog skill's workspace comes with its assistant's skills export.
 */
import type { ApiClient } from "../provider/http/client";
import { apiPath } from "../provider/http/path";
import { waitFor } from "../provider/poll";
import type { AssistantData, EnvironmentData, ProviderData, ReleaseData } from "../resources/v2-common/api-types";
import { readWorkspaceContent, type WorkspaceExport } from "./read-workspace";

/** One skill of a skills export: name, type, language, skill_id and its content in `workspace`. */
export type ExportedSkill = Record<string, unknown> & { skill_id: string; type: string; name?: string; workspace?: Record<string, unknown> };

export interface AssistantSnapshot {
    assistant: AssistantData;
    environments: EnvironmentData[];
    releases: ReleaseData[];
    /** Action and dialog skills with their content (search skills have none to export). */
    skills: ExportedSkill[];
}

export interface InstanceSnapshot {
    providers: ProviderData[];
    assistants: AssistantSnapshot[];
    /** v1 workspaces that back no assistant's dialog skill, with their content. */
    workspaces: WorkspaceExport[];
}

export interface ReadOptions {
    /** Progress lines (stderr of the command). */
    log(message: string): void;
    /** How long to wait for a skills export still being prepared (default 5 min). */
    exportTimeoutMs?: number;
}

const v2List = <T>(client: ApiClient, path: string, itemsKey: string) => client.paginate<T>({ api: "v2", path, itemsKey });

export async function readInstance(client: ApiClient, options: ReadOptions): Promise<InstanceSnapshot> {
    const providers = await v2List<ProviderData>(client, "/v2/providers", "conversational_skill_providers");
    const assistants: AssistantSnapshot[] = [];
    for (const assistant of await v2List<AssistantData>(client, "/v2/assistants", "assistants")) {
        options.log(`assistant ${assistant.name ?? ""} (${assistant.assistant_id})`);
        assistants.push(await readAssistant(client, assistant, options));
    }
    const dialogSkillIds = new Set(assistants.flatMap((a) => a.skills.filter((s) => s.type === "dialog").map((s) => s.skill_id)));
    const listed = await client.paginate<{ workspace_id: string; name?: string }>({ api: "v1", path: "/v1/workspaces", itemsKey: "workspaces" });
    const workspaces: WorkspaceExport[] = [];
    for (const { workspace_id: id, name } of listed.filter((w) => !dialogSkillIds.has(w.workspace_id))) {
        options.log(`workspace ${name ?? ""} (${id})`);
        workspaces.push(await readWorkspaceContent(client, id));
    }
    return { providers, assistants, workspaces };
}

async function readAssistant(client: ApiClient, assistant: AssistantData, options: ReadOptions): Promise<AssistantSnapshot> {
    const id = assistant.assistant_id;
    const environments = await v2List<EnvironmentData>(client, apiPath`/v2/assistants/${id}/environments`, "environments");
    const releases = await v2List<ReleaseData>(client, apiPath`/v2/assistants/${id}/releases`, "releases");
    const exported = await waitFor<{ status?: string; assistant_skills?: ExportedSkill[]; status_description?: string }>({
        what: `the skills export of assistant ${id}`,
        fetch: () => client.request({ method: "GET", api: "v2", path: apiPath`/v2/assistants/${id}/skills_export` }),
        // A finished export carries the skills (and no status of its own); Processing while it is prepared.
        status: (e) => (e.assistant_skills ? "Available" : e.status ?? "Processing"),
        ready: ["Available"],
        failed: ["Failed"],
        failureDetail: (e) => e.status_description,
        timeoutMs: options.exportTimeoutMs ?? 300_000,
        initialDelayMs: 2_000,
    });
    const skills = (exported.assistant_skills ?? []).filter((s) => s.type === "action" || s.type === "dialog");
    return { assistant, environments, releases, skills };
}
