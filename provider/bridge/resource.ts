/** Base class of every resource: a `pulumi.dynamic.Resource` with its own type token. */
import * as pulumi from "@pulumi/pulumi";
import { URN_KEY } from "./creation-marker";
import { providerFor } from "./serializable-provider";

/** Type tokens become `pulumi-nodejs:dynamic/watson-assistant:<Type>`. */
export const RESOURCE_MODULE = "watson-assistant";

export abstract class WatsonResource extends pulumi.dynamic.Resource {
    /**
     * @param outputNames computed outputs the class exposes; they must be present (undefined) in
     *   the registered properties for Pulumi to create the output properties.
     */
    protected constructor(
        type: string,
        name: string,
        args: object,
        outputNames: readonly string[],
        opts?: pulumi.CustomResourceOptions,
    ) {
        const props: Record<string, unknown> = {};
        for (const output of outputNames) props[output] = undefined;
        Object.assign(props, args);
        // Stable facts for the creation marker (creation-marker.ts): the provider never sees the URN.
        props[URN_KEY] = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${type}`, opts?.parent);
        super(providerFor(type), name, props, opts, RESOURCE_MODULE, type);
    }
}
