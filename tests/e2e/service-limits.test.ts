/**
 * Through the real CLI, against the emulator as it starts by default (1.5 MB cap on synchronous
 * workspace writes, every documented rate limit) with a clock scale: large workspaces deploy and
 * take small edits, many added dialog nodes apply in one `up`, and a refresh of many workspaces
 * stays inside the export window. Assertions are on the calls the emulator saw.
 */
import { expect } from "chai";
import * as path from "path";
import { cliFixture, describeWithCli, writeCalls, type CliFixture } from "./support";

const PROJECT = path.join(__dirname, "service-limits");
const WORKSPACE = "/v1/workspaces/{workspace_id}";

describeWithCli("Workspaces under the service's size cap and rate limits, through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    beforeEach(async () => {
        fx = await cliFixture(cli, PROJECT, { emulator: { clockScale: 600 } });
    });
    afterEach(async () => fx?.close());

    it("deploys a 3 MB workspace asynchronously, edits one example with one write, and a no-op up makes no call", async () => {
        const stack = await fx.newStack("big", { scenario: "big" });
        await stack.up();
        const created = fx.takeStats();
        expect(writeCalls(created)).to.deep.equal({ "POST /v1/workspaces_async": 1 });
        expect(created.rateLimited).to.equal(0);

        await stack.setConfig("edit", "1");
        await stack.up();
        const edited = fx.takeStats();
        expect(writeCalls(edited)).to.deep.equal({ [`POST ${WORKSPACE}/intents/{intent}`]: 1 });

        await stack.up();
        expect(fx.takeStats().total).to.equal(0);
    });

    it("adds 600 dialog nodes of about 2.95 KB (1.77 MB) in one up without a 429", async () => {
        const stack = await fx.newStack("dialog", { scenario: "dialog" });
        await stack.up();
        fx.takeStats();
        await stack.setConfig("addNodes", "600");
        const result = await stack.up();
        const stats = fx.takeStats();
        expect(stats.rateLimited).to.equal(0);
        expect(writeCalls(stats)).to.deep.equal({ "POST /v1/workspaces_async/{workspace_id}": 1 });
        expect(result.stdout + result.stderr).to.contain("600 dialog nodes added in 1 call (append");
        const id = String((await stack.outputs()).workspaceId);
        const live = await (await fetch(`${fx.emu.url}/v1/workspaces/${id}?version=2021-11-27&export=true`)).json() as any;
        expect(live.dialog_nodes).to.have.length(620);
    });

    it("refreshes 25 workspaces (preview and refresh) without an export and without a 429", async () => {
        const stack = await fx.newStack("many", { scenario: "many" });
        await stack.up();
        fx.takeStats();
        await stack.run(["refresh", "--yes", "--stack", "many"]);
        const stats = fx.takeStats();
        expect(stats.rateLimited).to.equal(0);
        expect(stats.byRoute).to.deep.equal({ [`GET ${WORKSPACE}`]: 50 });
    });
});
