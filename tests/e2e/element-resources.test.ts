/**
 * Element resources (Intent, DialogNode) through the real Pulumi CLI: each carries every input as
 * one packed property (provider/bridge/resource.ts), yet reads, orders and ignores changes as
 * separate typed properties would.
 */
import { expect } from "chai";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { PACKED_KEY } from "../../provider/bridge/packing";
import { changedSteps, cliFixture, describeWithCli, writeCalls, type CliFixture } from "./support";

describeWithCli("Intent and DialogNode resources through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let workspaceId: string;
    const v1 = (pathAndQuery: string): Promise<any> => new EmulatorClient(fx.emu.url).get(pathAndQuery);

    before(async () => {
        fx = await cliFixture(cli, path.join(__dirname, "element-resources"));
    });
    after(async () => fx?.close());

    it("up creates each element, a child node after its parent; the engine stores one packed property per element", async () => {
        const stack = await fx.newStack("dev");
        expect(changedSteps(await stack.up())).to.deep.equal({ skill: "create", order: "create", welcome: "create", "taking-order": "create" });
        const resources = (await stack.resources()).filter((r) => r.type.includes(":dynamic/"));
        const nameOf = (urn: string) => urn.split("::").pop()!;
        workspaceId = resources.find((r) => nameOf(r.urn) === "skill")!.outputs.workspaceId;
        const elements = resources.filter((r) => nameOf(r.urn) !== "skill");
        expect(elements.map((r) => nameOf(r.urn)).sort()).to.deep.equal(["order", "taking-order", "welcome"]);
        for (const element of elements) {
            expect(Object.keys(element.inputs).sort(), element.urn).to.deep.equal(["__creationMarker", "__owner", "__provider", PACKED_KEY]);
        }
        expect((await v1(`/v1/workspaces/${workspaceId}/dialog_nodes/taking_order`)).parent).to.equal("welcome");
        expect(await stack.outputs()).to.deep.equal({
            orderExamples: ["I want a pizza", "order please"], orderDescription: "Ordering a pizza", takingOrderParent: "welcome",
        });
    });

    it("a change under ignoreChanges is no change and no call; an added example is one write call", async () => {
        const stack = fx.stack("dev");
        await stack.setConfig("orderDescription", "Anything about ordering");
        fx.takeStats();
        expect(changedSteps(await stack.up())).to.deep.equal({});
        expect(fx.takeStats().total).to.equal(0);
        // Outputs read what is stored, as with any ignored property.
        expect((await stack.outputs()).orderDescription).to.equal("Ordering a pizza");

        await stack.setConfig("orderExamples", "I want a pizza,order please,one margherita");
        expect(changedSteps(await stack.up())).to.deep.equal({ order: "update" });
        expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v1/workspaces/{workspace_id}/intents/{intent}": 1 });
        const intent = await v1(`/v1/workspaces/${workspaceId}/intents/order?export=true`);
        expect(intent.description).to.equal("Ordering a pizza");
        expect(intent.examples.map((e: any) => e.text)).to.have.members(["I want a pizza", "order please", "one margherita"]);
        expect((await stack.outputs()).orderExamples).to.deep.equal(["I want a pizza", "order please", "one margherita"]);
    });

    it("destroy deletes the child node, then its parent, the intent and the workspace", async () => {
        await fx.stack("dev").destroy();
        expect((await v1("/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});
