import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import { spec } from "./spec";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ElementInputs } from "../v1-elements/element-spec";
import type { DialogNodeElement } from "../v1-elements/types";

/**
 * One dialog node. Changing `dialogNode` renames it in place (one call); changing anything else,
 * including its position (`parent`, `previousSibling`), updates it in one call; changing
 * `workspaceId` replaces it. Reference other nodes through their resources' `dialogNode` output so
 * that parents and previous siblings are created first. Don't also declare `dialogNodes` on the
 * Workspace resource.
 */
export type DialogNodeArgs = ArgsOf<ElementInputs<DialogNodeElement>>;

/** The outputs of a DialogNode: its inputs as stored (refresh reads them back from the service). */
export interface DialogNode extends OutputsOf<ElementInputs<DialogNodeElement>> {}

/** See DialogNodeArgs. */
export class DialogNode extends WatsonResource {
    constructor(name: string, args: DialogNodeArgs, opts?: pulumi.CustomResourceOptions) {
        super("DialogNode", name, args, [], opts, spec);
    }
}
