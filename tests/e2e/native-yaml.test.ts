/**
 * The native plugin through the real CLI: the quick start as a Pulumi YAML project
 * (examples/yaml-quickstart, the plugin by path), deployed, left alone by a second `up`, changed
 * with an element-level `--diff`, and destroyed. Needs `npm run build` and the YAML language host
 * (`npm run pulumi-cli` builds it beside the CLI).
 */
import { expect } from "chai";
import { ServiceView } from "../../scripts/demo/service";
import { changedSteps, writeCalls, type CliFixture } from "./support";
import { describeWithYaml, yamlFixture } from "./native-support";
import type { CliStack } from "../../drivers/pulumi-cli";

describeWithYaml("Native plugin: the quick start as a Pulumi YAML project", (cli) => {
    let fx: CliFixture;
    let stack: CliStack;
    let service: ServiceView;
    let assistantId: string;
    let workspaceId: string;

    before(async () => {
        fx = await yamlFixture(cli);
        stack = await fx.newStack("dev");
        service = new ServiceView(fx.emu.url);
    });
    after(async () => fx?.close());

    it("pulumi up creates the assistant, its dialog content, release 1 and runs it on live", async () => {
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({ assistant: "create", "dialog-skill": "create", release: "create", live: "create" });
        const outputs = await stack.outputs();
        assistantId = String(outputs.assistantId);
        workspaceId = String(outputs.dialogSkillWorkspaceId);
        expect(outputs.liveRunsRelease).to.equal("1");
        expect((await service.environmentReleases(assistantId)).live).to.equal("1");
        expect(await service.nodeText(workspaceId, "welcome")).to.match(/^Hello!/);
    });

    it("state holds the native types and no provider code", async () => {
        const resources = await stack.resources();
        expect(resources.map((r) => r.type)).to.include.members(["watson-assistant:index:Assistant", "watson-assistant:index:Workspace"]);
        expect(await stack.exportState()).not.to.include("__provider");
    });

    it("a second pulumi up changes nothing and writes nothing", async () => {
        fx.takeStats();
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({});
        expect(writeCalls(fx.takeStats())).to.deep.equal({});
    });

    it("pulumi preview --diff names the changed dialog node's field and prints nothing of the unchanged content", async () => {
        await stack.setConfig("greeting", "Hi! Where is your order going?");
        const result = await stack.preview(["--diff"]);
        const workspace = result.steps.find((s) => s.name === "dialog-skill")!;
        expect(workspace.op).to.equal("update");
        expect(workspace.detailedDiff).to.deep.equal({ "dialogNodes[0].output": "update" });
        expect(result.stdout).to.include("Hi! Where is your order going?");
        expect(result.stdout).not.to.include("Your order is on its way");
        expect(result.stdout).not.to.include("where is my order");
    });

    it("pulumi up applies it with one dialog-node write and a new release on live", async () => {
        fx.takeStats();
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({ "dialog-skill": "update", release: "replace", live: "update" });
        expect(writeCalls(fx.takeStats())).to.include({ "POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}": 1 });
        expect(await service.nodeText(workspaceId, "welcome")).to.equal("Hi! Where is your order going?");
        expect((await service.environmentReleases(assistantId)).live).to.equal("2");
    });

    it("pulumi destroy deletes the assistant", async () => {
        await stack.destroy();
        expect(await stack.resources()).to.deep.equal([]);
        expect((await service.counts()).assistants).to.equal(0);
    });
});
