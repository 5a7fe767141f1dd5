/**
 * Workspace (v1 dialog skill). Collections declared here are owned: the declared set is the
 * desired set. A collection left undeclared is never sent, read or touched, so that separate
 * Intent / Entity / DialogNode resources can manage it. Updates go through the planner
 * (plan.ts): the fewest element calls, or one workspace update when the cost model says so.
 */
import { randomUUID } from "crypto";
import { PartialFailure } from "../../provider/bridge/errors";
import { reportInterruptedCreate } from "../../provider/bridge/creation-marker";
import { otherOwner, ownerMarkOf, requireAdoptable, withOwnerMark } from "./ownership";
import { liveChanges, stamped } from "./live-changes";
import type { CheckContext, OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { apiPath } from "../../provider/http/path";
import { WaitFailedError, WaitTimeoutError } from "../../provider/poll";
import { digestKey } from "../../provider/element-digests";
import { holdsDeployedInputs } from "../../provider/values";
import { canonicalCollection, ELEMENT_KINDS, identityOf } from "../v1-elements/kinds";
import { checkCollection, checkDialogTree, checkSensitivity } from "../v1-elements/rules";
import { applyWorkspace, declaredBytes, digestsOf, storedDigests } from "./apply";
import { type ApiWorkspace, getWorkspace, sendWorkspace, waitForAsyncWrite } from "./endpoints";
import { unchangedSince, updatedOf } from "./freshness";
import { liveContent } from "./live-content";
import { CREATION_TOKEN_KEY, projectOnto, withoutCreationToken, workspaceBody, workspaceFromApi } from "./mapping";
import { workspaceSchema } from "./schema";
import { workspaceSummary } from "./summary";
import { waitForTraining } from "./training";
import { COLLECTIONS, OPTIONS, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

function check(inputs: WorkspaceInputs, context: CheckContext): CheckFailure[] {
    const failures: CheckFailure[] = checkSensitivity(inputs, context.versionV1);
    for (const kind of ELEMENT_KINDS) {
        const elements = inputs[kind.collection];
        if (Array.isArray(elements)) failures.push(...checkCollection(kind, elements as object[], kind.collection));
    }
    if (Array.isArray(inputs.dialogNodes)) failures.push(...checkDialogTree(inputs.dialogNodes, "dialogNodes"));
    return failures;
}

/** Finds the workspace a create with this token made (GET /v1/workspaces lists metadata). */
async function findCreated(ctx: OperationContext, token: string): Promise<ApiWorkspace | undefined> {
    const all = await ctx.client.paginate<ApiWorkspace>({ api: "v1", path: "/v1/workspaces", itemsKey: "workspaces", bucket: "workspaceLists" });
    return all.find((w) => w.metadata?.[CREATION_TOKEN_KEY] === token);
}

/** The given collections of `content`. */
function pick(content: Partial<WorkspaceInputs>, collections: readonly string[]): Partial<WorkspaceInputs> {
    return Object.fromEntries(collections.map((c) => [c, (content as any)[c] ?? []]));
}

/** The status a failed wait last saw ("Unknown" when the wait failed for another reason). */
function statusSeenBy(err: unknown): string {
    if (err instanceof WaitTimeoutError) return err.lastStatus;
    if (err instanceof WaitFailedError) return err.status;
    return "Unknown";
}

/**
 * Waits for training when asked (it covers an asynchronous write's processing too), or for the
 * asynchronous write alone; a failure keeps the object (PartialFailure) so that it is not lost,
 * with the status last seen, so that the next update waits again.
 */
async function trained(ctx: OperationContext, outputs: WorkspaceOutputs, what: string, asyncWrite = false): Promise<WorkspaceOutputs> {
    if (outputs.waitForTraining === false && !asyncWrite) return outputs;
    try {
        // Without a training wait, an asynchronous write is still waited for until its content is in.
        const last = outputs.waitForTraining === false
            ? await waitForAsyncWrite(ctx, outputs.workspaceId, outputs.trainingTimeoutSeconds)
            : await waitForTraining(ctx, outputs.workspaceId, outputs.trainingTimeoutSeconds);
        return { ...outputs, status: last.status, updated: updatedOf(last) };
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new PartialFailure(`workspace ${outputs.workspaceId} was ${what}, but ${message}`, outputs.workspaceId, { ...outputs, status: statusSeenBy(err) } as any, err, [...COLLECTIONS, ...COLLECTIONS.map(digestKey)]);
    }
}

/** Status of a workspace whose content did not change: a status other than Available (a wait that failed or was skipped) is read again. */
async function currentStatus(ctx: OperationContext, outputs: WorkspaceOutputs, olds: WorkspaceOutputs): Promise<WorkspaceOutputs> {
    if (olds.status === "Available") return { ...outputs, status: olds.status };
    if (outputs.waitForTraining !== false) return trained(ctx, outputs, "updated");
    return { ...outputs, status: (await getWorkspace(ctx, outputs.workspaceId)).status };
}

/** Takes over workspace `id` (adoptWorkspaceId, or the object of an interrupted create): brings it to the declared state. */
async function adopt(ctx: OperationContext, inputs: WorkspaceInputs, id: string): Promise<{ id: string; outs: WorkspaceOutputs }> {
    const body = await getWorkspace(ctx, id);
    requireAdoptable(id, body.metadata, ctx.owner, inputs.takeOver);
    const owned = COLLECTIONS.filter((c) => inputs[c] !== undefined);
    const content = owned.length > 0 ? await liveContent(ctx, id, owned, { bytes: declaredBytes(inputs) }) : {};
    const live = { ...workspaceFromApi(body), ...pick(content, owned) };
    if (live.language !== inputs.language) {
        throw new Error(`adoptWorkspaceId ${id}: its language is ${live.language}, the declared language is ${inputs.language} (a workspace's language cannot change)`);
    }
    // Plan against what the service holds of the declared settings and owned collections, as if
    // the state had it: undeclared settings are not managed, so they must not read as cleared.
    const held = projectOnto(live, inputs);
    const { outputs, contentChanged } = await applyWorkspace(ctx, id, held, digestsOf(held), inputs);
    if (ctx.owner !== undefined && ownerMarkOf(body.metadata) !== ctx.owner) {
        // The adopted workspace carries this resource's mark from now on (undeclared metadata kept).
        const metadata = withOwnerMark(inputs.metadata ?? withoutCreationToken(body.metadata), ctx.owner);
        await ctx.client.request({ method: "POST", api: "v1", path: apiPath`/v1/workspaces/${id}`, body: { metadata } });
    }
    const outs = contentChanged || live.status !== "Available" ? await trained(ctx, outputs, "adopted") : { ...outputs, status: live.status };
    return { id, outs: await stamped(ctx, outs) };
}

export const spec: ResourceSpec<WorkspaceInputs, WorkspaceOutputs> = {
    type: "Workspace",
    inputSchema: workspaceSchema,
    replaceOn: replacingProperties(workspaceSchema),
    packed: COLLECTIONS,
    // State keeps per-element digests of the collections, not a second copy (the inputs hold them).
    digests: Object.fromEntries(ELEMENT_KINDS.map((kind) => [kind.collection, identityOf(kind)])),
    check,
    normalize: (inputs) => ({ ...inputs, language: inputs.language ?? "en" }),
    summary: workspaceSummary,
    canonical(property, value) {
        if ((OPTIONS as readonly string[]).includes(property)) return undefined;
        const kind = ELEMENT_KINDS.find((k) => k.collection === property);
        if (kind) return canonicalCollection(kind, value as object[]);
        if (property === "description" && value === "") return undefined;
        return value;
    },

    async create(ctx, inputs) {
        if (inputs.adoptWorkspaceId) return adopt(ctx, inputs, inputs.adoptWorkspaceId);
        // The same resource's interrupted create (killed during the POST or the training wait) left
        // its workspace: finish that one (creation-marker.ts).
        const marker = ctx.creationMarker;
        const interrupted = marker === undefined ? undefined : await findCreated(ctx, marker);
        if (interrupted) {
            reportInterruptedCreate(ctx.log, `workspace ${interrupted.workspace_id}`);
            return adopt(ctx, inputs, interrupted.workspace_id);
        }
        const token = marker ?? randomUUID();
        const { answer: created, async } = await sendWorkspace(ctx, {
            body: workspaceBody(inputs, { collections: COLLECTIONS.filter((c) => inputs[c] !== undefined), creationToken: token, owner: ctx.owner }),
            reconcile: () => findCreated(ctx, token),
        });
        const outputs: WorkspaceOutputs = { ...inputs, workspaceId: created.workspace_id, status: created.status };
        return { id: created.workspace_id, outs: await stamped(ctx, await trained(ctx, outputs, "created", async)) };
    },

    async read(ctx, id, olds) {
        // An import (no stored state) takes over every collection: the program generated from its inputs declares them.
        const importing = !holdsDeployedInputs(olds as unknown as Record<string, unknown>);
        const owned = importing ? COLLECTIONS : COLLECTIONS.filter((c) => olds[digestKey(c) as keyof WorkspaceOutputs] !== undefined);
        // A plain GET first: unchanged since the stack's last change, nothing else is read (the
        // engine keeps the stored inputs when read returns none).
        const body = await getWorkspace(ctx, id);
        if (!importing && owned.length > 0 && unchangedSince(olds, body)) return { outs: { ...olds, status: body.status } };
        const stored = storedDigests(olds);
        const counts = Object.fromEntries(owned.map((c) => [c, stored[c]?.size ?? 0]));
        const content = owned.length > 0 ? await liveContent(ctx, id, owned, { counts }) : {};
        const live = { ...workspaceFromApi(body), ...pick(content, owned) };
        // Outputs get the live collections (digested by the bridge), inputs too: drift shows in the next diff.
        const inputs = projectOnto(live, importing ? live : olds, owned);
        for (const option of OPTIONS) if (olds[option] !== undefined) (inputs as any)[option] = olds[option];
        return { outs: { ...inputs, workspaceId: id, status: live.status, updated: updatedOf(body) }, inputs };
    },

    liveChanges,

    async update(ctx, id, olds, news) {
        const { outputs, contentChanged } = await applyWorkspace(ctx, id, olds, storedDigests(olds), news);
        return stamped(ctx, contentChanged ? await trained(ctx, outputs, "updated") : await currentStatus(ctx, outputs, olds));
    },

    async delete(ctx, id) {
        // A workspace another stack took over is theirs now: this stack only stops managing it.
        const owner = otherOwner((await getWorkspace(ctx, id)).metadata, ctx.owner);
        if (owner !== undefined) {
            ctx.log(`workspace ${id} is owned by ${owner} now: left in place, no longer managed by this stack`);
            return;
        }
        await ctx.client.request({ method: "DELETE", api: "v1", path: apiPath`/v1/workspaces/${id}`, bucket: "workspaceWrites" });
    },
};
