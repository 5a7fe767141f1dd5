/**
 * The engine's floor: a dynamic resource that does nothing but carry its content as ONE JSON string
 * and compare it with the stored one. What it costs per `up` is what the engine and the
 * dynamic-provider plugin cost for those bytes, with no provider work at all.
 */
import * as pulumi from "@pulumi/pulumi";

export interface FloorArgs {
    content: pulumi.Input<string>;
}

// Self-contained (no captured imports): Pulumi serializes it into every resource's __provider.
const floorProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: Record<string, unknown>) {
        return { id: "floor", outs: inputs };
    },
    async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
        return { changes: olds.content !== news.content };
    },
    async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
        return { outs: news };
    },
};

export class FloorContent extends pulumi.dynamic.Resource {
    constructor(name: string, args: FloorArgs, opts?: pulumi.CustomResourceOptions) {
        super(floorProvider, name, args, opts, "bench", "FloorContent");
    }
}
