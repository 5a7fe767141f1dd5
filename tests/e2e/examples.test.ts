/** Every example folder through the real Pulumi CLI against the emulator, as its README tells a user. */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { ServiceView } from "../../scripts/demo/service";
import { changedSteps, cliFixture, describeWithCli, REPO_ROOT, writeCalls, type CliFixture } from "./support";

const EXAMPLES = path.join(REPO_ROOT, "examples");

const v1 = (fx: CliFixture, pathAndQuery: string): Promise<any> => new EmulatorClient(fx.emu.url).get(pathAndQuery);

describeWithCli("examples/gitops-promotion through the Pulumi CLI: three stacks and a StackReference", (cli) => {
    let fx: CliFixture;
    let service: ServiceView;
    let assistantId: string;
    const contentFile = () => path.join(fx.projectDir, "content/actions.json");

    before(async () => {
        fx = await cliFixture(cli, path.join(EXAMPLES, "gitops-promotion"));
        service = new ServiceView(fx.emu.url);
    });
    after(async () => fx?.close());

    it("dev cuts release 1; staging and prod deploy it; a content change cuts release 2 that staging, then prod, get by one config line; prod rolls back", async () => {
        const dev = await fx.newStack("dev");
        expect(changedSteps(await dev.up())).to.deep.equal({ assistant: "create", actions: "create", release: "create" });
        assistantId = String((await dev.outputs()).assistantId);
        await new EmulatorClient(fx.emu.url).admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });

        const staging = await fx.newStack("staging");
        expect(changedSteps(await staging.up())).to.deep.equal({ staging: "create", "staging-tests": "create" });
        const prod = await fx.newStack("prod");
        expect(changedSteps(await prod.up())).to.deep.equal({ live: "create" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "1", live: "1" });

        const content = JSON.parse(fs.readFileSync(contentFile(), "utf8"));
        content.actions.push({ action: "goodbye", title: "Say goodbye", steps: [] });
        fs.writeFileSync(contentFile(), JSON.stringify(content, null, 2));
        expect(changedSteps(await dev.up())).to.deep.equal({ actions: "update", release: "replace" });
        expect(await service.releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);

        await staging.setConfig("release", "2");
        expect(changedSteps(await staging.up())).to.deep.equal({ staging: "update", "staging-tests": "update" });
        await prod.setConfig("release", "2");
        fx.takeStats();
        expect(changedSteps(await prod.up())).to.deep.equal({ live: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1 });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "2" });

        await prod.setConfig("release", "1");
        expect(changedSteps(await prod.up())).to.deep.equal({ live: "update" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "2", live: "1" });
    });

    it("staging's conversation tests gate prod: a failing release fails staging with a table and is refused for prod at preview; a fix passes and prod moves", async () => {
        const prod = fx.stack("prod");
        const staging = fx.stack("staging");
        const setHours = (text: string) => {
            const content = JSON.parse(fs.readFileSync(contentFile(), "utf8"));
            content.actions.find((a: any) => a.action === "opening_hours").steps[0].output.generic[0].values[0].text = text;
            fs.writeFileSync(contentFile(), JSON.stringify(content, null, 2));
        };
        setHours("Sorry, we are closed.");
        await fx.stack("dev").up();
        await staging.setConfig("release", "3");
        const failed = await staging.up([], { allowFailure: true });
        expect(failed.code).to.not.equal(0);
        const report = failed.diagnostics.map((d) => d.message).join("\n");
        expect(report).to.include('conversation tests on environment "staging" (release 3): 2 of 3 passed (66.7%), below the threshold of 100.0%');
        expect(report).to.match(/opening hours +1 +textMatches +\/9:00 to 17:00\/ +Sorry, we are closed\./);

        await prod.setConfig("release", "3");
        const refused = await prod.preview([], { allowFailure: true });
        expect(refused.code).to.not.equal(0);
        expect(refused.diagnostics.map((d) => d.message).join("\n")).to.include("release 3 is not in allowedReleases: the allowed releases are 1, 2");

        setHours("We are open 9:00 to 17:00, Monday to Saturday.");
        await fx.stack("dev").up();
        await staging.setConfig("release", "4");
        expect(changedSteps(await staging.up())).to.deep.equal({ staging: "update", "staging-tests": "update" });
        expect((await staging.outputs()).verifiedReleases).to.deep.equal(["1", "2", "4"]);
        await prod.setConfig("release", "4");
        expect(changedSteps(await prod.up())).to.deep.equal({ live: "update" });
        expect(await service.environmentReleases(assistantId)).to.deep.include({ staging: "4", live: "4" });
    });

    it("destroying the three stacks leaves no assistant behind", async () => {
        for (const name of ["prod", "staging", "dev"]) await fx.stack(name).destroy();
        expect(await service.counts()).to.deep.equal({ assistants: 0, workspaces: 0 });
    });
});

