/** Test helpers for the runtime: an assistant whose dialog skill holds given content. */
import type { EmulatorOptions } from "../../../emulator/core/context";
import { call, startEmulator, type RunningEmulator } from "./emulator";

export interface TestAssistant {
    assistantId: string;
    draft: string;
    live: string;
    dialogSkill: string;
    actionSkill: string;
}

export async function assistantWithDialog(emu: RunningEmulator, workspace: Record<string, unknown>): Promise<TestAssistant> {
    const created = (await call(emu.url, "POST", "/v2/assistants", { body: { name: "Runtime", language: "en" } })).body;
    const env = (type: string) => created.assistant_environments.find((e: any) => e.environment === type).environment_id;
    const skill = (type: string) => created.assistant_skills.find((s: any) => s.type === type).skill_id;
    const updated = await call(emu.url, "POST", `/v1/workspaces/${skill("dialog")}`, { body: workspace });
    if (updated.status !== 200) throw new Error(`workspace update failed: ${JSON.stringify(updated.body)}`);
    return { assistantId: created.assistant_id, draft: env("draft"), live: env("live"), dialogSkill: skill("dialog"), actionSkill: skill("action") };
}

/** The texts of a v2 message response. */
export function texts(body: any): string[] {
    return (body.output?.generic ?? []).filter((g: any) => g.response_type === "text").map((g: any) => g.text);
}

/** A stateless conversation: sends each input with the context of the previous answer. */
export async function statelessTurns(emu: RunningEmulator, environmentId: string, inputs: string[], extra: Record<string, unknown> = {}): Promise<any[]> {
    const replies: any[] = [];
    let context: unknown;
    for (const text of inputs) {
        const reply = await call(emu.url, "POST", `/v2/assistants/${environmentId}/message`, { body: { input: { text }, ...(context ? { context } : {}), ...extra } });
        if (reply.status !== 200) throw new Error(`message failed: ${reply.status} ${JSON.stringify(reply.body)}`);
        context = reply.body.context;
        replies.push(reply.body);
    }
    return replies;
}

/** What useAssistant sets up: read its fields inside tests (they are filled by the hooks). */
export interface AssistantFixture {
    emu: RunningEmulator;
    assistant: TestAssistant;
}

/**
 * One emulator for the enclosing `describe`; before each test it is emptied and given a new
 * assistant whose dialog skill holds `workspace`.
 */
export function useAssistant(workspace: Record<string, unknown>, options: EmulatorOptions = {}): AssistantFixture {
    const fixture = {} as AssistantFixture;
    before(async () => (fixture.emu = await startEmulator(options)));
    after(() => fixture.emu.stop());
    beforeEach(async () => {
        await fixture.emu.reset();
        fixture.assistant = await assistantWithDialog(fixture.emu, workspace);
    });
    return fixture;
}
