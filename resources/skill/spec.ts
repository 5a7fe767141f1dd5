/**
 * Skill (v2): skills come with their assistant and cannot be created or deleted. This resource
 * adopts one (assistantId + skillId) and manages the properties the user declares: name,
 * description and content (`workspace`). Updates are asynchronous: we wait until Available.
 */
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import type { SkillData } from "../v2-common/api-types";
import { containsDeclared } from "../v2-common/contains";
import { changedDeclared, liveDeclared } from "../v2-common/declared";
import { joinId, splitId } from "../v2-common/ids";
import { assistantIdSchema, freeFormObject, singleLineText, waitTimeoutSchema } from "../v2-common/schema";
import { waitUntilAvailable } from "../v2-common/status";
import { skillSummary } from "./summary";

export interface SkillInputs {
    assistantId: string;
    skillId: string;
    name?: string;
    description?: string;
    workspace?: Record<string, unknown>;
    waitTimeoutSeconds?: number;
}

export interface SkillOutputs extends SkillInputs {
    skillType?: string;
    language?: string;
    status?: string;
}

const MANAGED = ["name", "description", "workspace"] as const;

export const spec: ResourceSpec<SkillInputs, SkillOutputs> = {
    type: "Skill",
    inputSchema: {
        type: "object",
        properties: {
            assistantId: assistantIdSchema,
            skillId: { type: "string", minLength: 1 },
            name: singleLineText(64),
            description: singleLineText(128),
            workspace: freeFormObject,
            waitTimeoutSeconds: waitTimeoutSchema,
        },
        required: ["assistantId", "skillId"],
        additionalProperties: false,
    },
    replaceOn: ["assistantId", "skillId"],
    summary: skillSummary,
    canonical: (property, value) => (property === "waitTimeoutSeconds" ? undefined : value),

    async create(ctx, inputs) {
        const live = await getSkill(ctx, inputs.assistantId, inputs.skillId);
        ctx.log(`adopting ${live.type ?? ""} skill ${inputs.skillId} of assistant ${inputs.assistantId}`);
        const changes = differences(live, inputs);
        const result = changes ? await applyUpdate(ctx, inputs, changes) : live;
        return { id: joinId(inputs.assistantId, inputs.skillId), outs: { ...inputs, ...computed(result) } };
    },

    async read(ctx, id, olds) {
        const { assistantId, key: skillId } = splitId(id);
        const live = await getSkill(ctx, assistantId, skillId);
        const managed = liveDeclared<SkillInputs>(MANAGED, olds, live as Partial<SkillInputs>);
        return { outs: { ...olds, ...managed, ...computed(live) }, inputs: managed };
    },

    async update(ctx, _id, olds, news) {
        const changes = changedDeclared<SkillInputs>(MANAGED, olds, news);
        const result = Object.keys(changes).length > 0 ? await applyUpdate(ctx, news, changes) : await waitForSkill(ctx, news);
        return { ...news, ...computed(result) };
    },

    async delete(ctx, id) {
        ctx.log(`skill ${id} is no longer managed; skills cannot be deleted, so it keeps its current content`);
    },
};

function getSkill(ctx: OperationContext, assistantId: string, skillId: string): Promise<SkillData> {
    return ctx.client.request<SkillData>({ method: "GET", api: "v2", path: apiPath`/v2/assistants/${assistantId}/skills/${skillId}` });
}

/** The declared properties whose live value differs, or undefined when there is nothing to send. */
function differences(live: SkillData, inputs: SkillInputs): Partial<SkillInputs> | undefined {
    const changes: Partial<SkillInputs> = {};
    for (const property of MANAGED) {
        const declared = inputs[property];
        if (declared !== undefined && !containsDeclared(live[property], declared)) (changes as Record<string, unknown>)[property] = declared;
    }
    return Object.keys(changes).length > 0 ? changes : undefined;
}

async function applyUpdate(ctx: OperationContext, inputs: SkillInputs, changes: Partial<SkillInputs>): Promise<SkillData> {
    ctx.log(`updating skill ${inputs.skillId} (${Object.keys(changes).join(", ")})`);
    await ctx.client.request({
        method: "POST",
        api: "v2",
        path: apiPath`/v2/assistants/${inputs.assistantId}/skills/${inputs.skillId}`,
        body: changes,
        idempotent: true,
    });
    return waitForSkill(ctx, inputs);
}

function waitForSkill(ctx: OperationContext, inputs: SkillInputs): Promise<SkillData> {
    return waitUntilAvailable({
        what: `skill ${inputs.skillId} of assistant ${inputs.assistantId}`,
        fetch: () => getSkill(ctx, inputs.assistantId, inputs.skillId),
        timeoutSeconds: inputs.waitTimeoutSeconds,
        log: ctx.log,
    });
}

function computed(skill: SkillData): Pick<SkillOutputs, "skillType" | "language" | "status"> {
    return { skillType: skill.type, language: skill.language, status: skill.status };
}
