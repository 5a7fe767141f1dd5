/**
 * The connection a stack's resources live in, through the real CLI: a stack pointed at another
 * service instance is never `unchanged`; a plan with changes says when the service cannot be
 * reached or refuses the credentials; refresh and destroy after a settings change say what to run.
 */
import { expect } from "chai";
import * as path from "path";
import { startEmulator } from "watson-assistant-emulator";
import { EmulatorClient } from "../../drivers/emulator-client";
import { changedSteps, describeWithCli, shown, withCliFixture } from "./support";

const PROGRAM = path.join(__dirname, "fixtures", "ownership");
const APIKEY = "connection-test-key";
const NO_RETRIES = { "watson-assistant:maxRetries": "0" };


describeWithCli("The service connection through the Pulumi CLI", (cli) => {
    it("a stack pointed at another instance fails its preview and up naming both instances, and deploys nothing there", async () => {
        await withCliFixture(cli, PROGRAM, {}, async (fx) => {
            const other = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
            try {
                const stack = await fx.newStack("dev", NO_RETRIES);
                await stack.up();
                await stack.setConfig("watson-assistant:url", other.url);
                const preview = await stack.preview([], { allowFailure: true });
                expect(preview.code, "preview against another instance").to.not.equal(0);
                expect(shown(preview)).to.match(/lives in service instance http:\/\/127\.0\.0\.1:\d+.*now points at http:\/\/127\.0\.0\.1:\d+/s);
                const up = await stack.up([], { allowFailure: true });
                expect(up.code, "up against another instance").to.not.equal(0);
                expect(changedSteps(up)).to.deep.equal({});
                expect((await new EmulatorClient(other.url).get("/v1/workspaces")).workspaces).to.deep.equal([]);
                // Back to the first instance: the stack is whole.
                await stack.setConfig("watson-assistant:url", fx.emu.url);
                expect(changedSteps(await stack.up())).to.deep.equal({});
            } finally {
                await other.stop();
            }
        });
    });

    it("a preview with changes fails when the service cannot be reached, saying so", async () => {
        await withCliFixture(cli, PROGRAM, {}, async (fx) => {
            const gone = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
            await gone.stop();
            const stack = await fx.newStack("dev", { ...NO_RETRIES, "watson-assistant:url": gone.url });
            const preview = await stack.preview([], { allowFailure: true });
            expect(preview.code).to.not.equal(0);
            expect(shown(preview)).to.include(`the service at ${gone.url} cannot be reached`);
        });
    });

    it("a preview with changes fails when the service refuses the credentials, saying so", async () => {
        await withCliFixture(cli, PROGRAM, { emulator: { auth: "apikey", apikey: APIKEY } }, async (fx) => {
            const stack = await fx.newStack("dev", { ...NO_RETRIES, "watson-assistant:iamUrl": fx.emu.url });
            await stack.setConfig("watson-assistant:apikey", "a-wrong-key", { secret: true });
            const preview = await stack.preview([], { allowFailure: true });
            expect(preview.code).to.not.equal(0);
            expect(shown(preview)).to.include("refused the credentials");
        });
    });

    it("refresh after the key was fixed: the plain command says to add --run-program, which uses the current key", async () => {
        await withCliFixture(cli, PROGRAM, { emulator: { auth: "apikey", apikey: APIKEY } }, async (fx) => {
            const stack = await fx.newStack("dev", { ...NO_RETRIES, "watson-assistant:iamUrl": fx.emu.url });
            await stack.setConfig("watson-assistant:apikey", APIKEY, { secret: true });
            await stack.up();
            // A wrong key reaches the engine's copy of the settings (an up that fails stores it), then is fixed.
            await stack.setConfig("watson-assistant:apikey", "a-wrong-key", { secret: true });
            await stack.setConfig("prefix", "changed ");
            expect((await stack.up([], { allowFailure: true })).code).to.not.equal(0);
            await stack.setConfig("watson-assistant:apikey", APIKEY, { secret: true });
            const plain = await stack.refresh([], { allowFailure: true });
            expect(plain.code, "plain refresh: the stored (wrong) key").to.not.equal(0);
            expect(shown(plain)).to.include("run `pulumi refresh --run-program`");
            const withProgram = await stack.refresh(["--run-program"], { allowFailure: true });
            expect(withProgram.code, shown(withProgram)).to.equal(0);
            const destroyed = await stack.destroy(["--run-program"], { allowFailure: true });
            expect(destroyed.code, shown(destroyed)).to.equal(0);
            expect((await new EmulatorClient(fx.emu.url, { apikey: APIKEY }).get("/v1/workspaces")).workspaces).to.deep.equal([]);
        });
    });
});
