import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ElementResourceArgs, InputsOf } from "../v1-elements/args";
import type { EntityElement, EntityValue } from "../v1-elements/types";

/**
 * One entity with all its values. Changing `entity` renames it in place (one call); changing
 * anything else updates it in one call; changing `workspaceId` replaces it. `entity: "sys-number"`
 * (no values) enables a system entity. Don't also declare `entities` on the Workspace resource.
 */
export type EntityArgs = ElementResourceArgs & InputsOf<EntityElement>;

export class Entity extends WatsonResource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly entity: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly fuzzyMatch: pulumi.Output<boolean | undefined>;
    declare readonly values: pulumi.Output<EntityValue[] | undefined>;

    constructor(name: string, args: EntityArgs, opts?: pulumi.CustomResourceOptions) {
        super("Entity", name, args, [], opts);
    }
}
