/**
 * Assistant (v2): create, list and delete only. There is no update endpoint, so every input
 * forces a replacement, which creates a new assistant (new ids, empty skills, no releases) and then
 * deletes the old one with everything in it.
 */
import { splitMarkerSuffix, withMarkerSuffix } from "../../provider/bridge/creation-marker";
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import { replacingProperties } from "../../provider/validation";
import type { AssistantData } from "../v2-common/api-types";
import { createOnce, findInList, type ListSpec } from "../v2-common/list";
import { schemas } from "../v1-elements/schema-fragments";
import { singleLineText } from "../v2-common/schema";

/** Inputs of a v2 assistant. The API has no update: every input replaces. */
export interface AssistantInputs {
    /**
     * Name of the assistant (1-64 characters, no newline or tab). Changing it REPLACES the
     * assistant (the v2 API cannot update one: new ids; the old one is deleted with its skills,
     * environments and releases).
     */
    name: string;
    /** Description (1-128 characters, no newline or tab). Changing it REPLACES the assistant. */
    description?: string;
    /** Language code, default `en`. Changing it REPLACES the assistant. */
    language?: string;
}

/** What an Assistant stores and outputs: its inputs and the ids of what came with it. */
export interface AssistantOutputs extends AssistantInputs {
    /** The assistant id (what Skill, Release, EnvironmentDeployment and ConversationTest take). */
    assistantId: string;
    /** Id of the assistant's draft environment. */
    draftEnvironmentId?: string;
    /** Id of the assistant's live environment. */
    liveEnvironmentId?: string;
    /** Environment ids by environment name (`draft`, `live`, and any staging environments). */
    environments: Record<string, string>;
    /** Id of the action skill created with the assistant. */
    actionSkillId?: string;
    /** Id of the dialog skill created with the assistant, if it has one. */
    dialogSkillId?: string;
}

export const DEFAULT_LANGUAGE = "en";
const MAX_DESCRIPTION = 128;

const inputSchema = {
    type: "object",
    properties: {
        name: { ...singleLineText(64), replaceOnChange: true },
        description: { ...singleLineText(MAX_DESCRIPTION), replaceOnChange: true },
        language: { ...schemas.languageCode, replaceOnChange: true },
    },
    required: ["name"],
    additionalProperties: false,
};

const ASSISTANTS: ListSpec = { path: "/v2/assistants", itemsKey: "assistants" };

export const spec: ResourceSpec<AssistantInputs, AssistantOutputs> = {
    type: "Assistant",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),

    normalize: (inputs) => ({ ...inputs, language: inputs.language ?? DEFAULT_LANGUAGE }),

    async create(ctx, inputs) {
        const body = { name: inputs.name, description: withMarkerSuffix(inputs.description, ctx.creationMarker, MAX_DESCRIPTION), language: inputs.language };
        const created = await createOnce<AssistantData>(ctx, {
            what: `assistant "${inputs.name}"`,
            list: ASSISTANTS,
            keyOf: (a) => a.assistant_id,
            matches: (a) => a.name === inputs.name && (splitMarkerSuffix(a.description).text || undefined) === inputs.description && (a.language ?? DEFAULT_LANGUAGE) === inputs.language,
            marker: ctx.creationMarker === undefined ? undefined : { value: ctx.creationMarker, of: (a) => splitMarkerSuffix(a.description).marker },
            create: (reconcile) =>
                ctx.client.request<AssistantData>({ method: "POST", api: "v2", path: ASSISTANTS.path, body, idempotent: false, expect: ["assistant_id"], reconcile }),
        });
        // The dynamic provider protocol has no check warnings; this is the earliest place to say it.
        ctx.log(`created assistant "${inputs.name}" (${created.assistant_id}); the API cannot update assistants, so changing its name, description or language will replace it`);
        return { id: created.assistant_id, outs: outputsOf(created) };
    },

    async read(ctx, id) {
        const live = await findAssistant(ctx, id);
        if (!live) return undefined;
        const outs = outputsOf(live);
        return { outs, inputs: { name: outs.name, description: outs.description, language: outs.language } };
    },

    async update() {
        // Unreachable: every input is in replaceOn.
        throw new Error("assistants have no update API; every change replaces the assistant");
    },

    async delete(ctx, id, olds) {
        ctx.log(`deleting assistant "${olds.name}" (${id}) with its skills, environments and releases`);
        await ctx.client.request({ method: "DELETE", api: "v2", path: apiPath`/v2/assistants/${id}` });
    },
};

/** The assistant with this id, from the paginated list (there is no get-one endpoint). */
export function findAssistant(ctx: OperationContext, assistantId: string): Promise<AssistantData | undefined> {
    return findInList<AssistantData>(ctx, ASSISTANTS, (a) => a.assistant_id === assistantId);
}

function outputsOf(a: AssistantData): AssistantOutputs {
    const environments = a.assistant_environments ?? [];
    const skills = a.assistant_skills ?? [];
    const environmentOfType = (type: string) => environments.find((e) => e.environment === type)?.environment_id;
    const skillOfType = (type: string) => skills.find((s) => s.type === type)?.skill_id;
    return {
        name: a.name ?? "",
        description: splitMarkerSuffix(a.description).text,
        language: a.language ?? DEFAULT_LANGUAGE,
        assistantId: a.assistant_id,
        draftEnvironmentId: environmentOfType("draft"),
        liveEnvironmentId: environmentOfType("live"),
        environments: Object.fromEntries(environments.map((e) => [e.name, e.environment_id])),
        actionSkillId: skillOfType("action"),
        dialogSkillId: skillOfType("dialog"),
    };
}
