/**
 * GitOps promotion with watsonx Assistant: one program, three stacks.
 *
 * - dev owns the assistant and its action skill content (content/actions.json) and cuts a release
 *   whenever the content changes;
 * - staging and prod each deploy the release named in their stack config (`release: "3"`),
 *   reading the assistant id from dev through a StackReference. Editing that one line promotes or
 *   rolls back.
 * - staging (config `casesFile`) runs conversation tests against the release it deploys;
 * - prod (config `verifiedBy: staging`) deploys only a release those tests passed, read through a
 *   StackReference: any other release is refused at preview.
 */
import * as fs from "fs";
import * as path from "path";
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { Assistant, ConversationTest, EnvironmentDeployment, Release, Skill } from "pulumi-watson-assistant";

const config = new pulumi.Config();
const environment = config.get("environment");

/** dev: the assistant, its content, and one release per content version. */
function ownerStack() {
    const contentFile = path.resolve(__dirname, config.get("contentFile") ?? "content/actions.json");
    const content = JSON.parse(fs.readFileSync(contentFile, "utf8")) as Record<string, unknown>;
    const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12);

    const assistant = new Assistant("assistant", {
        name: config.get("assistantName") ?? "GitOps demo",
        description: "Managed by the gitops-promotion example",
    });
    const actions = new Skill("actions", {
        assistantId: assistant.assistantId,
        skillId: assistant.actionSkillId.apply((id) => id ?? ""),
        workspace: content,
    });
    // A new release whenever the content changes. Old releases are kept (retainOnDelete) so that
    // staging and prod can keep running them and roll back to them.
    const release = new Release("release", {
        assistantId: assistant.assistantId,
        description: `content ${contentHash}`,
        triggers: [contentHash],
    }, { dependsOn: [actions], retainOnDelete: true });

    return {
        assistantId: assistant.assistantId,
        environments: assistant.environments,
        contentHash,
        latestRelease: release.release,
    };
}

/** staging / prod: run the release named in the stack config on this stack's environment. */
function deploymentStack(target: string) {
    // "dev" resolves within this project on a local file backend; on Pulumi Cloud set devStack to
    // "<org>/gitops-promotion/dev".
    const devStack = config.get("devStack") ?? "dev";
    const dev = new pulumi.StackReference(devStack);
    const assistantId = dev.requireOutput("assistantId") as pulumi.Output<string>;
    // prod: only the releases the verifying stack's conversation tests passed.
    const verifiedBy = config.get("verifiedBy");
    const allowedReleases = verifiedBy === undefined ? undefined
        : (new pulumi.StackReference(verifiedBy).requireOutput("verifiedReleases") as pulumi.Output<string[]>);
    const deployment = new EnvironmentDeployment(target, {
        assistantId,
        environment: target,
        release: config.require("release"),
        allowedReleases,
    });
    // staging: the release just deployed must pass the conversation tests in git.
    const casesFile = config.get("casesFile");
    const tests = casesFile === undefined ? undefined : new ConversationTest(`${target}-tests`, {
        assistantId,
        environment: target,
        release: deployment.release,
        casesFile,
        threshold: config.getNumber("testThreshold") ?? 1,
    });
    return {
        environmentId: deployment.targetEnvironmentId,
        deployedRelease: deployment.release,
        ...(tests ? { verifiedReleases: tests.verifiedReleases, testAccuracy: tests.accuracy } : {}),
    };
}

const outputs = environment === undefined ? ownerStack() : deploymentStack(environment);
export = outputs;
