import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";

export interface ConversationalSkillProviderArgs {
    /**
     * Client-chosen provider id (letters, digits, `-` and `_`, up to 256). It cannot change: the
     * API cannot delete providers, so a change is rejected at preview with an explanation.
     */
    providerId: pulumi.Input<string>;
    /**
     * The provider's OpenAPI-style specification (`servers[].url`, `components.securitySchemes`),
     * sent as-is. Updated in place (specification and credentials are sent together).
     */
    specification: pulumi.Input<Record<string, unknown>>;
    /**
     * Credentials the assistant uses to call the provider (`{ authentication: {...} }`). A secret:
     * wrapped with `pulumi.secret`, never returned by the API, never stored in outputs (only a hash
     * to detect changes). Updated in place.
     */
    private: pulumi.Input<Record<string, unknown>>;
}

const COMPUTED = ["privateHash"] as const;

/**
 * A conversational skill provider of the service instance ("Provider" in the v2 API; named so to
 * avoid confusion with Pulumi providers). The API cannot delete providers: deleting this resource
 * only stops managing it, and creating one whose id already exists adopts and updates it.
 */
export class ConversationalSkillProvider extends WatsonResource {
    declare readonly providerId: pulumi.Output<string>;
    declare readonly specification: pulumi.Output<Record<string, unknown>>;
    /** sha256 of the credentials, for change detection (a secret too). */
    declare readonly privateHash: pulumi.Output<string>;

    constructor(name: string, args: ConversationalSkillProviderArgs, opts?: pulumi.CustomResourceOptions) {
        const secretArgs = { ...args, private: pulumi.secret(args.private) };
        const additionalSecretOutputs = [...(opts?.additionalSecretOutputs ?? []), "private", "privateHash"];
        super("ConversationalSkillProvider", name, secretArgs, COMPUTED, { ...opts, additionalSecretOutputs });
    }
}
