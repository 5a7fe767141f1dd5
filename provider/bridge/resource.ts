/** Base class of every resource: a `pulumi.dynamic.Resource` with its own type token. */
import * as pulumi from "@pulumi/pulumi";
import { URN_KEY } from "./creation-marker";
import { PACKED_KEY } from "./packing";
import { providerFor } from "./serializable-provider";

/** Type tokens become `pulumi-nodejs:dynamic/watson-assistant:<Type>`. */
export const RESOURCE_MODULE = "watson-assistant";

export abstract class WatsonResource extends pulumi.dynamic.Resource {
    /**
     * @param outputNames computed outputs the class exposes; they must be present (undefined) in
     *   the registered properties for Pulumi to create the output properties.
     * @param packed bulky inputs sent to the engine as one JSON string (the spec's `packed`, see
     *   packing.ts); the class still exposes each of them as an output of its own, with the
     *   declared value once the resource exists (state keeps digests of them, not the content).
     */
    protected constructor(
        type: string,
        name: string,
        args: object,
        outputNames: readonly string[],
        opts?: pulumi.CustomResourceOptions,
        packed: readonly string[] = [],
    ) {
        const props: Record<string, unknown> = {};
        for (const output of outputNames) props[output] = undefined;
        Object.assign(props, packed.length > 0 ? packArgs(args as Record<string, unknown>, packed) : args);
        // Stable facts for the creation marker (creation-marker.ts): the provider never sees the URN.
        props[URN_KEY] = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${type}`, opts?.parent);
        super(providerFor(type), name, props, opts, RESOURCE_MODULE, type);
        for (const name of packed) {
            const declared = pulumi.output((args as Record<string, unknown>)[name]);
            (this as unknown as Record<string, unknown>)[name] = pulumi.all([this.id, declared]).apply(([, value]) => value);
        }
    }
}

/** `args` with the packed inputs replaced by their JSON text (resolved first: they may hold Outputs). */
function packArgs(args: Record<string, unknown>, packed: readonly string[]): Record<string, unknown> {
    const rest = { ...args };
    const picked: Record<string, unknown> = {};
    for (const name of packed) {
        if (rest[name] !== undefined) picked[name] = rest[name];
        delete rest[name];
    }
    return { ...rest, [PACKED_KEY]: pulumi.output(picked).apply((values) => JSON.stringify(values)) };
}
