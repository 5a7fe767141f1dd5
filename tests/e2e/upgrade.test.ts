/**
 * A stack created by the version before packed collections (provider/bridge/packing.ts) upgrades
 * with a plain `pulumi up`: the Workspace is updated in place without any API call (state rewritten
 * in the packed shape), never replaced, and the outputs users read stay the same.
 */
import { expect } from "chai";
import * as path from "path";
import { unpack } from "../../provider/bridge/packing";
import { COLLECTIONS } from "../../resources/workspace/types";
import { changedSteps, cliFixture, describeWithCli, REPO_ROOT, writeCalls, type CliFixture } from "./support";
import { installPackage, previousBuild } from "./upgrade/previous-version";

/** The last commit on main before collections were packed. */
const BEFORE_PACKING = "2850a4d7f6c893828f5a4e3b5e8670d5580694fa";

describeWithCli("Upgrading a stack created before packed collections, through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let previous: string | undefined;

    before(async function () {
        previous = previousBuild(BEFORE_PACKING);
        if (!previous) this.skip();
        fx = await cliFixture(cli, path.join(__dirname, "upgrade", "project"));
    });
    after(async () => fx?.close());

    it("the previous version creates the workspace and stores its collections nested", async () => {
        installPackage(fx.projectDir, previous!);
        const stack = fx.stack("dev");
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        expect(changedSteps(await stack.up())).to.deep.equal({ skill: "create" });
        const [skill] = await stack.resources();
        expect(skill.outputs.intents.map((i: { intent: string }) => i.intent)).to.deep.equal(["order", "cancel", "track"]);
        expect(skill.outputs).not.to.have.property("contentJson");
    });

    it("after upgrading, a plain up updates it in place with no API call and stores the collections packed", async () => {
        installPackage(fx.projectDir, REPO_ROOT);
        const stack = fx.stack("dev");
        const before = await stack.outputs();
        fx.takeStats();
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({ skill: "update" });
        expect(fx.takeStats().total).to.equal(0);
        const [skill] = await stack.resources();
        expect(skill.outputs).to.have.property("contentJson").that.is.a("string");
        expect(skill.outputs).not.to.have.any.keys(...COLLECTIONS);
        expect(unpack(skill.outputs, COLLECTIONS).intents.map((i: { intent: string }) => i.intent)).to.deep.equal(["order", "cancel", "track"]);
        expect(await stack.outputs()).to.deep.equal(before);
    });

    it("the next up is no change and no call; one reworded example is one write call", async () => {
        const stack = fx.stack("dev");
        fx.takeStats();
        expect(changedSteps(await stack.up())).to.deep.equal({});
        expect(fx.takeStats().total).to.equal(0);
        await stack.setConfig("reworded", "yes");
        expect(changedSteps(await stack.up())).to.deep.equal({ skill: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
    });
});
