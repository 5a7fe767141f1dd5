/**
 * A service instance as teams have them, seeded in the emulator over its API: a v1 workspace from
 * each historical export shape (tests/fixtures/exports), two assistants with action and dialog
 * content, releases deployed to live and to staging, and a conversational skill provider.
 */
import type { EmulatorClient } from "../../drivers/emulator-client";
import { splitSkillsExport } from "../../resources/skill/from-export";
import { fromWorkspaceExport } from "../../resources/workspace/from-export";
import { workspaceBody } from "../../resources/workspace/mapping";
import { COLLECTIONS, type WorkspaceInputs } from "../../resources/workspace/types";
import { FIXTURES, readFixture } from "../exports/support";

export interface SeededAssistant {
    assistantId: string;
    name: string;
    actionSkillId: string;
    dialogSkillId: string;
    /** Environment id -> the release it runs. */
    deployed: Record<string, string>;
    releases: string[];
}

export interface SeededInstance {
    /** Standalone workspaces: fixture file -> workspace id. */
    workspaces: Record<string, string>;
    assistants: SeededAssistant[];
    providerId: string;
}

export const PROVIDER_ID = "order-status-provider";

/** The create body of a workspace export of any shape, mapped as the provider maps it. */
export function workspaceCreateBody(exported: Record<string, unknown>): Record<string, unknown> {
    return workspaceBody(fromWorkspaceExport(exported) as unknown as WorkspaceInputs, { collections: COLLECTIONS });
}

export async function seedInstance(client: EmulatorClient): Promise<SeededInstance> {
    const workspaces: Record<string, string> = {};
    for (const fixture of FIXTURES.filter((f) => f.kind === "workspace")) {
        workspaces[fixture.file] = (await client.post("/v1/workspaces", workspaceCreateBody(readFixture(fixture.file)))).workspace_id;
    }
    const pizza = splitSkillsExport(readFixture("skills-export.json"));
    const download = readFixture("actions-skill-download.json");
    const assistants = [
        await seedAssistant(client, "Pizza shop", pizza.action!.workspace as object, pizza.dialog!.workspace as object),
        await seedAssistant(client, "Support desk", download.workspace, workspaceCreateBody(readFixture("assistant-2021-11-27.json"))),
    ];
    await client.post("/v2/providers", {
        provider_id: PROVIDER_ID,
        specification: { openapi: "3.0.3", info: { title: "Order status", version: "1.0.0" }, servers: [{ url: "https://orders.example.com" }], paths: {} },
        private: { authentication: { bearer: { token: { value: "provider-token-never-exported" } } } },
    });
    return { workspaces, assistants, providerId: PROVIDER_ID };
}

/**
 * An assistant whose skills hold the given content, release 1 deployed to live and release 2
 * (after a content change) to a staging environment.
 */
async function seedAssistant(client: EmulatorClient, name: string, actions: object, dialog: object): Promise<SeededAssistant> {
    const created = await client.post("/v2/assistants", { name, language: "en", description: `${name} assistant` });
    const id = created.assistant_id as string;
    const skill = (type: string) => created.assistant_skills.find((s: any) => s.type === type).skill_id as string;
    const live = created.assistant_environments.find((e: any) => e.environment === "live").environment_id as string;
    const staging = (await client.admin(`/emulator/assistants/${id}/environments`, { name: "staging" })).environment_id as string;
    await client.post(`/v2/assistants/${id}/skills/${skill("action")}`, { workspace: actions });
    await client.post(`/v2/assistants/${id}/skills/${skill("dialog")}`, { workspace: withoutReadOnly(dialog) });
    const first = await publish(client, id, "first version");
    await client.post(`/v2/assistants/${id}/releases/${first}/deploy`, { environment_id: live });
    await client.post(`/v2/assistants/${id}/skills/${skill("dialog")}`, { description: `${name} dialog, second version` });
    const second = await publish(client, id, "second version");
    await client.post(`/v2/assistants/${id}/releases/${second}/deploy`, { environment_id: staging });
    return {
        assistantId: id, name, actionSkillId: skill("action"), dialogSkillId: skill("dialog"),
        deployed: { [live]: first, [staging]: second }, releases: [first, second],
    };
}

async function publish(client: EmulatorClient, assistantId: string, description: string): Promise<string> {
    const { release } = await client.post(`/v2/assistants/${assistantId}/releases`, { description });
    // The emulator under test runs with asyncDelayMs 0: a release is ready at its next read.
    for (let reads = 0; reads < 100; reads++) {
        const status = (await client.get(`/v2/assistants/${assistantId}/releases/${release}`)).status;
        if (status === "Available") return release;
        if (status === "Failed") throw new Error(`release ${release} of ${assistantId} failed`);
    }
    throw new Error(`release ${release} of ${assistantId} is still not Available`);
}

function withoutReadOnly(workspace: object): object {
    const { workspace_id: _id, status: _status, ...content } = workspace as Record<string, unknown>;
    return content;
}
