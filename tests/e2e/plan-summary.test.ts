/**
 * Plan summaries through the real Pulumi CLI, on the plan-edits fixture: for each edit, the exact
 * text `pulumi preview` prints (the plugin's stdout, which the CLI turns into one info diagnostic
 * per line and lists under the stack) and the plan file's Markdown section, and nothing for a
 * no-op or a reorder.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { CHANGING_EDITS, expectedPlan, PLAN_EDITS_DIR, QUIET_EDITS } from "../support/plan-edits";
import { cliFixture, describeWithCli, type CliFixture } from "./support";
import type { CliResult, CliStack } from "../../drivers/pulumi-cli";
import { EmulatorClient } from "../../drivers/emulator-client";

/** The info diagnostics of a run (the plugin's stdout lines), as one text. */
function infoText(result: CliResult): string {
    return result.diagnostics.filter((d) => d.severity === "info").map((d) => d.message.replace(/\n+$/, "\n")).join("");
}

/** How the CLI lists the plan under Diagnostics: each line indented by four. */
function listed(plan: string): string {
    return plan.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");
}

/** The non-blank lines of a text. */
const lines = (text: string): string[] => text.split("\n").filter((line) => line.trim() !== "");

/** The CLI's diff display names the packed text, its hash and digests only as "(hidden)", and shows none of the content. */
function expectPackedHidden(stdout: string, content: string): void {
    expect(stdout).not.to.contain("(json)");
    expect(stdout).not.to.contain(content);
    const named = lines(stdout).filter((line) => /contentJson|Digests/.test(line));
    expect(named.filter((line) => !line.endsWith("(hidden)")), "packed properties shown").to.deep.equal([]);
}

describeWithCli("Plan summaries through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    let stack: CliStack;
    let workspaceId: string;

    before(async () => {
        fx = await cliFixture(cli, PLAN_EDITS_DIR);
        stack = await fx.newStack("test", { edit: "none" });
        await stack.up();
        workspaceId = String((await stack.outputs()).workspaceId);
    });
    after(async () => fx?.close());

    for (const edit of CHANGING_EDITS) {
        it(`pulumi preview prints exactly what the ${edit} edit changes, and appends it to the plan file`, async () => {
            await stack.setConfig("edit", edit);
            const planFile = path.join(fx.session.root, `plan-${edit}.md`);
            const result = await stack.preview([], { env: { WATSON_ASSISTANT_PLAN_FILE: planFile } });
            const plan = expectedPlan(edit, workspaceId);
            expect(infoText(result)).to.equal(plan);
            expect(result.stdout).to.contain(`\n${listed(plan)}\n`);
            const [header, ...lines] = plan.trimEnd().split("\n");
            expect(fs.readFileSync(planFile, "utf8")).to.equal(`#### ${header}\n\n\`\`\`text\n${lines.join("\n")}\n\`\`\`\n\n`);
        });
    }

    it("pulumi preview --diff shows the plan summary and the small fields, never the packed content or its digests", async () => {
        await stack.setConfig("edit", "remove");
        const result = await stack.preview(["--diff"]);
        const plan = expectedPlan("remove", workspaceId);
        expect(infoText(result)).to.equal(plan);
        // In --diff mode the CLI writes diagnostics to stderr.
        expect(lines(result.stderr)).to.include.members(lines(plan));
        expect(result.stdout).to.contain("~ pulumi-nodejs:dynamic/watson-assistant:Workspace: (update)");
        expect(result.stdout).to.contain("~ contentJson (hidden)");
        expectPackedHidden(result.stdout, "opening hours");
    });

    it("pulumi up with its preview prints each plan summary once, in the preview; the update's display hides the packed content too", async () => {
        await stack.setConfig("edit", "add");
        const result = await stack.run(["up", "--yes", "--stack", stack.name]);
        const [preview, update] = result.stdout.split("\nUpdating (");
        expect(update, "the update's output").to.be.a("string");
        expect(preview).to.contain(listed(expectedPlan("add", workspaceId)).trim());
        expect(update).not.to.contain("API calls:");
        // The event log holds the update's events only: it printed no plan.
        expect(infoText(result)).to.equal("");
        await stack.setConfig("edit", "none");
        const detailed = await stack.run(["up", "--yes", "--diff", "--stack", stack.name]);
        expect(detailed.stderr.split("API calls:").length - 1, "plans printed").to.equal(1);
        expectPackedHidden(detailed.stdout, "cancel my order");
    });

    it("pulumi refresh prints no plan summary (it makes no planned change), also when it finds drift", async () => {
        await stack.setConfig("edit", "add");
        // Changed in the tooling: the refresh reads drift, which the engine diffs.
        await new EmulatorClient(fx.emu.url).post(`/v1/workspaces/${workspaceId}/intents/hours`, { description: "edited by hand" });
        const result = await stack.refresh();
        expect(infoText(result)).to.equal("");
        expect(result.stdout).not.to.contain("API calls:");
        await stack.setConfig("edit", "none");
        await stack.up();
    });

    for (const edit of QUIET_EDITS) {
        it(`pulumi preview prints no plan for the ${edit === "none" ? "unchanged program" : `${edit} edit`}`, async () => {
            await stack.setConfig("edit", edit);
            const result = await stack.preview();
            expect(infoText(result)).to.equal("");
            expect(result.stdout).not.to.contain("API calls:");
        });
    }
});
