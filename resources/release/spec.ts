/**
 * Release (v2): a snapshot of the assistant's draft skills. Releases cannot be updated, so a change
 * of description or triggers cuts a new one. Publishing is asynchronous: create waits until the
 * release is Available and fails with the service's status errors.
 */
import { splitMarkerSuffix, withMarkerSuffix } from "../../provider/bridge/creation-marker";
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { PartialFailure } from "../../provider/bridge/errors";
import { withoutUndefined } from "../../provider/values";
import { apiPath } from "../../provider/http/path";
import { replacingProperties } from "../../provider/validation";
import { WaitFailedError } from "../../provider/poll";
import type { ReleaseData } from "../v2-common/api-types";
import { describeEnvironment } from "../v2-common/environments";
import { joinId, splitId } from "../v2-common/ids";
import { applyRetention } from "./retention";
import { createOnce } from "../v2-common/list";
import { assistantIdSchema, waitTimeoutSchema } from "../v2-common/schema";
import { statusFailureDetail, waitUntilAvailable } from "../v2-common/status";
import { releaseSummary } from "./summary";

/** Inputs of a Release. Releases cannot be updated: what describes the release replaces it. */
export interface ReleaseInputs {
    /** Assistant whose draft skills the release snapshots. Changing it REPLACES the release. */
    assistantId: string;
    /** Description (1-500 characters). Changing it REPLACES the release (cuts a new one: releases cannot be updated). */
    description?: string;
    /**
     * Any values, like pulumi-command's triggers. Changing it REPLACES the release (cuts a new
     * one). Typically a hash of the skill content, so that a release is cut whenever the content
     * changes.
     */
    triggers?: unknown;
    /**
     * Delete the release even when it is deployed to an environment (default false: delete fails
     * with a message naming the environment). Updated in place.
     */
    deleteWhenDeployed?: boolean;
    /** How long to wait for publishing to finish (default 900). Changing it never causes an update. */
    waitTimeoutSeconds?: number;
    /**
     * Release retention: after each new release, keep the assistant's newest N releases (1-50) and
     * delete older ones, never one an environment runs. What was deleted is logged and output as
     * `retentionDeleted`. Plans cap releases per assistant (Lite 2, Plus and Trial 10, Enterprise 50).
     * Changing it updates in place (and applies it).
     */
    keepReleases?: number;
}

/** The skill snapshots a release holds. */
export interface ReleaseContent {
    /** One entry per skill of the assistant. */
    skills: ReleaseSkill[];
}

/** A skill as a release holds it. */
export interface ReleaseSkill {
    /** The skill's id. */
    skillId: string;
    /** `action` or `dialog`. */
    type: string;
    /** The snapshot of the skill the release took. */
    snapshot?: string;
}

/** What a Release stores and outputs: its inputs and the release the service cut. */
export interface ReleaseOutputs extends ReleaseInputs {
    /** The server-assigned release number ("1", "2", ...), what EnvironmentDeployment's `release` takes. */
    release: string;
    /** `Available` once published. */
    status: string;
    /** The skill snapshots the release holds. */
    content?: ReleaseContent;
    /** Names of the environments the release was deployed to when last read. */
    deployedTo: string[];
    /** Release numbers deleted by `keepReleases` in the last create or update. */
    retentionDeleted?: string[];
}

const MAX_DESCRIPTION = 500;

const inputSchema = {
    type: "object",
    properties: {
        assistantId: { ...assistantIdSchema, replaceOnChange: true },
        description: { type: "string", minLength: 1, maxLength: MAX_DESCRIPTION, replaceOnChange: true },
        triggers: { replaceOnChange: true },
        deleteWhenDeployed: { type: "boolean" },
        waitTimeoutSeconds: waitTimeoutSchema,
        keepReleases: { type: "integer", minimum: 1, maximum: 50, errorHint: "plans allow 2 (Lite) to 50 (Enterprise) releases per assistant" },
    },
    required: ["assistantId"],
    additionalProperties: false,
};

