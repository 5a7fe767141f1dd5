import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ArgsOf, OutputsOf } from "../../provider/bridge/resource-types";
import type { ConversationTestInputs, ConversationTestOutputs } from "./spec";

export type { ConversationCase, Turn, TurnExpectation } from "./cases";
export type { CaseResult } from "./run";

/** Inputs of a ConversationTest (see ConversationTestInputs; `casesFromFile` is set by check); any part may be an Output. */
export type ConversationTestArgs = ArgsOf<Omit<ConversationTestInputs, "casesFromFile">>;

const COMPUTED = ["passed", "failed", "accuracy", "results", "releaseTested", "verifiedReleases", "testedEnvironmentId"] as const;

/** The outputs of a ConversationTest: its inputs and the results of the last run. */
export interface ConversationTest extends OutputsOf<ConversationTestOutputs> {}

/**
 * Conversation tests that gate a deploy: after its dependencies are deployed, sends each case's
 * utterances to the environment through the v2 message API (stateless for one utterance, a
 * session for `turns`) and compares the top intent, entities, skill variables and response text
 * with the expectations. Below `threshold` the step fails with a table of the failing cases, so
 * that nothing depending on this resource runs. The tests run again when the release, the cases
 * or the threshold change, and never otherwise.
 */
export class ConversationTest extends WatsonResource {
    constructor(name: string, args: ConversationTestArgs, opts?: pulumi.CustomResourceOptions) {
        super("ConversationTest", name, args, COMPUTED, opts);
    }
}
