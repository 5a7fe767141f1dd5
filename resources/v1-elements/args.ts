/** Resource-args typing shared by the v1 element classes (only the class modules import this). */
import type * as pulumi from "@pulumi/pulumi";

/** Every property of `T` as a `pulumi.Input`; the doc comments of `T` carry over. */
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<T[K]> };

export interface ElementResourceArgs {
    /** Workspace (dialog skill) id holding the element. Changing it REPLACES the resource. */
    workspaceId: pulumi.Input<string>;
    /**
     * Take over an existing element with the same key instead of failing with "already exists"
     * (default false). Pulumi import does not work for dynamic providers; this is the way in.
     */
    adopt?: pulumi.Input<boolean>;
}