describeWithCli("examples/exported-skill through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let workspaceId: string;
    const skillFile = () => path.join(fx.projectDir, "skill.json");

    before(async () => {
        fx = await cliFixture(cli, path.join(EXAMPLES, "exported-skill"));
    });
    after(async () => fx?.close());

    it("up deploys the exported skill, and a second up makes no write call", async () => {
        const stack = await fx.newStack("dev");
        expect(changedSteps(await stack.up())).to.deep.equal({ "exported-skill": "create" });
        workspaceId = String((await stack.outputs()).workspaceId);
        const exported = JSON.parse(fs.readFileSync(skillFile(), "utf8"));
        const live = await v1(fx, `/v1/workspaces/${workspaceId}?export=true`);
        const names = (skill: any, key: string, field: string) => skill[key].map((e: any) => e[field]).sort();
        expect(names(live, "intents", "intent")).to.deep.equal(names(exported, "intents", "intent"));
        expect(names(live, "dialog_nodes", "dialog_node")).to.deep.equal(names(exported, "dialog_nodes", "dialog_node"));
        fx.takeStats();
        expect(changedSteps(await stack.up())).to.deep.equal({});
        expect(writeCalls(fx.takeStats())).to.deep.equal({});
    });

    it("a re-export with one more example is one write call", async () => {
        const edited = JSON.parse(fs.readFileSync(skillFile(), "utf8"));
        edited.intents[0].examples.push({ text: "one more way to say it" });
        fs.writeFileSync(skillFile(), JSON.stringify(edited));
        expect(changedSteps(await fx.stack("dev").up())).to.deep.equal({ "exported-skill": "update" });
        const calls = writeCalls(fx.takeStats());
        expect(Object.values(calls).reduce((a, b) => a + b, 0)).to.equal(1);
        const intent = await v1(fx, `/v1/workspaces/${workspaceId}/intents/${edited.intents[0].intent}?export=true`);
        expect(intent.examples.map((e: any) => e.text)).to.include("one more way to say it");
    });

    it("destroy deletes the workspace", async () => {
        await fx.stack("dev").destroy();
        expect((await v1(fx, "/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});

describeWithCli("examples/separate-resources through the Pulumi CLI", (cli) => {
    let fx: CliFixture;

    before(async () => {
        fx = await cliFixture(cli, path.join(EXAMPLES, "separate-resources"));
    });
    after(async () => fx?.close());

    it("up creates the workspace and each intent and entity as its own resource; one more entity value is one call", async () => {
        const stack = await fx.newStack("dev");
        expect(changedSteps(await stack.up())).to.deep.equal({
            "pizza-skill": "create", "order-pizza": "create", "opening-hours": "create",
            "pizza-size": "create", topping: "create", numbers: "create",
        });
        await stack.setConfig("pizzaSizes", "small,medium,large,family");
        fx.takeStats();
        expect(changedSteps(await stack.up())).to.deep.equal({ "pizza-size": "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v1/workspaces/{workspace_id}/entities/{entity}": 1 });
    });

    it("destroy deletes every resource and the workspace", async () => {
        await fx.stack("dev").destroy();
        expect((await v1(fx, "/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});
