/**
 * ReleasePromotion (v2): takes a frozen release to another assistant, typically in another service
 * instance or account: export the release archive from the source (or read it from a file), import
 * it into the target assistant's draft, cut a release there and deploy it to the target
 * environment. The target's connection comes from this resource's own inputs (its API key a
 * secret), never from the stack's `watson-assistant:*` config and never from `__provider`.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { resolveSettings } from "../../provider/config";
import { ApiClient } from "../../provider/http/client";
import { spec as deploymentSpec } from "../environment-deployment/spec";
import { spec as releaseSpec } from "../release/spec";
import { exportRelease, importRelease } from "../v2-common/release-archive";
import { assistantIdSchema, singleLineText, waitTimeoutSchema } from "../v2-common/schema";

/** Inputs of a ReleasePromotion: the source (a release or an archive file) and the target. */
export interface ReleasePromotionInputs {
    /** Assistant whose release is promoted, on the stack's own instance (`watson-assistant:*` config). */
    sourceAssistantId?: string;
    /** Release to promote (with `sourceAssistantId`). A new number promotes again (update). */
    sourceRelease?: string;
    /**
     * Instead of a source release: a release archive file (the zip a release export downloads, kept
     * in git or as a CI artifact), relative to the program's folder. A new archive promotes again.
     */
    archiveFile?: string;
    /** sha256 of `archiveFile`, set by check, so that a new archive is a change. */
    archiveFileSha256?: string;
    /** Assistant that receives the release. Changing it REPLACES this resource. */
    targetAssistantId: string;
    /** Target environment: `live` (default), `staging`, a name or an id. Changing it REPLACES this resource. */
    targetEnvironment?: string;
    /**
     * Service URL of the target instance. When omitted, the target is on the stack's own instance.
     * The target connection comes only from these `target*` inputs: never from the stack's config,
     * the environment or a credentials file. Changing it REPLACES this resource.
     */
    targetUrl?: string;
    /** `iam` (default with an API key) or `noauth` (default without: e.g. an emulator). */
    targetAuthType?: "iam" | "noauth";
    /** IAM endpoint for the target's API key (default IBM Cloud IAM). */
    targetIamUrl?: string;
    /** API key of the target instance: always handled as a secret, stored only as a hash. */
    targetApikey?: string;
    /** Description of the release cut in the target (default: where it was promoted from). */
    description?: string;
    /** How long to wait for the export, the import and publishing (default 900 s each). */
    waitTimeoutSeconds?: number;
}

/** What a ReleasePromotion stores and outputs: its inputs and what the promotion made in the target. */
export interface ReleasePromotionOutputs extends ReleasePromotionInputs {
    /** The release number cut in the target assistant. */
    targetRelease: string;
    /** The id of the target environment the release was deployed to. */
    targetEnvironmentId: string;
    /** sha256 of the archive imported. */
    archiveSha256: string;
}

const inputSchema = {
    type: "object",
    properties: {
        sourceAssistantId: assistantIdSchema,
        sourceRelease: { type: "string", pattern: "^[0-9]+$" },
        archiveFile: { type: "string", minLength: 1 },
        archiveFileSha256: { type: "string" },
        targetAssistantId: { ...assistantIdSchema, replaceOnChange: true },
        targetEnvironment: { type: "string", minLength: 1, replaceOnChange: true },
        targetUrl: { type: "string", pattern: "^https?://[^/]", errorHint: "an http(s) service URL", replaceOnChange: true },
        targetAuthType: { enum: ["iam", "noauth"] },
        targetIamUrl: { type: "string", pattern: "^https?://[^/]" },
        targetApikey: { type: "string", minLength: 1 },
        description: singleLineText(500),
        waitTimeoutSeconds: waitTimeoutSchema,
    },
    required: ["targetAssistantId"],
    additionalProperties: false,
};

