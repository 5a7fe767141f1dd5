/**
 * GitOps promotion in Pulumi YAML with the native plugin, through the real CLI
 * (examples/yaml-gitops): the owner's dev stack cuts releases, the deploy project's staging and
 * prod stacks run the release their config names, on the assistant read through a StackReference.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { ServiceView } from "../../scripts/demo/service";
import { changedSteps, REPO_ROOT, writeCalls, type CliFixture } from "./support";
import { describeWithYaml, yamlFixture } from "./native-support";
import type { CliStack } from "../../drivers/pulumi-cli";

describeWithYaml("Native plugin: GitOps promotion as Pulumi YAML projects", (cli) => {
    let fx: CliFixture;
    let service: ServiceView;

    before(async () => {
        fx = await yamlFixture(cli, path.join(REPO_ROOT, "examples", "yaml-gitops"), ["owner", "deploy"]);
        service = new ServiceView(fx.emu.url);
    });
    after(async () => fx?.close());

    async function stackOf(project: string, name: string): Promise<CliStack> {
        const stack = fx.session.stack(path.join(fx.projectDir, project), name);
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        return stack;
    }

    it("dev cuts release 1; staging and prod run it; a content edit cuts release 2, promoted by one config line per stack; prod rolls back", async () => {
        const dev = await stackOf("owner", "dev");
        expect(changedSteps(await dev.up())).to.deep.equal({ assistant: "create", actions: "create", release: "create" });
        const assistantId = String((await dev.outputs()).assistantId);
        await new EmulatorClient(fx.emu.url).admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });

        const staging = await stackOf("deploy", "staging");
        expect(changedSteps(await staging.up())).to.deep.include({ deployment: "create" });
        const prod = await stackOf("deploy", "prod");
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "create" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "1", live: "1" });

        const owner = path.join(fx.projectDir, "owner", "Pulumi.yaml");
        fs.writeFileSync(owner, fs.readFileSync(owner, "utf8").replace("Hello! How can I help?", "Hello! What can I do for you?"));
        expect(changedSteps(await dev.up())).to.deep.equal({ actions: "update", release: "replace" });
        expect(await service.releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);

        await staging.setConfig("release", "2");
        expect(changedSteps(await staging.up())).to.deep.include({ deployment: "update" });
        await prod.setConfig("release", "2");
        fx.takeStats();
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1 });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "2" });

        await prod.setConfig("release", "1");
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "update" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "1" });
    });
});
