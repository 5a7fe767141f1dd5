/**
 * EnvironmentDeployment (v2): which release an environment runs, plus its optional settings.
 * Environments cannot be created or deleted through the API: create and update deploy the release
 * (and update the declared settings); delete leaves the environment as it is.
 */
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import type { CheckFailure } from "../../provider/validation";
import { containsUnknown } from "../../provider/values";
import { replacingProperties } from "../../provider/validation";
import { apiPath } from "../../provider/http/path";
import type { EnvironmentData } from "../v2-common/api-types";
import { changedDeclared, liveDeclared } from "../v2-common/declared";
import { describeEnvironment, getEnvironment, listEnvironments, resolveEnvironment } from "../v2-common/environments";
import { joinId, splitId } from "../v2-common/ids";
import { assistantIdSchema, singleLineText } from "../v2-common/schema";
import { liveSettings, SETTING_NAMES, settingsBody, type EnvironmentSettings } from "./settings";
import { environmentDeploymentSummary } from "./summary";

/** Inputs of an EnvironmentDeployment: which environment, which release, and optional settings. */
export interface EnvironmentDeploymentInputs extends EnvironmentSettings {
    /** Assistant whose environment this is. Changing it REPLACES this resource. */
    assistantId: string;
    /**
     * Target environment by id. Give this or `environment`, not both. Changing it REPLACES this
     * resource (the old environment is left as it is).
     */
    environmentId?: string;
    /**
     * Target environment by type (`live`, or `staging` when the assistant has exactly one staging
     * environment) or by name. `draft` is rejected: releases cannot be deployed to draft. Changing it
     * REPLACES this resource (the old environment is left as it is).
     */
    environment?: string;
    /**
     * Release number to run in the environment, e.g. `"3"` or `release.release`. Changing it deploys
     * that release in place: this is how a release is promoted or rolled back.
     */
    release: string;
    /**
     * A promotion gate: when given, `release` must be one of these, or check (preview) fails. Give it
     * the `verifiedReleases` of the ConversationTest of an earlier stage (through a StackReference)
     * so that only tested releases reach this environment. Changing it never causes an update.
     */
    allowedReleases?: string[];
}

/** What an EnvironmentDeployment stores and outputs: its inputs and the environment resolved. */
export interface EnvironmentDeploymentOutputs extends EnvironmentDeploymentInputs {
    /** The resolved environment id (also when the target was given by name or type). */
    targetEnvironmentId: string;
    /** `live` or `staging`. */
    environmentType: string;
}

const inputSchema = {
    type: "object",
    properties: {
        assistantId: { ...assistantIdSchema, replaceOnChange: true },
        environmentId: { type: "string", minLength: 1, replaceOnChange: true },
        environment: { type: "string", minLength: 1, maxLength: 64, replaceOnChange: true },
        release: { type: "string", pattern: "^[0-9]+$" },
        allowedReleases: { type: "array", items: { type: "string" } },
        name: singleLineText(64),
        description: singleLineText(128),
        sessionTimeout: { type: "integer", minimum: 10, maximum: 604800 },
        orchestration: {
            type: "object",
            properties: { searchSkillFallback: { type: "boolean" } },
            additionalProperties: false,
        },
        skillReferences: {
            type: "array",
            items: {
                type: "object",
                properties: {
                    skillId: { type: "string", minLength: 1 },
                    type: { enum: ["action", "dialog", "search"] },
                    disabled: { type: "boolean" },
                    snapshot: { type: "string", minLength: 1 },
                    skillReference: { type: "string", minLength: 1 },
                },
                required: ["skillId"],
                additionalProperties: false,
            },
        },
    },
    required: ["assistantId", "release"],
    additionalProperties: false,
};