export const spec: ResourceSpec<ReleasePromotionInputs, ReleasePromotionOutputs> = {
    type: "ReleasePromotion",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
    writeOnly: ["targetApikey"],
    canonical: (property, value) => (property === "waitTimeoutSeconds" || property === "archiveFile" ? undefined : value),

    check(inputs) {
        const failures: CheckFailure[] = [];
        const fromSource = inputs.sourceAssistantId !== undefined || inputs.sourceRelease !== undefined;
        if (fromSource === (inputs.archiveFile !== undefined)) {
            failures.push({ property: "archiveFile", reason: "give either sourceAssistantId and sourceRelease, or archiveFile" });
        } else if (fromSource && (inputs.sourceAssistantId === undefined || inputs.sourceRelease === undefined)) {
            failures.push({ property: inputs.sourceRelease === undefined ? "sourceRelease" : "sourceAssistantId", reason: "is required with a source release" });
        }
        if (inputs.archiveFile !== undefined && !fs.existsSync(path.resolve(inputs.archiveFile))) {
            failures.push({ property: "archiveFile", reason: `${inputs.archiveFile} does not exist` });
        }
        if (inputs.targetUrl === undefined && (inputs.targetApikey !== undefined || inputs.targetAuthType !== undefined)) {
            failures.push({ property: "targetUrl", reason: "is required with targetApikey or targetAuthType (without it the target is the stack's own instance)" });
        }
        return failures;
    },

    normalize(inputs) {
        if (inputs.archiveFile === undefined) return inputs;
        return { ...inputs, archiveFileSha256: sha256(fs.readFileSync(path.resolve(inputs.archiveFile))) };
    },

    async create(ctx, inputs) {
        const outs = await promote(ctx, inputs);
        return { id: `${inputs.targetAssistantId}/${outs.targetEnvironmentId}`, outs };
    },

    async read(_ctx, _id, olds) {
        return { outs: olds };
    },

    async update(ctx, _id, _olds, news) {
        return promote(ctx, news);
    },

    async delete(ctx, id, olds) {
        ctx.log(`${id} keeps release ${olds.targetRelease} deployed: a promotion is not undone`);
    },
};

function sha256(data: Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

/** The target instance's context: only this resource's inputs, no stack config, environment or credentials file. */
function targetContext(ctx: OperationContext, inputs: ReleasePromotionInputs): OperationContext {
    if (inputs.targetUrl === undefined) return ctx;
    const values: Record<string, string | undefined> = {
        url: inputs.targetUrl,
        authType: inputs.targetAuthType,
        apikey: inputs.targetApikey,
        iamUrl: inputs.targetIamUrl,
        versionV2: ctx.settings.versionV2,
        versionV1: ctx.settings.versionV1,
    };
    const settings = resolveSettings((key) => values[key], {}, () => ({}));
    return { client: new ApiClient(settings), settings, log: ctx.log };
}

async function promote(ctx: OperationContext, inputs: ReleasePromotionInputs): Promise<ReleasePromotionOutputs> {
    const archive = inputs.archiveFile !== undefined
        ? fs.readFileSync(path.resolve(inputs.archiveFile))
        : await exportRelease(ctx, inputs.sourceAssistantId!, inputs.sourceRelease!, inputs.waitTimeoutSeconds);
    const archiveSha256 = sha256(archive);
    const source = inputs.archiveFile ?? `release ${inputs.sourceRelease} of assistant ${inputs.sourceAssistantId}`;
    const target = targetContext(ctx, inputs);
    await importRelease(target, inputs.targetAssistantId, archive, inputs.waitTimeoutSeconds);
    const description = inputs.description ?? `promoted from ${source}`.slice(0, 500);
    const { outs: release } = await releaseSpec.create(target, { assistantId: inputs.targetAssistantId, description, waitTimeoutSeconds: inputs.waitTimeoutSeconds });
    const { outs: deployment } = await deploymentSpec.create(target, {
        assistantId: inputs.targetAssistantId, environment: inputs.targetEnvironment ?? "live", release: release.release,
    });
    ctx.log(`promoted ${source} to release ${release.release} of assistant ${inputs.targetAssistantId}, deployed to ${deployment.environmentType}`);
    return { ...inputs, targetRelease: release.release, targetEnvironmentId: deployment.targetEnvironmentId, archiveSha256 };
}
