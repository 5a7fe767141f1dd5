/**
 * GitOps promotion in Pulumi YAML with the native plugin, through the real CLI
 * (examples/yaml-gitops): the owner's dev stack cuts releases; the staging project runs the
 * release its config names and that release's conversation tests; the prod project runs a release
 * only when staging verified it (a StackReference to staging's verifiedReleases).
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
        fx = await yamlFixture(cli, path.join(REPO_ROOT, "examples", "yaml-gitops"), ["owner", "staging", "prod"]);
        service = new ServiceView(fx.emu.url);
    });
    after(async () => fx?.close());

    async function stackOf(project: string, name: string): Promise<CliStack> {
        const stack = fx.session.stack(path.join(fx.projectDir, project), name);
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        return stack;
    }

    let greeting = "Hello! How can I help?";
    const setGreeting = (text: string) => {
        const owner = path.join(fx.projectDir, "owner", "Pulumi.yaml");
        const before = fs.readFileSync(owner, "utf8");
        fs.writeFileSync(owner, before.replace(`- text: ${greeting}`, `- text: ${text}`));
        expect(fs.readFileSync(owner, "utf8")).to.not.equal(before);
        greeting = text;
    };

    it("dev cuts release 1; staging runs and verifies it, prod runs it; a content edit cuts release 2, promoted by one config line per stack; prod rolls back", async () => {
        const dev = await stackOf("owner", "dev");
        expect(changedSteps(await dev.up())).to.deep.equal({ assistant: "create", actions: "create", release: "create" });
        const assistantId = String((await dev.outputs()).assistantId);
        await new EmulatorClient(fx.emu.url).admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });

        const staging = await stackOf("staging", "staging");
        expect(changedSteps(await staging.up())).to.deep.include({ deployment: "create", tests: "create" });
        expect((await staging.outputs()).verifiedReleases).to.deep.equal(["1"]);
        const prod = await stackOf("prod", "prod");
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "create" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "1", live: "1" });

        setGreeting("Hello! How can I help you today?");
        expect(changedSteps(await dev.up())).to.deep.equal({ actions: "update", release: "replace" });
        expect(await service.releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);

        await staging.setConfig("release", "2");
        expect(changedSteps(await staging.up())).to.deep.include({ deployment: "update", tests: "update" });
        expect((await staging.outputs()).verifiedReleases).to.deep.equal(["1", "2"]);
        await prod.setConfig("release", "2");
        fx.takeStats();
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1 });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "2" });

        await prod.setConfig("release", "1");
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "update" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "1" });
    });

    it("staging's conversation tests gate prod: a release that fails them fails staging's up and is refused for prod at preview; a fixed release passes and prod moves", async () => {
        const [dev, staging, prod] = [fx.session.stack(path.join(fx.projectDir, "owner"), "dev"), fx.session.stack(path.join(fx.projectDir, "staging"), "staging"), fx.session.stack(path.join(fx.projectDir, "prod"), "prod")];
        const assistantId = String((await dev.outputs()).assistantId);
        setGreeting("Hi! What do you want?");
        await dev.up();
        await staging.setConfig("release", "3");
        const failed = await staging.up([], { allowFailure: true });
        expect(failed.code).to.not.equal(0);
        expect(failed.diagnostics.map((d) => d.message).join("\n")).to.include('conversation tests on environment "staging" (release 3): 1 of 2 passed');

        await prod.setConfig("release", "3");
        fx.takeStats();
        const refused = await prod.preview([], { allowFailure: true });
        expect(refused.code).to.not.equal(0);
        expect(refused.diagnostics.map((d) => d.message).join("\n")).to.include("release 3 is not in allowedReleases: the allowed releases are 1, 2");
        expect(writeCalls(fx.takeStats())).to.deep.equal({});

        setGreeting("Hello! How can I help?");
        await dev.up();
        await staging.setConfig("release", "4");
        expect(changedSteps(await staging.up())).to.deep.include({ deployment: "update", tests: "update" });
        expect((await staging.outputs()).verifiedReleases).to.deep.equal(["1", "2", "4"]);
        await prod.setConfig("release", "4");
        expect(changedSteps(await prod.up())).to.deep.include({ deployment: "update" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "4", live: "4" });
    });
});
