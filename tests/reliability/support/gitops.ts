/**
 * The GitOps promotion story of examples/gitops-promotion (dev owns the assistant, its action
 * content and one release per content version, kept with retainOnDelete; staging and prod deploy
 * the release their config names), and the audit of what the service holds after each step.
 */
import { expect } from "chai";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { EmulatorClient } from "../../../drivers/emulator-client";

export const GITOPS_DIR = path.resolve(__dirname, "../../../examples/gitops-promotion");
export const GITOPS_CONTENT = JSON.parse(fs.readFileSync(path.join(GITOPS_DIR, "content/actions.json"), "utf8"));
export const GITOPS_EDITED = { ...GITOPS_CONTENT, actions: [...GITOPS_CONTENT.actions, { action: "goodbye", title: "Say goodbye", steps: [] }] };

/** What the example's dev stack computes from its content file. */
export function contentHash(content: unknown): string {
    return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12);
}

export interface GitopsExpectation {
    assistantName: string;
    content: { actions: { action: string }[] };
    releases: string[];
    /** Release running in each environment type (undefined: none). */
    environments: Record<string, string | undefined>;
}

/** Exactly one assistant, exactly the expected releases, deployments and action content. */
export async function expectGitopsService(service: EmulatorClient, want: GitopsExpectation): Promise<string> {
    const assistants = await service.list("/v2/assistants", "assistants");
    expect(assistants.map((a) => a.name), "assistants on the service").to.deep.equal([want.assistantName]);
    const assistantId = assistants[0].assistant_id as string;
    const releases = await service.list(`/v2/assistants/${assistantId}/releases`, "releases");
    expect(releases.map((r) => r.release).sort(), "releases (no duplicates)").to.deep.equal(want.releases);
    expect(releases.every((r) => r.status === "Available"), "every release Available").to.equal(true);
    const environments = await service.list(`/v2/assistants/${assistantId}/environments`, "environments");
    expect(Object.fromEntries(environments.map((e) => [e.environment, e.release_reference?.release]))).to.deep.equal(want.environments);
    const exported = await service.get(`/v2/assistants/${assistantId}/skills_export`);
    const actionSkill = exported.assistant_skills.find((s: any) => s.type === "action");
    expect(actionSkill.workspace.actions.map((a: any) => a.action), "action skill content").to.deep.equal(want.content.actions.map((a) => a.action));
    return assistantId;
}
