import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ReleasePromotionInputs, ReleasePromotionOutputs } from "./spec";

/** Inputs of a ReleasePromotion (see ReleasePromotionInputs; `archiveFileSha256` is set by check); any part may be an Output. */
export type ReleasePromotionArgs = ArgsOf<Omit<ReleasePromotionInputs, "archiveFileSha256">>;

const COMPUTED = ["targetRelease", "targetEnvironmentId", "archiveSha256", "targetApikeyHash"] as const;

/** The outputs of a ReleasePromotion: its inputs (without the API key) and what it made in the target. */
export interface ReleasePromotion extends OutputsOf<Omit<ReleasePromotionOutputs, "targetApikey">> {}

/**
 * Promotes a frozen release to another assistant, typically in another service instance or account:
 * exports the release archive from the source (or reads an archive file), imports it into the
 * target assistant (waiting for any import already running there, since the service takes one at a
 * time), cuts a release there and deploys it. The promotion runs again when the source release or
 * the archive changes. Deleting this resource leaves the target as it is.
 */
export class ReleasePromotion extends WatsonResource {
    constructor(name: string, args: ReleasePromotionArgs, opts?: pulumi.CustomResourceOptions) {
        const secretArgs = args.targetApikey === undefined ? args : { ...args, targetApikey: pulumi.secret(args.targetApikey) };
        const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), "targetApikey", "targetApikeyHash"];
        super("ReleasePromotion", name, secretArgs, COMPUTED, { ...opts, additionalSecretOutputs });
    }
}
