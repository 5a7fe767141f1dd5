/**
 * ConversationTest (v2): runs test cases against an environment through the v2 message API once the
 * release under test is deployed there, and fails the step when fewer than `threshold` of them
 * pass, so that nothing depending on it runs. Tests run on create and whenever the assistant,
 * environment, release, cases (in code or in the cases file) or threshold change; otherwise nothing
 * runs. Nothing is created in the service: delete does nothing.
 */
import * as fs from "fs";
import * as path from "path";
import type { OperationContext, ResourceSpec } from "../../provider/bridge/spec";
import { type CheckFailure, replacingProperties } from "../../provider/validation";
import { describeEnvironment, listEnvironments, resolveEnvironment } from "../v2-common/environments";
import { joinId } from "../v2-common/ids";
import { assistantIdSchema } from "../v2-common/schema";
import { caseRules, casesSchema, type ConversationCase } from "./cases";
import { loadCasesFile } from "./cases-file";
import { failureReport, junitXml, summarize } from "./report";
import { runCases, type CaseResult } from "./run";

/** Inputs of a ConversationTest; tests run again when any of them changes, except `junitPath`. */
export interface ConversationTestInputs {
    /** Assistant whose environment is tested. */
    assistantId: string;
    /** Environment to test: a type (`live`, `staging`, `draft`), a name or an id. */
    environment: string;
    /**
     * The release under test, typically an EnvironmentDeployment's `release` output: the tests wait
     * for that deployment, fail when the environment runs another release, and run again when it
     * changes.
     */
    release?: string;
    /** Cases written in code. */
    cases?: ConversationCase[];
    /**
     * A YAML or JSON file (relative to the program's folder) with `cases:` and a list of cases. A bad
     * file fails at check time with the file and line; an edit to it runs the tests again.
     */
    casesFile?: string;
    /** The cases read from `casesFile`, set by check, so that an edit of the file is a change. */
    casesFromFile?: ConversationCase[];
    /** Share of cases that must pass (0-1, default 1: all). Below it the step fails. */
    threshold?: number;
    /** Where to write a JUnit XML report (relative to the program's folder), on success and on failure. */
    junitPath?: string;
}

/** What a ConversationTest stores and outputs: its inputs and the results of the last run. */
export interface ConversationTestOutputs extends ConversationTestInputs {
    /** How many cases passed. */
    passed: number;
    /** How many cases failed. */
    failed: number;
    /** passed / total (0-1). */
    accuracy: number;
    /** One entry per case: name, passed, the expectations that failed, the service's debug log messages. */
    results: CaseResult[];
    /** The release the environment ran when the tests passed (undefined for draft). */
    releaseTested?: string;
    /**
     * Every release these tests have passed on, oldest first (kept across updates): give it to a
     * later stage's EnvironmentDeployment `allowedReleases`, e.g. through a StackReference.
     */
    verifiedReleases: string[];
    /** The id of the environment tested. */
    testedEnvironmentId: string;
}

const inputSchema = {
    type: "object",
    properties: {
        assistantId: assistantIdSchema,
        environment: { type: "string", minLength: 1 },
        release: { type: "string", pattern: "^[0-9]+$" },
        cases: casesSchema,
        casesFile: { type: "string", minLength: 1 },
        casesFromFile: { type: "array" },
        threshold: { type: "number", minimum: 0, maximum: 1 },
        junitPath: { type: "string", minLength: 1 },
    },
    required: ["assistantId", "environment"],
    additionalProperties: false,
};

export const spec: ResourceSpec<ConversationTestInputs, ConversationTestOutputs> = {
    type: "ConversationTest",
    inputSchema,
    replaceOn: replacingProperties(inputSchema),
    // Where the report is written is not a reason to test again.
    canonical: (property, value) => (property === "junitPath" ? undefined : value),

    check(inputs) {
        const failures: CheckFailure[] = [];
        if (inputs.cases === undefined && inputs.casesFile === undefined) {
            failures.push({ property: "cases", reason: "give cases, casesFile or both" });
        }
        failures.push(...caseRules(inputs.cases ?? [], (index, rest) => `cases[${index}]${rest ? `.${rest}` : ""}`));
        if (inputs.casesFile !== undefined) failures.push(...loadCasesFile(inputs.casesFile).failures);
        return failures;
    },

    normalize(inputs) {
        if (inputs.casesFile === undefined) return { ...inputs, casesFromFile: undefined };
        return { ...inputs, casesFromFile: loadCasesFile(inputs.casesFile).cases };
    },

    async create(ctx, inputs) {
        const outs = await test(ctx, inputs, []);
        return { id: joinId(inputs.assistantId, outs.testedEnvironmentId), outs };
    },

    // Results are a record of a run, not live state: there is nothing to read back.
    async read(_ctx, _id, olds) {
        return { outs: olds };
    },

    async update(ctx, _id, olds, news) {
        return test(ctx, news, olds.verifiedReleases ?? []);
    },

    async delete() {
        // Tests leave nothing in the service.
    },
};

async function test(ctx: OperationContext, inputs: ConversationTestInputs, verifiedBefore: string[]): Promise<ConversationTestOutputs> {
    const environment = resolveEnvironment(await listEnvironments(ctx, inputs.assistantId), { environment: inputs.environment });
    const running = environment.release_reference?.release;
    const where = `environment ${describeEnvironment(environment)}${running ? ` (release ${running})` : ""}`;
    if (inputs.release !== undefined && running !== inputs.release) {
        throw new Error(
            `${where} does not run release ${inputs.release}, the release under test: deploy it there first ` +
                "(give this test the EnvironmentDeployment's release output, or dependsOn it)",
        );
    }
    const cases = [...(inputs.cases ?? []), ...(inputs.casesFromFile ?? [])];
    const results = await runCases(ctx, environment.environment_id, cases);
    const summary = summarize(results);
    if (inputs.junitPath) writeReport(inputs.junitPath, junitXml(`${inputs.assistantId} ${environment.name}`, results));
    const threshold = inputs.threshold ?? 1;
    if (summary.accuracy < threshold) throw new Error(failureReport(results, threshold, where));
    ctx.log(`conversation tests on ${where}: ${summary.passed} of ${results.length} passed`);
    const verifiedReleases = running === undefined || verifiedBefore.includes(running) ? verifiedBefore : [...verifiedBefore, running];
    return { ...inputs, ...summary, results, releaseTested: running, verifiedReleases, testedEnvironmentId: environment.environment_id };
}

function writeReport(file: string, text: string): void {
    const target = path.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
}
