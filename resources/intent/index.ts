import type * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ElementResourceArgs, InputsOf } from "../v1-elements/args";
import type { Example, IntentElement } from "../v1-elements/types";

/**
 * One intent with all its examples. Changing `intent` renames it in place (one call); changing
 * anything else updates it in one call; changing `workspaceId` replaces it. Don't also declare
 * `intents` on the Workspace resource: a collection declared there is owned by it.
 */
export type IntentArgs = ElementResourceArgs & InputsOf<IntentElement>;

export class Intent extends WatsonResource {
    declare readonly workspaceId: pulumi.Output<string>;
    declare readonly intent: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly examples: pulumi.Output<Example[] | undefined>;

    constructor(name: string, args: IntentArgs, opts?: pulumi.CustomResourceOptions) {
        super("Intent", name, args, [], opts);
    }
}
