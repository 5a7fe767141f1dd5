import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ElementResourceArgs, InputsOf } from "../v1-elements/args";
import type { DialogNodeElement } from "../v1-elements/types";

/**
 * One dialog node. Changing `dialogNode` renames it in place (one call); changing anything else,
 * including its position (`parent`, `previousSibling`), updates it in one call; changing
 * `workspaceId` replaces it. Reference other nodes through their resources' `dialogNode` output so
 * that parents and previous siblings are created first. Don't also declare `dialogNodes` on the
 * Workspace resource.
 */
export type DialogNodeArgs = ElementResourceArgs & InputsOf<DialogNodeElement>;

export class DialogNode extends WatsonResource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly dialogNode: pulumi.Output<string>;
    declare readonly parent: pulumi.Output<string | undefined>;
    declare readonly previousSibling: pulumi.Output<string | undefined>;
    declare readonly title: pulumi.Output<string | undefined>;

    constructor(name: string, args: DialogNodeArgs, opts?: pulumi.CustomResourceOptions) {
        super("DialogNode", name, args, [], opts);
    }
}
