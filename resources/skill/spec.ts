/**
 * Skill (v2): skills come with their assistant and cannot be created or deleted. This resource
 * adopts one (assistantId + skillId) and manages the properties the user declares: name,
 * description and content (`workspace`). Updates are asynchronous: we wait until Available.
 */
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import { replacingProperties } from "../../provider/validation";
import type { SkillData } from "../v2-common/api-types";
import { containsDeclared } from "../v2-common/contains";
import { changedDeclared, liveDeclared } from "../v2-common/declared";
import { joinId, splitId } from "../v2-common/ids";
import { withoutUndefined } from "../../provider/values";
import { assistantIdSchema, freeFormObject, singleLineText, waitTimeoutSchema } from "../v2-common/schema";
import { waitUntilAvailable } from "../v2-common/status";
import { skillSummary } from "./summary";

/** Inputs of a Skill: which existing skill, and the properties managed on it. */
export interface SkillInputs {
    /** Assistant the skill belongs to. Changing it REPLACES this resource (adopts the other skill). */
    assistantId: string;
    /**
     * Id of an existing skill of that assistant, e.g. `assistant.actionSkillId` or
     * `assistant.dialogSkillId`. Changing it REPLACES this resource (adopts the other skill).
     */
    skillId: string;
    /** Skill name (1-64 characters, no newline or tab). Updated in place; not managed when omitted. */
    name?: string;
    /** Skill description (1-128 characters, no newline or tab). Updated in place; not managed when omitted. */
    description?: string;
    /**
     * The skill's content as free-form JSON: the action skill JSON, or the dialog skill's workspace
     * JSON (intents, entities, dialog_nodes...), sent as-is. Updated in place (the whole content is
     * replaced, then we wait until the skill is Available); not managed when omitted.
     */
    workspace?: Record<string, unknown>;
    /** How long to wait for an update to become Available (default 900). Changing it never causes an update. */
    waitTimeoutSeconds?: number;
}

/** What a Skill stores and outputs: its inputs and what the service says of the skill. */
export interface SkillOutputs extends SkillInputs {
    /** `action` or `dialog`. */
    skillType?: string;
    /** The skill's language. */
    language?: string;
    /** Status after the last update, normally `Available`. */
    status?: string;
}

const MANAGED = ["name", "description", "workspace"] as const;

const inputSchema = {
    type: "object",
    properties: {
        assistantId: { ...assistantIdSchema, replaceOnChange: true },
        skillId: { type: "string", minLength: 1, replaceOnChange: true },
        name: singleLineText(64),
        description: singleLineText(128),
        workspace: freeFormObject,
        waitTimeoutSeconds: waitTimeoutSchema,
    },
    required: ["assistantId", "skillId"],
    additionalProperties: false,
};

export const spec: ResourceSpec<SkillInputs, SkillOutputs> = {
    type: "Skill",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
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
        // An import has no stored state: the inputs adopt the skill by its ids and manage its name and description.
        const declared = olds.assistantId === undefined ? { assistantId, skillId, ...withoutUndefined({ name: live.name, description: live.description }) } : olds;
        const managed = liveDeclared<SkillInputs>(MANAGED, declared, live as Partial<SkillInputs>);
        const inputs = olds.assistantId === undefined ? { assistantId, skillId, ...managed } : managed;
        return { outs: { ...declared, ...managed, ...computed(live) }, inputs };
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