export const spec: ResourceSpec<ReleaseInputs, ReleaseOutputs> = {
    type: "Release",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
    summary: releaseSummary,
    canonical: (property, value) => (property === "waitTimeoutSeconds" ? undefined : value),

    async create(ctx, inputs) {
        const releasesPath = apiPath`/v2/assistants/${inputs.assistantId}/releases`;
        const started = await createOnce<ReleaseData>(ctx, {
            what: `release of assistant ${inputs.assistantId}`,
            list: { path: releasesPath, itemsKey: "releases" },
            keyOf: (r) => r.release,
            // A release that is still Processing may not show its description yet: it matches too.
            matches: (r) => splitMarkerSuffix(r.description).text === inputs.description || (r.status === "Processing" && r.description === undefined),
            marker: ctx.creationMarker === undefined ? undefined : { value: ctx.creationMarker, of: (r) => splitMarkerSuffix(r.description).marker },
            create: (reconcile) =>
                ctx.client.request<ReleaseData>({
                    method: "POST",
                    api: "v2",
                    path: releasesPath,
                    body: withoutUndefined({ description: withMarkerSuffix(inputs.description, ctx.creationMarker, MAX_DESCRIPTION) }),
                    idempotent: false,
                    expect: ["release"],
                    reconcile,
                }),
        });
        const id = joinId(inputs.assistantId, started.release);
        ctx.log(`release ${started.release} of assistant ${inputs.assistantId} is publishing`);
        const published = await waitForPublishing(ctx, inputs, started.release, { ...inputs, ...outputsOf(started) });
        return { id, outs: { ...inputs, ...outputsOf(published), ...(await retain(ctx, inputs)) } };
    },

    async read(ctx, id, olds) {
        const { assistantId, key: release } = splitId(id);
        const live = await getRelease(ctx, assistantId, release);
        if (olds.assistantId !== undefined) return { outs: { ...olds, ...outputsOf(live) } };
        // An import has no stored state: the inputs name the assistant and carry the release's description.
        const inputs = { assistantId, ...(live.description ? { description: live.description } : {}) };
        return { outs: { ...inputs, ...outputsOf(live) }, inputs };
    },

    async update(ctx, id, olds, news) {
        // Only deleteWhenDeployed can change in place; a release left Processing by a timed-out
        // create is waited for again.
        const { key: release } = splitId(id);
        if (olds.status === "Available") return { ...olds, ...news, ...(await retain(ctx, news)) };
        const published = await waitForPublishing(ctx, news, release, { ...olds, ...news });
        return { ...news, ...outputsOf(published), ...(await retain(ctx, news)) };
    },

    async delete(ctx, id, olds) {
        const { assistantId, key: release } = splitId(id);
        const live = await getRelease(ctx, assistantId, release);
        const deployments = live.environment_references ?? [];
        if (deployments.length > 0 && !olds.deleteWhenDeployed) {
            throw new Error(
                `release ${release} is deployed to environment ${deployments.map(describeEnvironment).join(", ")}; ` +
                    "deploy another release there first, set deleteWhenDeployed: true to delete it anyway, " +
                    "or use the retainOnDelete resource option to keep old releases",
            );
        }
        await ctx.client.request({ method: "DELETE", api: "v2", path: apiPath`/v2/assistants/${assistantId}/releases/${release}` });
    },
};

async function retain(ctx: OperationContext, inputs: ReleaseInputs): Promise<Pick<ReleaseOutputs, "retentionDeleted">> {
    if (inputs.keepReleases === undefined) return { retentionDeleted: undefined };
    return { retentionDeleted: await applyRetention(ctx, inputs.assistantId, inputs.keepReleases) };
}

function getRelease(ctx: OperationContext, assistantId: string, release: string): Promise<ReleaseData> {
    return ctx.client.request<ReleaseData>({ method: "GET", api: "v2", path: apiPath`/v2/assistants/${assistantId}/releases/${release}` });
}

/**
 * Waits until Available. A release that Failed is deleted (it can never be deployed) so that the
 * next `up` cuts a fresh one; one still Processing at the timeout is recorded (PartialFailure) so
 * that the next `up` waits for it instead of cutting another.
 */
async function waitForPublishing(ctx: OperationContext, inputs: ReleaseInputs, release: string, partialOuts: ReleaseOutputs): Promise<ReleaseData> {
    try {
        return await waitUntilAvailable({
            what: `release ${release} of assistant ${inputs.assistantId}`,
            fetch: () => getRelease(ctx, inputs.assistantId, release),
            timeoutSeconds: inputs.waitTimeoutSeconds,
            log: ctx.log,
        });
    } catch (err) {
        // A failed status is final; anything else is fetched again to record the latest state.
        const last = err instanceof WaitFailedError ? (err.last as ReleaseData)
            : await getRelease(ctx, inputs.assistantId, release).catch(() => undefined);
        if (last?.status === "Failed") {
            const removal = await ctx.client
                .request({ method: "DELETE", api: "v2", path: apiPath`/v2/assistants/${inputs.assistantId}/releases/${release}` })
                .then(() => "the failed release was deleted", (e: Error) => `deleting the failed release also failed: ${e.message}`);
            throw new Error(`release ${release} of assistant ${inputs.assistantId} failed: ${statusFailureDetail(last)} (${removal})`);
        }
        if (last) {
            const message = err instanceof Error ? err.message : String(err);
            throw new PartialFailure(message, joinId(inputs.assistantId, release), { ...partialOuts, ...outputsOf(last) } as unknown as Record<string, unknown>, err);
        }
        throw err;
    }
}

function outputsOf(r: ReleaseData): Pick<ReleaseOutputs, "release" | "status" | "content" | "deployedTo"> {
    return {
        release: r.release,
        status: r.status,
        content: r.content?.skills
            ? { skills: r.content.skills.map((s) => ({ skillId: s.skill_id, type: s.type, ...(s.snapshot !== undefined ? { snapshot: s.snapshot } : {}) })) }
            : undefined,
        deployedTo: (r.environment_references ?? []).map((e) => e.name),
    };
}
