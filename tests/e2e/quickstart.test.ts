/**
 * The README's "Quick start with the Pulumi CLI", command by command, through the real CLI against
 * the emulator. Stages run in order and share one stack.
 */
import { expect } from "chai";
import { EmulatorClient } from "../../drivers/emulator-client";
import { NEW_GREETING } from "../../scripts/demo/content";
import { ServiceView } from "../../scripts/demo/service";
import { changedSteps, cliFixture, describeWithCli, REPO_ROOT, writeCalls, type CliFixture } from "./support";
import type { CliStack } from "../../drivers/pulumi-cli";

const DRIFTED_GREETING = "Edited in the tooling";

describeWithCli("Quick start through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let stack: CliStack;
    let service: ServiceView;
    let assistantId: string;
    let workspaceId: string;

    before(async () => {
        fx = await cliFixture(cli, REPO_ROOT, { entries: ["Pulumi.yaml", "quickstart"] });
        stack = fx.stack("dev");
        service = new ServiceView(fx.emu.url);
    });
    after(async () => fx?.close());

    it("pulumi stack init and config set create a stack pointed at the emulator", async () => {
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        expect((await stack.run(["config", "get", "watson-assistant:url", "--stack", "dev"])).stdout.trim()).to.equal(fx.emu.url);
    });

    it("pulumi preview plans four creates and makes one plain read, the connection check", async () => {
        fx.takeStats();
        const result = await stack.preview();
        expect(changedSteps(result)).to.deep.equal({ assistant: "create", "dialog-skill": "create", release: "create", live: "create" });
        expect(fx.takeStats().byRoute).to.deep.equal({ "GET /v1/workspaces": 1 });
    });

    it("pulumi up --yes creates the assistant, its content, release 1 and runs it on live", async () => {
        const result = await stack.run(["up", "--yes", "--stack", "dev"]);
        expect(changedSteps(result)).to.deep.equal({ assistant: "create", "dialog-skill": "create", release: "create", live: "create" });
        const outputs = await stack.outputs();
        assistantId = String(outputs.assistantId);
        workspaceId = String(outputs.dialogSkillWorkspaceId);
        expect(outputs.liveRunsRelease).to.equal("1");
        expect((await service.environmentReleases(assistantId)).live).to.equal("1");
        expect(await service.nodeText(workspaceId, "welcome")).to.match(/^Hello!/);
        fx.takeStats();
    });

    it("a content change is one dialog-node write and one new release, deployed to live", async () => {
        await stack.setConfig("greeting", NEW_GREETING);
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({ "dialog-skill": "update", release: "replace", live: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({
            "POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}": 1,
            "POST /v2/assistants/{assistant_id}/releases": 1,
            "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1,
        });
        expect(await service.nodeText(workspaceId, "welcome")).to.equal(NEW_GREETING);
        expect(await service.releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);
        expect((await service.environmentReleases(assistantId)).live).to.equal("2");
    });

    it("pulumi config set liveRelease 1 rolls live back, and latest rolls it forward", async () => {
        await stack.setConfig("liveRelease", "1");
        expect(changedSteps(await stack.up())).to.deep.equal({ live: "update" });
        expect((await service.environmentReleases(assistantId)).live).to.equal("1");
        await stack.setConfig("liveRelease", "latest");
        expect(changedSteps(await stack.up())).to.deep.equal({ live: "update" });
        expect((await service.environmentReleases(assistantId)).live).to.equal("2");
        fx.takeStats();
    });

    it("pulumi refresh shows a change made in the tooling, and the next up puts back the declared content", async () => {
        const edit = await new EmulatorClient(fx.emu.url).call("POST", `/v1/workspaces/${workspaceId}/dialog_nodes/welcome`, {
            body: { output: { generic: [{ response_type: "text", values: [{ text: DRIFTED_GREETING }] }] } },
        });
        expect(edit.status).to.equal(200);
        const refreshed = await stack.refresh();
        expect(changedSteps(refreshed)).to.deep.equal({ "dialog-skill": "update" }); // refresh records the drift as an update of state
        expect(refreshed.stdout).to.match(/dialog-skill/);
        fx.takeStats();
        const restored = await stack.up();
        expect(changedSteps(restored)).to.deep.include({ "dialog-skill": "update" });
        expect(writeCalls(fx.takeStats())).to.have.property("POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}", 1);
        expect(await service.nodeText(workspaceId, "welcome")).to.equal(NEW_GREETING);
    });

    it("a second up with nothing changed takes no step and makes no write call", async () => {
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({});
        expect(writeCalls(fx.takeStats())).to.deep.equal({});
    });

    it("pulumi destroy --yes removes everything from the service, and pulumi stack rm removes the stack", async () => {
        await stack.destroy();
        expect(await service.counts()).to.deep.equal({ assistants: 0, workspaces: 0 });
        await stack.remove();
        const list = await stack.run(["stack", "ls", "--json"]);
        expect(JSON.parse(list.stdout)).to.deep.equal([]);
    });
});
