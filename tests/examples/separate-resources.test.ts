/** examples/separate-resources through the harness: a Workspace owning the dialog, intents and entities as their own resources. */
import { expect } from "chai";
import { changes, startExample, type ExampleRun } from "./support";

describe("example separate-resources", function () {
    this.timeout(60_000);
    let run: ExampleRun;
    let workspaceId: string;

    before(async () => {
        run = await startExample("separate-resources");
    });
    after(async () => run.stop());

    it("up creates the workspace with its dialog, and each intent and entity as a separate resource", async () => {
        const result = await run.harness.up();
        expect(changes(result)).to.deep.equal({
            "pizza-skill": "create", "order-pizza": "create", "opening-hours": "create",
            "pizza-size": "create", topping: "create", numbers: "create",
        });
        workspaceId = result.outputs.skillWorkspaceId as string;
        const exported = await run.v1(`/v1/workspaces/${workspaceId}?export=true`);
        expect(exported.intents.map((i: any) => i.intent)).to.have.members(["order_pizza", "opening_hours"]);
        expect(exported.entities.map((e: any) => e.entity)).to.have.members(["pizza_size", "topping", "sys-number"]);
        expect(exported.dialog_nodes.map((n: any) => n.dialog_node)).to.have.members(["welcome", "order", "hours", "anything_else"]);
        expect(exported.counterexamples).to.deep.equal([{ text: "what is the weather like" }]);
    });

    it("adding an entity value updates only that Entity resource, with one call", async () => {
        run.harness.setConfig("pizzaSizes", "small,medium,large,family");
        run.emu.resetStats();
        const result = await run.harness.up();
        expect(changes(result)).to.deep.equal({ "pizza-size": "update" });
        expect(run.writes()).to.deep.equal({ "POST /v1/workspaces/{workspace_id}/entities/{entity}": 1 });
        const entity = await run.v1(`/v1/workspaces/${workspaceId}/entities/pizza_size?export=true`);
        expect(entity.values.map((v: any) => v.value)).to.have.members(["small", "medium", "large", "family"]);
    });

    it("destroy deletes the workspace and leaves nothing behind", async () => {
        await run.harness.destroy();
        expect((await run.v1("/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});