export const spec: ResourceSpec<EnvironmentDeploymentInputs, EnvironmentDeploymentOutputs> = {
    type: "EnvironmentDeployment",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
    summary: environmentDeploymentSummary,
    // A gate, not a setting: a newly verified release is no reason to deploy again.
    canonical: (property, value) => (property === "allowedReleases" ? undefined : value),

    check(inputs) {
        const failures: CheckFailure[] = [];
        const targets = [inputs.environmentId, inputs.environment].filter((t) => t !== undefined).length;
        if (targets !== 1) {
            failures.push({ property: "environment", reason: "give exactly one of environment (a type such as live, or a name) and environmentId" });
        }
        if (inputs.environment === "draft") {
            failures.push({ property: "environment", reason: "cannot deploy to the draft environment: releases are deployed to live or staging environments" });
        }
        const allowed = inputs.allowedReleases;
        if (allowed !== undefined && !containsUnknown(allowed) && !containsUnknown(inputs.release) && !allowed.includes(inputs.release)) {
            const which = allowed.length > 0 ? `the allowed releases are ${allowed.join(", ")}` : "no release is allowed yet";
            failures.push({ property: "release", reason: `release ${inputs.release} is not in allowedReleases: ${which} (deploy only a release that passed its conversation tests)` });
        }
        const ids = (inputs.skillReferences ?? []).map((r) => r.skillId);
        ids.forEach((id, index) => {
            if (ids.indexOf(id) !== index) failures.push({ property: `skillReferences[${index}].skillId`, reason: `duplicate skill id "${id}"` });
        });
        return failures;
    },

    async create(ctx, inputs) {
        const environment = resolveEnvironment(await listEnvironments(ctx, inputs.assistantId), inputs);
        const live = await apply(ctx, inputs, environment.environment_id, { deploy: true, settings: changedDeclared<EnvironmentSettings>(SETTING_NAMES, {}, inputs) });
        return { id: joinId(inputs.assistantId, environment.environment_id), outs: { ...inputs, ...computed(live) } };
    },

    async read(ctx, id, olds) {
        const { assistantId, key: environmentId } = splitId(id);
        const live = await getEnvironment(ctx, assistantId, environmentId);
        const drift: Partial<EnvironmentDeploymentInputs> = {
            release: live.release_reference?.release,
            ...liveDeclared<EnvironmentSettings>(SETTING_NAMES, olds, liveSettings(live)),
        };
        // An import has no stored state: the inputs name the assistant and the environment (by name) too.
        const imported = olds.assistantId === undefined ? { assistantId, environment: live.environment === "live" ? "live" : live.name } : {};
        return { outs: { ...olds, ...imported, ...drift, ...computed(live) }, inputs: { ...imported, ...drift } };
    },

    async update(ctx, id, olds, news) {
        const { key: environmentId } = splitId(id);
        const changedSettings = changedDeclared<EnvironmentSettings>(SETTING_NAMES, olds, news);
        const live = await apply(ctx, news, environmentId, { deploy: news.release !== olds.release, settings: changedSettings });
        return { ...news, ...computed(live) };
    },

    async delete(ctx, id, olds) {
        ctx.log(`environment ${splitId(id).key} keeps release ${olds.release} deployed: the API has no undeploy, so it is left as it is`);
    },
};

/** Deploys the release and/or updates the settings; returns the environment as it now is. */
async function apply(
    ctx: OperationContext,
    inputs: EnvironmentDeploymentInputs,
    environmentId: string,
    what: { deploy: boolean; settings: EnvironmentSettings },
): Promise<EnvironmentData> {
    let live: EnvironmentData | undefined;
    if (what.deploy) {
        live = await ctx.client.request<EnvironmentData>({
            method: "POST",
            api: "v2",
            path: apiPath`/v2/assistants/${inputs.assistantId}/releases/${inputs.release}/deploy`,
            body: { environment_id: environmentId },
            idempotent: true,
        });
        ctx.log(`deployed release ${inputs.release} to environment ${describeEnvironment(live)}`);
    }
    const body = settingsBody(what.settings);
    if (Object.keys(body).length > 0) {
        live = await ctx.client.request<EnvironmentData>({
            method: "POST",
            api: "v2",
            path: apiPath`/v2/assistants/${inputs.assistantId}/environments/${environmentId}`,
            body,
            idempotent: true,
        });
    }
    return live ?? getEnvironment(ctx, inputs.assistantId, environmentId);
}

function computed(environment: EnvironmentData): Pick<EnvironmentDeploymentOutputs, "targetEnvironmentId" | "environmentType"> {
    return { targetEnvironmentId: environment.environment_id, environmentType: environment.environment };
}
