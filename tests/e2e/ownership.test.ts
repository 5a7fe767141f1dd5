/**
 * Ownership through the real CLI: a workspace a stack adopts carries that stack's mark; another
 * stack adopting it fails naming the owner unless it says `takeOver: true`; a stack never deletes a
 * workspace another stack owns.
 */
import { expect } from "chai";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { describeWithCli, withCliFixture, shown } from "./support";

const PROGRAM = path.join(__dirname, "fixtures", "ownership");


describeWithCli("Ownership of objects through the Pulumi CLI", (cli) => {
    it("a second stack adopting a workspace fails naming its owner, takes it only with takeOver; the first stack then neither updates nor deletes it", async () => {
        await withCliFixture(cli, PROGRAM, {}, async (fx) => {
            const service = new EmulatorClient(fx.emu.url);
            const { workspace_id: id } = await service.post("/v1/workspaces", { name: "Shared", language: "en" });
            const first = await fx.newStack("first", { adopt: id, name: "Shared" });
            await first.up();
            expect((await service.get(`/v1/workspaces/${id}`)).metadata).to.include({ pulumi_owner: "ownership/first/ws" });

            const second = await fx.newStack("second", { adopt: id, name: "Shared" });
            const refused = await second.up([], { allowFailure: true });
            expect(refused.code, "the second adoption").to.not.equal(0);
            expect(shown(refused)).to.include(`workspace ${id} is owned by ownership/first/ws`).and.to.include("takeOver: true");

            await second.setConfig("takeOver", "true");
            await second.up();
            expect((await service.get(`/v1/workspaces/${id}`)).metadata).to.include({ pulumi_owner: "ownership/second/ws" });

            await first.setConfig("prefix", "changed by the first stack ");
            const stale = await first.up([], { allowFailure: true });
            expect(stale.code, "an update by the stack it was taken from").to.not.equal(0);
            expect(shown(stale)).to.include(`workspace ${id} is owned by ownership/second/ws now`);

            await first.destroy();
            expect((await service.call("GET", `/v1/workspaces/${id}`)).status, "the workspace after the first stack's destroy").to.equal(200);
            await second.destroy();
            expect((await service.call("GET", `/v1/workspaces/${id}`)).status, "after its owner's destroy").to.equal(404);
        });
    });
});
