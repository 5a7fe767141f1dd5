/**
 * Stacks created by earlier versions upgrade with a plain `pulumi up`: the Workspace is updated in
 * place without any API call and its state rewritten in the current shape, never replaced, and
 * the outputs users read stay the same. Two earlier shapes: collections nested in inputs and
 * outputs (before packing, provider/bridge/packing.ts), and the packed content in both inputs and
 * outputs (before digests, provider/bridge/digests.ts). Today the inputs hold the packed content
 * once and the outputs per-element digests. Both earlier versions stored the DialogNode resources
 * beside it with nested inputs; today each travels as one packed property, rewritten the same way.
 */
import { expect } from "chai";
import * as path from "path";
import { PACKED_KEY, unpack } from "../../provider/bridge/packing";
import { COLLECTIONS } from "../../resources/workspace/types";
import type { CliStack } from "../../drivers/pulumi-cli";
import { changedSteps, cliFixture, describeWithCli, REPO_ROOT, writeCalls, type CliFixture } from "./support";
import { installPackage, previousBuild } from "./upgrade/previous-version";

/** The last commit on main before collections were packed. */
const BEFORE_PACKING = "2850a4d7f6c893828f5a4e3b5e8670d5580694fa";
/** The last commit on main before outputs kept digests instead of the content. */
const BEFORE_DIGESTS = "1e29b132cc217c46f473798b3e400c4b0ce83e1d";

const NAMES = ["order", "cancel", "track"];
/** The stack's dynamic resources in declaration order: the Workspace, then its two DialogNodes. */
const dynamicResources = async (stack: CliStack) => (await stack.resources()).filter((r) => r.type.includes(":dynamic/"));
const names = (list: { intent: string }[]) => list.map((i) => i.intent);

function upgrading(label: string, commit: string, storedByPrevious: (outputs: any) => { intent: string }[], shape: (outputs: any) => void): void {
    describeWithCli(`Upgrading a stack created ${label}, through the Pulumi CLI`, (cli) => {
        let fx: CliFixture;
        let previous: string | undefined;

        before(async function () {
            previous = previousBuild(commit);
            if (!previous) this.skip();
            fx = await cliFixture(cli, path.join(__dirname, "upgrade", "project"));
        });
        after(async () => fx?.close());

        it("the previous version creates the workspace and stores its collections in its own shape", async () => {
            installPackage(fx.projectDir, previous!);
            const stack = fx.stack("dev");
            await stack.init();
            await stack.setConfig("watson-assistant:url", fx.emu.url);
            expect(changedSteps(await stack.up())).to.deep.equal({ skill: "create", welcome: "create", child: "create" });
            const [skill, ...nodes] = await dynamicResources(stack);
            for (const node of nodes) expect(node.inputs).to.include.keys("workspaceId", "dialogNode");
            expect(await stack.outputs()).to.include({ welcomeTitle: "Welcome", childParent: "welcome" });
            shape(skill.outputs);
            expect(names(storedByPrevious(skill.outputs))).to.deep.equal(NAMES);
        });

        it("after upgrading, a plain up updates it in place with no API call: inputs hold the content, outputs its digests", async () => {
            installPackage(fx.projectDir, REPO_ROOT);
            const stack = fx.stack("dev");
            const before = await stack.outputs();
            fx.takeStats();
            const result = await stack.up();
            expect(changedSteps(result)).to.deep.equal({ skill: "update", welcome: "update", child: "update" });
            expect(fx.takeStats().total).to.equal(0);
            const [skill, ...nodes] = await dynamicResources(stack);
            for (const node of nodes) expect(Object.keys(node.inputs).sort()).to.deep.equal(["__creationMarker", "__owner", "__provider", PACKED_KEY]);
            expect(skill.outputs).not.to.have.any.keys("contentJson", ...COLLECTIONS);
            expect(skill.outputs).to.include.keys("intentsDigests", "counterexamplesDigests", "contentJsonHash");
            expect(skill.outputs.intentsDigests.split("\n").map((line: string) => line.split("\t")[0])).to.deep.equal(NAMES);
            expect(names(unpack(skill.inputs, COLLECTIONS).intents)).to.deep.equal(NAMES);
            // `skill.intents` and the nodes' outputs read as before: the stack outputs are unchanged.
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
            fx.takeStats();
            expect(changedSteps(await stack.up())).to.deep.equal({});
            expect(fx.takeStats().total).to.equal(0);
        });
    });
}

upgrading("before packed collections", BEFORE_PACKING, (outputs) => outputs.intents, (outputs) => {
    expect(outputs).not.to.have.property("contentJson");
});

upgrading("before digests (the packed content in outputs)", BEFORE_DIGESTS, (outputs) => unpack(outputs, COLLECTIONS).intents, (outputs) => {
    expect(outputs).to.have.property("contentJson").that.is.a("string");
    expect(outputs).not.to.have.any.keys(...COLLECTIONS);
});
