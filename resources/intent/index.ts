import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import { spec } from "./spec";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ElementInputs } from "../v1-elements/element-spec";
import type { IntentElement } from "../v1-elements/types";

/**
 * One intent with all its examples. Changing `intent` renames it in place (one call); changing
 * anything else updates it in one call; changing `workspaceId` replaces it. Don't also declare
 * `intents` on the Workspace resource: a collection declared there is owned by it.
 */
export type IntentArgs = ArgsOf<ElementInputs<IntentElement>>;

/** The outputs of an Intent: its inputs as stored (refresh reads them back from the service). */
export interface Intent extends OutputsOf<ElementInputs<IntentElement>> {}

/** See IntentArgs. */
export class Intent extends WatsonResource {
    constructor(name: string, args: IntentArgs, opts?: pulumi.CustomResourceOptions) {
        super("Intent", name, args, [], opts, spec);
    }
}
