/**
 * Plan summaries from the native plugin through the real CLI (the YAML quick start): what an
 * `up` will call, printed once per command as the dynamic plugin prints it: in `pulumi preview`,
 * in the preview of an `up` and not again in its update, never in a refresh.
 */
import { expect } from "chai";
import { describeWithYaml, yamlFixture } from "./native-support";
import type { CliFixture } from "./support";
import type { CliResult, CliStack } from "../../drivers/pulumi-cli";

/** The info diagnostics of a run (the plugin's stdout lines), as one text. */
const infoText = (result: CliResult): string => result.diagnostics.filter((d) => d.severity === "info").map((d) => d.message).join("");

/** How many summaries of the workspace's dialog-node edit a text holds. */
const nodeEdits = (text: string): number => text.split("1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}").length - 1;

describeWithYaml("Native plugin: plan summaries through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let stack: CliStack;

    before(async () => {
        fx = await yamlFixture(cli);
        stack = await fx.newStack("dev");
        await stack.up();
        await stack.setConfig("greeting", "Hi! Where is your order going?");
    });
    after(async () => fx?.close());

    it("pulumi preview prints what the edit changes and the API calls it will make", async () => {
        const result = await stack.preview();
        const info = infoText(result);
        expect(info).to.contain("Workspace");
        expect(info).to.contain("welcome");
        expect(nodeEdits(info)).to.equal(1);
    });

    it("pulumi up with its preview prints each summary once, in the preview", async () => {
        const result = await stack.run(["up", "--yes", "--stack", stack.name]);
        const [preview, update] = result.stdout.split("\nUpdating (");
        expect(update, "the update's output").to.be.a("string");
        expect(nodeEdits(preview)).to.equal(1);
        expect(nodeEdits(update)).to.equal(0);
    });

    it("pulumi refresh prints no plan summary", async () => {
        const result = await stack.refresh();
        expect(result.stdout).not.to.contain("API calls:");
    });
});
