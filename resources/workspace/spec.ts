/**
 * Workspace (v1 dialog skill). Collections declared here are owned: the declared set is the
 * desired set. A collection left undeclared is never sent, read or touched, so that separate
 * Intent / Entity / DialogNode resources can manage it. Updates go through the planner
 * (plan.ts): the fewest element calls, or one workspace update when the cost model says so.
 */
import { randomUUID } from "crypto";
import { PartialFailure } from "../../provider/bridge/errors";
import type { CheckContext, OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { apiPath } from "../../provider/http/path";
import { WaitFailedError, WaitTimeoutError } from "../../provider/poll";
import { digestKey } from "../../provider/element-digests";
import { holdsDeployedInputs } from "../../provider/values";
import { canonicalCollection, ELEMENT_KINDS, identityOf } from "../v1-elements/kinds";
import { checkCollection, checkDialogTree, checkSensitivity } from "../v1-elements/rules";
import { applyWorkspace, digestsOf, storedDigests } from "./apply";
import { CREATION_TOKEN_KEY, projectOnto, workspaceBody, workspaceFromApi } from "./mapping";
import { workspaceSchema } from "./schema";
import { workspaceSummary } from "./summary";
import { waitForTraining } from "./training";
import { COLLECTIONS, OPTIONS, type WorkspaceInputs, type WorkspaceOutputs } from "./types";

type ApiWorkspace = Record<string, unknown> & { workspace_id: string; status?: string; metadata?: Record<string, unknown> };

function check(inputs: WorkspaceInputs, context: CheckContext): CheckFailure[] {
    const failures: CheckFailure[] = checkSensitivity(inputs, context.versionV1);
    for (const kind of ELEMENT_KINDS) {
        const elements = inputs[kind.collection];
        if (Array.isArray(elements)) failures.push(...checkCollection(kind, elements as object[], kind.collection));
    }
    if (Array.isArray(inputs.dialogNodes)) failures.push(...checkDialogTree(inputs.dialogNodes, "dialogNodes"));
    return failures;
}

function getWorkspace(ctx: OperationContext, workspaceId: string, withContent: boolean): Promise<ApiWorkspace> {
    return ctx.client.request<ApiWorkspace>({
        method: "GET", api: "v1", path: apiPath`/v1/workspaces/${workspaceId}`, query: withContent ? { export: true } : undefined,
    });
}

/** Finds the workspace a create with this token made (GET /v1/workspaces lists metadata). */
async function findCreated(ctx: OperationContext, token: string): Promise<ApiWorkspace | undefined> {
    const all = await ctx.client.paginate<ApiWorkspace>({ api: "v1", path: "/v1/workspaces", itemsKey: "workspaces" });
    return all.find((w) => w.metadata?.[CREATION_TOKEN_KEY] === token);
}

/** The status a failed wait last saw ("Unknown" when the wait failed for another reason). */
function statusSeenBy(err: unknown): string {
    if (err instanceof WaitTimeoutError) return err.lastStatus;
    if (err instanceof WaitFailedError) return err.status;
    return "Unknown";
}

/**
 * Waits for training when asked; a failure keeps the object (PartialFailure) so that it is not
 * lost, with the status last seen, so that the next update waits again.
 */
async function trained(ctx: OperationContext, outputs: WorkspaceOutputs, what: string): Promise<WorkspaceOutputs> {
    if (outputs.waitForTraining === false) return outputs;
    try {
        return { ...outputs, status: await waitForTraining(ctx, outputs.workspaceId, outputs.trainingTimeoutSeconds) };
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new PartialFailure(`workspace ${outputs.workspaceId} was ${what}, but ${message}`, outputs.workspaceId, { ...outputs, status: statusSeenBy(err) } as any, err, [...COLLECTIONS, ...COLLECTIONS.map(digestKey)]);
    }
}

/** Status of a workspace whose content did not change: a status other than Available (a wait that failed or was skipped) is read again. */
async function currentStatus(ctx: OperationContext, outputs: WorkspaceOutputs, olds: WorkspaceOutputs): Promise<WorkspaceOutputs> {
    if (olds.status === "Available") return { ...outputs, status: olds.status };
    if (outputs.waitForTraining !== false) return trained(ctx, outputs, "updated");
    return { ...outputs, status: (await getWorkspace(ctx, outputs.workspaceId, false)).status };
}

/** Takes over workspace `id` (adoptWorkspaceId, or the object of an interrupted create): brings it to the declared state. */
async function adopt(ctx: OperationContext, inputs: WorkspaceInputs, id: string): Promise<{ id: string; outs: WorkspaceOutputs }> {
    const live = workspaceFromApi(await getWorkspace(ctx, id, true));
    if (live.language !== inputs.language) {
        throw new Error(`adoptWorkspaceId ${id}: its language is ${live.language}, the declared language is ${inputs.language} (a workspace's language cannot change)`);
    }
    // Plan against what the service holds of the declared settings and owned collections, as if
    // the state had it: undeclared settings are not managed, so they must not read as cleared.
    const held = projectOnto(live, inputs);
    const { outputs, contentChanged } = await applyWorkspace(ctx, id, held, digestsOf(held), inputs);
    const outs = contentChanged || live.status !== "Available" ? await trained(ctx, outputs, "adopted") : { ...outputs, status: live.status };
    return { id, outs };
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
            ctx.log(`workspace ${interrupted.workspace_id} was created by an interrupted run of this resource; finishing it instead of creating another`);
            return adopt(ctx, inputs, interrupted.workspace_id);
        }
        const token = marker ?? randomUUID();
        const created = await ctx.client.request<ApiWorkspace>({
            method: "POST", api: "v1", path: "/v1/workspaces",
            body: workspaceBody(inputs, { collections: COLLECTIONS.filter((c) => inputs[c] !== undefined), creationToken: token }),
            idempotent: false,
            expect: ["workspace_id"],
            reconcile: () => findCreated(ctx, token),
        });
        const outputs: WorkspaceOutputs = { ...inputs, workspaceId: created.workspace_id, status: created.status };
        return { id: created.workspace_id, outs: await trained(ctx, outputs, "created") };
    },

    async read(ctx, id, olds) {
        // An import (no stored state) takes over every collection: the program generated from its inputs declares them.
        const importing = !holdsDeployedInputs(olds as unknown as Record<string, unknown>);
        const owned = importing ? COLLECTIONS : COLLECTIONS.filter((c) => olds[digestKey(c) as keyof WorkspaceOutputs] !== undefined);
        const body = await getWorkspace(ctx, id, owned.length > 0);
        const live = workspaceFromApi(body);
        // Outputs get the live collections (digested by the bridge), inputs too: drift shows in the next diff.
        const inputs = projectOnto(live, importing ? live : olds, owned);
        for (const option of OPTIONS) if (olds[option] !== undefined) (inputs as any)[option] = olds[option];
        return { outs: { ...inputs, workspaceId: id, status: live.status }, inputs };
    },

    async update(ctx, id, olds, news) {
        const { outputs, contentChanged } = await applyWorkspace(ctx, id, olds, storedDigests(olds), news);
        return contentChanged ? await trained(ctx, outputs, "updated") : await currentStatus(ctx, outputs, olds);
    },

    async delete(ctx, id) {
        await ctx.client.request({ method: "DELETE", api: "v1", path: apiPath`/v1/workspaces/${id}` });
    },
};
