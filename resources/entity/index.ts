import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import { spec } from "./spec";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ElementInputs } from "../v1-elements/element-spec";
import type { EntityElement } from "../v1-elements/types";

/**
 * One entity with all its values. Changing `entity` renames it in place (one call); changing
 * anything else updates it in one call; changing `workspaceId` replaces it. `entity: "sys-number"`
 * (no values) enables a system entity. Don't also declare `entities` on the Workspace resource.
 */
export type EntityArgs = ArgsOf<ElementInputs<EntityElement>>;

/** The outputs of an Entity: its inputs as stored (refresh reads them back from the service). */
export interface Entity extends OutputsOf<ElementInputs<EntityElement>> {}

/** See EntityArgs. */
export class Entity extends WatsonResource {
    constructor(name: string, args: EntityArgs, opts?: pulumi.CustomResourceOptions) {
        super("Entity", name, args, [], opts, spec);
    }
}
