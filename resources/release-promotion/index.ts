import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface ReleasePromotionArgs {
    /** Assistant whose release is promoted, on the stack's own instance (`watson-assistant:*` config). */
    sourceAssistantId?: pulumi.Input<string>;
    /** Release to promote (with `sourceAssistantId`). A new number promotes again (update). */
    sourceRelease?: pulumi.Input<string>;
    /**
     * Instead of a source release: a release archive file (the zip a release export downloads, kept
     * in git or as a CI artifact), relative to the program's folder. A new archive promotes again.
     */
    archiveFile?: pulumi.Input<string>;
    /** Assistant that receives the release. Changing it REPLACES this resource. */
    targetAssistantId: pulumi.Input<string>;
    /** Target environment: `live` (default), `staging`, a name or an id. Changing it REPLACES this resource. */
    targetEnvironment?: pulumi.Input<string>;
    /**
     * Service URL of the target instance. When omitted, the target is on the stack's own instance.
     * The target connection comes only from these `target*` inputs: never from the stack's config,
     * the environment or a credentials file.
     */
    targetUrl?: pulumi.Input<string>;
    /** `iam` (default with an API key) or `noauth` (default without: e.g. an emulator). */
    targetAuthType?: pulumi.Input<"iam" | "noauth">;
    /** IAM endpoint for the target's API key (default IBM Cloud IAM). */
    targetIamUrl?: pulumi.Input<string>;
    /** API key of the target instance: always handled as a secret, stored only as a hash. */
    targetApikey?: pulumi.Input<string>;
    /** Description of the release cut in the target (default: where it was promoted from). */
    description?: pulumi.Input<string>;
    /** How long to wait for the export, the import and publishing (default 900 s each). */
    waitTimeoutSeconds?: pulumi.Input<number>;
}

const COMPUTED = ["targetRelease", "targetEnvironmentId", "archiveSha256", "targetApikeyHash"] as const;

/**
 * Promotes a frozen release to another assistant, typically in another service instance or account:
 * exports the release archive from the source (or reads an archive file), imports it into the
 * target assistant (waiting for any import already running there, since the service takes one at a
 * time), cuts a release there and deploys it. The promotion runs again when the source release or
 * the archive changes. Deleting this resource leaves the target as it is.
 */
export class ReleasePromotion extends WatsonResource {
    /** The release number cut in the target assistant. */
    declare readonly targetRelease: pulumi.Output<string>;
    declare readonly targetEnvironmentId: pulumi.Output<string>;
    /** sha256 of the archive imported. */
    declare readonly archiveSha256: pulumi.Output<string>;

    constructor(name: string, args: ReleasePromotionArgs, opts?: pulumi.CustomResourceOptions) {
        const secretArgs = args.targetApikey === undefined ? args : { ...args, targetApikey: pulumi.secret(args.targetApikey) };
        const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), "targetApikey", "targetApikeyHash"];
        super("ReleasePromotion", name, secretArgs, COMPUTED, { ...opts, additionalSecretOutputs });
    }
}
