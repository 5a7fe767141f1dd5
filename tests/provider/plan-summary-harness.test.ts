/**
 * Plan summaries through the real plugin server (engine-path harness) with the quick start
 * against the emulator: what the plugin writes to stdout (which the Pulumi CLI shows as info), the
 * plan file, and that the calls a summary announces are the calls `up` then makes. Needs
 * `npm run build` (the plugin loads the compiled package).
 */
import { expect } from "chai";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { projectConfigDefaults } from "../../scripts/demo/project-config";
import { Harness } from "../../drivers/harness";
import { dialogNodes, entities, intents } from "../../quickstart/content";
import { CHANGING_EDITS, expectedPlan, PLAN_EDITS_DIR, QUIET_EDITS } from "../support/plan-edits";

const ROOT = path.resolve(__dirname, "../..");
const NEW_GREETING = "Hi! Ask me where your order is.";

/** The quick start's release description for a greeting (quickstart/index.ts hashes the content). */
function releaseDescription(greeting: string): string {
    const content = { intents, entities, dialogNodes: dialogNodes(greeting) };
    return `Quick-start content ${createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12)}`;
}

/** `{ "POST /route": n }` from the summaries' "n x METHOD /route" lines. */
function announcedCalls(output: string): Record<string, number> {
    const calls: Record<string, number> = {};
    for (const [, n, call] of output.matchAll(/^ {4}(\d+) x ((?:POST|DELETE) \S+)/gm)) calls[call] = (calls[call] ?? 0) + Number(n);
    return calls;
}

describe("plan summaries through the plugin (quick start, harness)", function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let harness: Harness;
    let dir: string;
    let projectDir: string;
    let planFile: string;

    before(async () => {
        emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-summary-"));
        planFile = path.join(dir, "plan.md");
        // A copy inside the repository (node_modules resolves from its parents): the harness reloads
        // every module under the project folder on each run, which must not be the repository itself.
        fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
        projectDir = fs.mkdtempSync(path.join(ROOT, ".tmp", "plan-summary-"));
        for (const entry of ["Pulumi.yaml", "quickstart"]) fs.cpSync(path.join(ROOT, entry), path.join(projectDir, entry), { recursive: true });
        harness = new Harness({
            projectDir,
            stack: "dev",
            stateDir: dir,
            program: "quickstart",
            config: { ...projectConfigDefaults(ROOT), "watson-assistant:url": emu.url },
            env: { WATSON_ASSISTANT_PLAN_FILE: planFile },
        });
    });

    after(async () => {
        await harness.close();
        await emu.stop();
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(projectDir, { recursive: true, force: true });
    });

    it("a first preview announces the creates of the declared resources", async () => {
        const preview = await harness.preview();
        expect(preview.pluginOutput).to.equal([
            'Workspace "Quick-start assistant": create',
            "  content: 3 intents, 2 entities, 4 dialog nodes",
            "  API calls:",
            "    1 x GET /v1/workspaces/{workspace_id}",
            "    then its owned collections (list routes or one export) and the calls that bring its content to the declared one",
            `Release "${releaseDescription(projectConfigDefaults(ROOT).greeting)}": create`,
            "  API calls:",
            "    1 x GET /v2/assistants/{assistant_id}/releases (a release of an interrupted run is taken over)",
            "    1 x POST /v2/assistants/{assistant_id}/releases",
            "    then GET /v2/assistants/{assistant_id}/releases/{release} until Available",
            "EnvironmentDeployment live: create",
            "  API calls:",
            "    1 x GET /v2/assistants/{assistant_id}/environments",
            "    1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy",
            "",
        ].join("\n"));
    });

    it("a preview with nothing to change prints nothing", async () => {
        await harness.up();
        const preview = await harness.preview();
        expect(preview.changed).to.equal(false);
        expect(preview.pluginOutput).to.equal("");
    });

    it("the greeting change is announced element by element, and up makes exactly the announced calls", async () => {
        const state = harness.plainState().resources;
        const idOf = (name: string) => state.find((r) => r.urn.endsWith(`::${name}`))!.id;
        harness.setConfig("greeting", NEW_GREETING);
        fs.rmSync(planFile, { force: true });

        const preview = await harness.preview();
        const expected = [
            `Workspace "Quick-start assistant" (${idOf("dialog-skill")}): update`,
            "  dialogNodes: 1 changed",
            "    ~ dialog node welcome: output.generic[0].values[0].text",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            `Release "${releaseDescription(NEW_GREETING)}" (${idOf("release")}): replace (description, triggers changed)`,
            "  changed: description, triggers[0]",
            "  API calls:",
            "    1 x GET /v2/assistants/{assistant_id}/releases (a release of an interrupted run is taken over)",
            "    1 x POST /v2/assistants/{assistant_id}/releases",
            "    then GET /v2/assistants/{assistant_id}/releases/{release} until Available",
            "    the replaced release: DELETE /v2/assistants/{assistant_id}/releases/{release} (none with retainOnDelete)",
            `EnvironmentDeployment live (${idOf("live")}): update`,
            "  changed: release (known later)",
            "  API calls:",
            "    1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy",
            "",
        ].join("\n");
        expect(preview.pluginOutput).to.equal(expected);
        expect(preview.pluginOutput).not.to.contain(NEW_GREETING);

        const planned = fs.readFileSync(planFile, "utf8");
        expect(planned.match(/^#### /gm)).to.have.length(3);
        expect(planned).to.contain("#### Workspace \"Quick-start assistant\" (");
        expect(planned).to.contain("```text\n  dialogNodes: 1 changed\n    ~ dialog node welcome: output.generic[0].values[0].text\n");

        emu.resetStats();
        const up = await harness.up();
        const made = Object.fromEntries(Object.entries(emu.stats().byRoute).filter(([route]) => !route.startsWith("GET ")));
        // The engine diffs again during up: the same summary, now with the new release known.
        expect(up.pluginOutput).to.contain(expected.split("\n").slice(0, 12).join("\n"));
        expect(made).to.deep.equal(announcedCalls(preview.pluginOutput));
    });
});

describe("plan summaries through the plugin: one edit at a time (harness)", function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    let harness: Harness;
    let workspaceId: string;

    before(async () => {
        emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
        harness = new Harness({ projectDir: PLAN_EDITS_DIR, stack: "test", config: { "watson-assistant:url": emu.url, edit: "none" } });
        workspaceId = String((await harness.up()).outputs.workspaceId);
    });

    after(async () => {
        await harness.close();
        await emu.stop();
    });

    for (const edit of CHANGING_EDITS) {
        it(`prints exactly what the ${edit} edit changes`, async () => {
            harness.setConfig("edit", edit);
            expect((await harness.preview()).pluginOutput).to.equal(expectedPlan(edit, workspaceId));
        });
    }

    for (const edit of QUIET_EDITS) {
        it(`prints nothing for the ${edit === "none" ? "unchanged program" : `${edit} edit`}`, async () => {
            harness.setConfig("edit", edit);
            const preview = await harness.preview();
            expect(preview.changed).to.equal(false);
            expect(preview.pluginOutput).to.equal("");
        });
    }
});
