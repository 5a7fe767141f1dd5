/**
 * A Workspace update that stops part-way (the service answers 500 to element writes) is recorded
 * as a partial state; that state must still carry what the engine needs to load the provider
 * (`__provider`), so that `pulumi refresh` and `pulumi destroy` work on it before any successful `up`.
 */
import { expect } from "chai";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { describeWithCli, withCliFixture } from "./support";

const PROGRAM = path.join(__dirname, "fixtures", "ownership");

describeWithCli("A partial failure's state through the Pulumi CLI", (cli) => {
    it("an update stopped by 500s on element writes leaves a state that refresh and destroy handle", async () => {
        await withCliFixture(cli, PROGRAM, {}, async (fx) => {
            const stack = await fx.newStack("dev", { intentCount: "20", editCount: "4", "watson-assistant:maxRetries": "0" });
            await stack.up();
            const { workspaceId } = await stack.outputs() as Record<string, string>;
            await stack.setConfig("prefix", "edited ");
            fx.emu.setFaults("rate=1,after=1,kinds=500,routes=POST /v1/workspaces/*/*+DELETE /v1/workspaces/*/*");
            fx.takeStats();
            const failed = await stack.up([], { allowFailure: true });
            expect(failed.code, "the faulted up fails").to.not.equal(0);
            const writes = Object.entries(fx.takeStats().byRoute).filter(([route]) => route.startsWith("POST /v1/workspaces/{workspace_id}/"));
            expect(writes.length, "element writes were made (one applied, then 500s)").to.be.above(0);
            fx.emu.setFaults("");

            const [resource] = (await stack.resources()).filter((r) => r.type.endsWith("Workspace"));
            expect(resource.outputs.__provider, "the partial state names the provider").to.be.a("string");
            const refreshed = await stack.refresh([], { allowFailure: true });
            expect(refreshed.code, `refresh after the partial failure:\n${refreshed.stdout}\n${refreshed.stderr}`).to.equal(0);
            const destroyed = await stack.destroy([], { allowFailure: true });
            expect(destroyed.code, `destroy after the partial failure:\n${destroyed.stdout}\n${destroyed.stderr}`).to.equal(0);
            const { workspaces } = await new EmulatorClient(fx.emu.url).get("/v1/workspaces");
            expect(workspaces.map((w: any) => w.workspace_id)).to.not.include(workspaceId);
        });
    });
});
