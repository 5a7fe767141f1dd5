/**
 * What the import brings under code, from a snapshot of the instance: one entry per Pulumi
 * resource, with the resource id exactly as the spec's create returns it (resources/<type>/spec.ts)
 * and, for the resources that hold skill content, the content file the program reads.
 *
 * - ConversationalSkillProvider: `<provider_id>`
 * - Assistant: `<assistant_id>`
 * - Skill, the action skill: `<assistant_id>/<skill_id>`, content: the skill as exported
 * - Workspace, the dialog skill (a v1 workspace: skill id = workspace id): `<skill_id>`, content:
 *   its workspace as exported. As a Workspace it owns its intents, entities and dialog nodes, and
 *   an edited example is one element call (a Skill would replace the whole skill)
 * - Release: `<assistant_id>/<release>`
 * - EnvironmentDeployment, each environment that runs a release: `<assistant_id>/<environment_id>`
 * - Workspace (v1 workspaces that are no assistant's dialog skill): `<workspace_id>`, content:
 *   the workspace as exported
 */
import { joinId } from "../resources/v2-common/ids";
import type { InstanceSnapshot } from "./read-instance";
import { NameRegistry } from "./names";

/** The resource types the import writes; their tokens are `watson-assistant:index:<type>`. */
export type ImportedType = "ConversationalSkillProvider" | "Assistant" | "Skill" | "Release" | "EnvironmentDeployment" | "Workspace";

export interface ImportedResource {
    type: ImportedType;
    /** The Pulumi resource name (also the content file's base name). */
    name: string;
    id: string;
    /** The JSON written to `content/<name>.json`, for resources that hold skill content. */
    content?: Record<string, unknown>;
}

const SKILL_NAME: Record<string, string> = { action: "actions", dialog: "dialog" };

export function planImport(snapshot: InstanceSnapshot): ImportedResource[] {
    const names = new NameRegistry();
    const planned: ImportedResource[] = [];
    for (const provider of snapshot.providers) {
        planned.push({ type: "ConversationalSkillProvider", name: names.claim(provider.provider_id, "skill-provider"), id: provider.provider_id });
    }
    for (const { assistant, environments, releases, skills } of snapshot.assistants) {
        const assistantId = assistant.assistant_id;
        const base = names.claim(assistant.name ?? "", `assistant-${assistantId}`);
        planned.push({ type: "Assistant", name: base, id: assistantId });
        for (const skill of skills) {
            const name = names.claim(`${base}-${SKILL_NAME[skill.type]}`, "skill");
            planned.push(skill.type === "dialog"
                ? { type: "Workspace", name, id: skill.skill_id, content: skill.workspace ?? {} }
                : { type: "Skill", name, id: joinId(assistantId, skill.skill_id), content: skill });
        }
        for (const release of releases) {
            planned.push({ type: "Release", name: names.claim(`${base}-release-${release.release}`, "release"), id: joinId(assistantId, release.release) });
        }
        for (const environment of environments.filter((e) => e.environment !== "draft" && e.release_reference?.release)) {
            planned.push({ type: "EnvironmentDeployment", name: names.claim(`${base}-${environment.name}`, environment.environment), id: joinId(assistantId, environment.environment_id) });
        }
    }
    for (const workspace of snapshot.workspaces) {
        planned.push({ type: "Workspace", name: names.claim(workspace.name ?? "", `workspace-${workspace.workspace_id}`), id: workspace.workspace_id, content: workspace });
    }
    return planned;
}
