/**
 * EnvironmentDeployment (v2): which release an environment runs, plus its optional settings.
 * Environments cannot be created or deleted through the API: create and update deploy the release
 * (and update the declared settings); delete leaves the environment as it is.
 */
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import type { CheckFailure } from "../../provider/validation";
import { containsUnknown } from "../../provider/values";
import { apiPath } from "../../provider/http/path";
import type { EnvironmentData } from "../v2-common/api-types";
import { changedDeclared, liveDeclared } from "../v2-common/declared";
import { describeEnvironment, getEnvironment, listEnvironments, resolveEnvironment } from "../v2-common/environments";
import { joinId, splitId } from "../v2-common/ids";
import { assistantIdSchema, singleLineText } from "../v2-common/schema";
import { liveSettings, SETTING_NAMES, settingsBody, type EnvironmentSettings } from "./settings";
import { environmentDeploymentSummary } from "./summary";

export interface EnvironmentDeploymentInputs extends EnvironmentSettings {
    assistantId: string;
    environmentId?: string;
    environment?: string;
    release: string;
    /** When given, `release` must be one of these (e.g. the releases a ConversationTest verified). */
    allowedReleases?: string[];
}

export interface EnvironmentDeploymentOutputs extends EnvironmentDeploymentInputs {
    /** The resolved environment id (also when the target was given by name or type). */
    targetEnvironmentId: string;
    environmentType: string;
}

export const spec: ResourceSpec<EnvironmentDeploymentInputs, EnvironmentDeploymentOutputs> = {
    type: "EnvironmentDeployment",
    inputSchema: {
        type: "object",
        properties: {
            assistantId: assistantIdSchema,
            environmentId: { type: "string", minLength: 1 },
            environment: { type: "string", minLength: 1, maxLength: 64 },
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
    },
    replaceOn: ["assistantId", "environmentId", "environment"],
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
        return { outs: { ...olds, ...drift, ...computed(live) }, inputs: drift };
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
