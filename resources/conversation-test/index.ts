import * as pulumi from "@pulumi/pulumi";
import { WatsonResource } from "../../provider/bridge/resource";
import type { ConversationCase } from "./cases";
import type { CaseResult } from "./run";

export type { ConversationCase, Turn, TurnExpectation } from "./cases";
export type { CaseResult } from "./run";

export interface ConversationTestArgs {
    /** Assistant whose environment is tested. */
    assistantId: pulumi.Input<string>;
    /** Environment to test: a type (`live`, `staging`, `draft`), a name or an id. */
    environment: pulumi.Input<string>;
    /**
     * The release under test, typically an EnvironmentDeployment's `release` output: the tests wait
     * for that deployment, fail when the environment runs another release, and run again when it
     * changes.
     */
    release?: pulumi.Input<string>;
    /** Cases written in code. */
    cases?: pulumi.Input<ConversationCase[]>;
    /**
     * A YAML or JSON file (relative to the program's folder) with `cases:` and a list of cases. A bad
     * file fails at check time with the file and line; an edit to it runs the tests again.
     */
    casesFile?: pulumi.Input<string>;
    /** Share of cases that must pass (0-1, default 1: all). Below it the step fails. */
    threshold?: pulumi.Input<number>;
    /** Where to write a JUnit XML report (relative to the program's folder), on success and on failure. */
    junitPath?: pulumi.Input<string>;
}

const COMPUTED = ["passed", "failed", "accuracy", "results", "releaseTested", "verifiedReleases", "testedEnvironmentId"] as const;

/**
 * Conversation tests that gate a deploy: after its dependencies are deployed, sends each case's
 * utterances to the environment through the v2 message API (stateless for one utterance, a
 * session for `turns`) and compares the top intent, entities, skill variables and response text
 * with the expectations. Below `threshold` the step fails with a table of the failing cases, so
 * that nothing depending on this resource runs. The tests run again when the release, the cases
 * or the threshold change, and never otherwise.
 */
export class ConversationTest extends WatsonResource {
    declare readonly passed: pulumi.Output<number>;
    declare readonly failed: pulumi.Output<number>;
    /** passed / total (0-1). */
    declare readonly accuracy: pulumi.Output<number>;
    /** One entry per case: name, passed, the expectations that failed, the service's debug log messages. */
    declare readonly results: pulumi.Output<CaseResult[]>;
    /** The release the environment ran when the tests passed. */
    declare readonly releaseTested: pulumi.Output<string | undefined>;
    /**
     * Every release these tests have passed on, oldest first (kept across updates): give it to a
     * later stage's EnvironmentDeployment `allowedReleases`, e.g. through a StackReference.
     */
    declare readonly verifiedReleases: pulumi.Output<string[]>;
    declare readonly testedEnvironmentId: pulumi.Output<string>;

    constructor(name: string, args: ConversationTestArgs, opts?: pulumi.CustomResourceOptions) {
        super("ConversationTest", name, args, COMPUTED, opts);
    }
}
