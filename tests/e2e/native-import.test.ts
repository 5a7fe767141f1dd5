/**
 * `pulumi import` with the native plugin, through the real CLI: a workspace and an assistant with
 * its live environment made outside Pulumi are imported into a YAML project; the program the CLI
 * generates (with the assistant's skill and release) deploys as a no-op `up` (no step, no write), and the imported workspace owns its
 * collections from then on.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { changedSteps, writeCalls, type CliFixture } from "./support";
import { describeWithYaml, yamlFixture } from "./native-support";
import type { CliStack } from "../../drivers/pulumi-cli";

/** A YAML project with the plugin and no resources yet (the imports add them). */
const EMPTY_PROJECT = [
    "name: imported",
    "runtime: yaml",
    "plugins:",
    "  providers:",
    "    - name: watson-assistant",
    "      path: ../bin",
    "",
].join("\n");

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    for (;;) {
        const value = await read();
        if (done(value)) return value;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

describeWithYaml("Native plugin: pulumi import of a workspace and an assistant with its environment", (cli) => {
    let fx: CliFixture;
    let stack: CliStack;
    let api: EmulatorClient;
    let workspaceId: string;
    let assistantId: string;
    let liveId: string;
    let actionSkillId: string;

    before(async () => {
        const source = fs.mkdtempSync(path.join(os.tmpdir(), "native-import-"));
        fs.writeFileSync(path.join(source, "Pulumi.yaml"), EMPTY_PROJECT);
        fx = await yamlFixture(cli, source);
        fs.rmSync(source, { recursive: true, force: true });
        stack = await fx.newStack("dev");
        api = new EmulatorClient(fx.emu.url);
        const workspace = await api.post("/v1/workspaces", {
            name: "Support",
            description: "Made in the tooling",
            intents: [{ intent: "refund", examples: [{ text: "money back" }, { text: "refund please" }] }],
            entities: [{ entity: "color", values: [{ value: "red", synonyms: ["crimson"] }] }],
            dialog_nodes: [{ dialog_node: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }] } }],
        });
        workspaceId = workspace.workspace_id;
        const assistant = await api.post("/v2/assistants", { name: "Support assistant" });
        assistantId = assistant.assistant_id;
        liveId = assistant.assistant_environments.find((e: { environment: string }) => e.environment === "live").environment_id;
        actionSkillId = assistant.assistant_skills.find((s: { type: string }) => s.type === "action").skill_id;
        const release = await api.post(`/v2/assistants/${assistantId}/releases`, { description: "first" });
        await waitFor(() => api.get(`/v2/assistants/${assistantId}/releases/${release.release}`), (r) => r.status === "Available");
        await api.post(`/v2/assistants/${assistantId}/releases/${release.release}/deploy`, { environment_id: liveId });
    });
    after(async () => fx?.close());

    it("pulumi import --file adopts the workspace, the assistant, its live environment, skill and release into state and generates their program", async () => {
        const imports = path.join(fx.projectDir, "imports.json");
        fs.writeFileSync(imports, JSON.stringify({
            resources: [
                { type: "watson-assistant:index:Workspace", name: "support", id: workspaceId },
                { type: "watson-assistant:index:Assistant", name: "assistant", id: assistantId },
                { type: "watson-assistant:index:EnvironmentDeployment", name: "live", id: `${assistantId}/${liveId}` },
                { type: "watson-assistant:index:Skill", name: "actions", id: `${assistantId}/${actionSkillId}` },
                { type: "watson-assistant:index:Release", name: "first", id: `${assistantId}/1` },
            ],
        }));
        fx.takeStats();
        const generated = path.join(fx.projectDir, "generated.yaml");
        await stack.run(["import", "--file", imports, "--yes", "--out", generated, "--stack", "dev"]);
        expect(writeCalls(fx.takeStats())).to.deep.equal({});
        expect((await stack.resources()).map((r) => r.type)).to.have.members([
            "watson-assistant:index:Workspace", "watson-assistant:index:Assistant", "watson-assistant:index:EnvironmentDeployment",
            "watson-assistant:index:Skill", "watson-assistant:index:Release",
        ]);
        const program = fs.readFileSync(generated, "utf8");
        expect(program).to.include("intent: refund").and.include("dialogNode: welcome").and.include("environment: live");
        fs.appendFileSync(path.join(fx.projectDir, "Pulumi.yaml"), program);
    });

    it("the generated program deploys as a no-op up: no step, no write", async () => {
        fx.takeStats();
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({});
        expect(writeCalls(fx.takeStats())).to.deep.equal({});
    });

    it("the imported workspace owns its collections: its state declares every intent, entity and dialog node", async () => {
        const workspace = (await stack.resources()).find((r) => r.type === "watson-assistant:index:Workspace")!;
        expect(workspace.inputs.intents.map((i: { intent: string }) => i.intent)).to.deep.equal(["refund"]);
        expect(workspace.inputs.entities.map((e: { entity: string }) => e.entity)).to.deep.equal(["color"]);
        expect(workspace.inputs.dialogNodes.map((n: { dialogNode: string }) => n.dialogNode)).to.deep.equal(["welcome"]);
        expect(workspace.outputs.intentsDigests).to.match(/^refund\t/);
    });
});
