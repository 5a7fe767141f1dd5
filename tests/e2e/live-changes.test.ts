/**
 * Never a silent overwrite, through the real CLI: an intent edited in the service (as in the
 * tooling) since the last deploy, then changed in code, is a conflict the preview shows and the
 * `up` refuses, naming it, until `overwriteLiveChanges: true`; an intent edited in the service and
 * not in code is reported as drift.
 */
import { expect } from "chai";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { describeWithCli, withCliFixture, shown } from "./support";

const PROGRAM = path.join(__dirname, "fixtures", "ownership");


describeWithCli("Changes made in the service since the last deploy, through the Pulumi CLI", (cli) => {
    it("an intent edited in the service and in code: the preview shows the conflict, up refuses it until overwriteLiveChanges; drift is reported", async () => {
        await withCliFixture(cli, PROGRAM, {}, async (fx) => {
            const service = new EmulatorClient(fx.emu.url);
            const stack = await fx.newStack("dev", { editCount: "1" });
            await stack.up();
            const { workspaceId } = await stack.outputs() as Record<string, string>;
            const intent = (name: string) => `/v1/workspaces/${workspaceId}/intents/${name}`;
            const examples = async (name: string) => (await service.get(intent(name), { export: "true" })).examples.map((e: any) => e.text).sort();
            await service.post(intent("intent_0"), { examples: [{ text: "typed in the tooling" }] });
            await service.post(intent("intent_3"), { examples: [{ text: "also typed in the tooling" }] });
            await stack.setConfig("prefix", "edited ");

            const preview = await stack.preview();
            expect(shown(preview)).to.include('intent "intent_0" changed in the service').and.to.include("`pulumi up` will fail");
            expect(shown(preview)).to.match(/intent "intent_3" changed in the service since this stack's last deploy \(drift/);

            const refused = await stack.up([], { allowFailure: true });
            expect(refused.code, "up over an edit made in the service").to.not.equal(0);
            expect(shown(refused)).to.include('intent "intent_0" changed in the service').and.to.include("overwriteLiveChanges: true");
            expect(await examples("intent_0"), "the edit made in the service").to.deep.equal(["typed in the tooling"]);

            await stack.setConfig("overwrite", "true");
            await stack.up();
            expect(await examples("intent_0")).to.deep.equal(["edited example 0 of intent 0", "edited example 1 of intent 0", "edited example 2 of intent 0"]);
            expect(await examples("intent_3"), "drift is left as it is").to.deep.equal(["also typed in the tooling"]);
        });
    });
});
