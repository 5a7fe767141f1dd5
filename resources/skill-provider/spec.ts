/**
 * ConversationalSkillProvider (v2 "provider"): instance-level registration of an external
 * conversational skill endpoint. The API has create, list and update only: no get-one, no delete.
 * `private` (credentials) is write-only: never returned, never stored, tracked by its hash. Left out
 * of an existing provider's declaration (one adopted by import), the credentials are not managed.
 */
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { apiPath } from "../../provider/http/path";
import { replacingProperties, type CheckFailure } from "../../provider/validation";
import { deepEqual } from "../../provider/values";
import type { ProviderData } from "../v2-common/api-types";
import { containsDeclared } from "../v2-common/contains";
import { findInList, type ListSpec } from "../v2-common/list";

/** Inputs of a ConversationalSkillProvider. */
export interface SkillProviderInputs {
    /**
     * Client-chosen provider id (letters, digits, `-` and `_`, up to 256). It cannot change: the
     * API cannot delete providers, so a change is rejected at preview with an explanation.
     */
    providerId: string;
    /**
     * The provider's OpenAPI-style specification (`servers[].url`, `components.securitySchemes`),
     * sent as-is. Updated in place (specification and credentials are sent together).
     */
    specification: Record<string, unknown>;
    /**
     * Credentials the assistant uses to call the provider (`{ authentication: {...} }`). A secret:
     * wrapped with `pulumi.secret`, never returned by the API, never stored in outputs (only a hash
     * to detect changes). Updated in place. Required to create; left out of a provider adopted by
     * import, the credentials it has are not managed (never sent), and `specification` cannot
     * change (the API replaces both together).
     */
    private?: Record<string, unknown>;
}

/** What a ConversationalSkillProvider stores and outputs: its inputs without the credentials, and their hash. */
export type SkillProviderOutputs = Omit<SkillProviderInputs, "private"> & {
    /** sha256 of the credentials, for change detection (a secret too). */
    privateHash?: string;
};

const PROVIDERS: ListSpec = { path: "/v2/providers", itemsKey: "conversational_skill_providers" };

const inputSchema = {
    type: "object",
    properties: {
        providerId: { type: "string", minLength: 1, maxLength: 256, pattern: "^[A-Za-z0-9_-]+$" },
        specification: {
            type: "object",
            properties: {
                servers: {
                    type: "array",
                    minItems: 1,
                    items: { type: "object", properties: { url: { type: "string", minLength: 1 } }, required: ["url"] },
                },
                components: { type: "object" },
            },
            required: ["servers"],
        },
        private: { type: "object", properties: { authentication: { type: "object" } }, required: ["authentication"] },
    },
    required: ["providerId", "specification"],
    additionalProperties: false,
};

export const spec: ResourceSpec<SkillProviderInputs, SkillProviderOutputs & SkillProviderInputs> = {
    type: "ConversationalSkillProvider",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
    writeOnly: ["private"],

    checkCreate(news) {
        return news.private === undefined ? [{ property: "private", reason: "required to register a provider: the credentials the assistant calls it with" }] : [];
    },

    checkTransition(olds, news) {
        return [...unmanagedCredentials(olds, news), ...providerIdChange(olds, news)];
    },

    async create(ctx, inputs) {
        const existing = await findProvider(ctx, inputs.providerId);
        if (existing) {
            ctx.log(`provider ${inputs.providerId} already exists (providers cannot be deleted): adopting it and updating it`);
            await updateProvider(ctx, inputs);
        } else {
            await ctx.client.request<ProviderData>({
                method: "POST",
                api: "v2",
                path: PROVIDERS.path,
                body: { provider_id: inputs.providerId, specification: inputs.specification, private: inputs.private },
                idempotent: false,
                reconcile: () => findProvider(ctx, inputs.providerId),
            });
        }
        return { id: inputs.providerId, outs: { providerId: inputs.providerId, specification: inputs.specification } as SkillProviderOutputs & SkillProviderInputs };
    },

    async read(ctx, id, olds) {
        const live = await findProvider(ctx, id);
        if (!live) return undefined;
        // Keep the declared form when the service only added to it.
        const specification = containsDeclared(live.specification, olds.specification) ? olds.specification : live.specification ?? {};
        return { outs: { ...olds, providerId: live.provider_id, specification }, inputs: { providerId: live.provider_id, specification } };
    },

    async update(ctx, _id, _olds, news) {
        await updateProvider(ctx, news);
        return { providerId: news.providerId, specification: news.specification } as SkillProviderOutputs & SkillProviderInputs;
    },

    async delete(ctx, id) {
        ctx.log(`provider ${id} is no longer managed; the API cannot delete providers, so it stays registered in the service instance`);
    },
};

function findProvider(ctx: OperationContext, providerId: string): Promise<ProviderData | undefined> {
    return findInList<ProviderData>(ctx, PROVIDERS, (p) => p.provider_id === providerId);
}

/** Full replacement of specification and private credentials. */
function updateProvider(ctx: OperationContext, inputs: SkillProviderInputs): Promise<unknown> {
    return ctx.client.request({
        method: "POST",
        api: "v2",
        path: apiPath`/v2/providers/${inputs.providerId}`,
        body: { specification: inputs.specification, private: inputs.private },
        idempotent: true,
    });
}

function providerIdChange(olds: SkillProviderInputs, news: SkillProviderInputs): CheckFailure[] {
    if (olds.providerId === undefined || news.providerId === undefined || olds.providerId === news.providerId) return [];
    return [{
        property: "providerId",
        reason:
            `cannot change from "${olds.providerId}" to "${news.providerId}": the API cannot delete providers, so replacing would orphan the old one. ` +
            "Keep the id, or declare a new ConversationalSkillProvider resource for the new id (removing this one only stops managing it)",
    }];
}

/** Credentials left out are not managed; an update would send none, and the service drops what an update leaves out. */
function unmanagedCredentials(olds: SkillProviderInputs, news: SkillProviderInputs): CheckFailure[] {
    if (news.private !== undefined) return [];
    if (olds.private !== undefined) {
        return [{ property: "private", reason: "cannot be left out once declared: an update would send no credentials, and the service drops the credentials an update leaves out" }];
    }
    if (olds.specification !== undefined && !deepEqual(olds.specification, news.specification)) {
        return [{ property: "private", reason: "required to change specification: the API replaces specification and credentials together and never returns the credentials" }];
    }
    return [];
}
