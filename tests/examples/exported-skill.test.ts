/** examples/exported-skill through the harness: a tooling export kept in the example folder, deployed as a Workspace. */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLES_DIR, changes, startExample, type ExampleRun } from "./support";

const EXPORTED = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, "exported-skill/skill.json"), "utf8"));

describe("example exported-skill", function () {
    this.timeout(60_000);
    let run: ExampleRun;
    let workDir: string;
    let skillFile: string;
    let workspaceId: string;

    before(async () => {
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "exported-skill-"));
        skillFile = path.join(workDir, "skill.json");
        fs.writeFileSync(skillFile, JSON.stringify(EXPORTED));
        run = await startExample("exported-skill", { skillFile });
    });
    after(async () => {
        await run.stop();
        fs.rmSync(workDir, { recursive: true, force: true });
    });

    it("up creates a workspace holding the exported skill's content", async () => {
        const result = await run.harness.up();
        expect(changes(result)).to.deep.equal({ "exported-skill": "create" });
        workspaceId = result.outputs.workspaceId as string;
        expect(workspaceId).to.not.equal(EXPORTED.workspace_id);
        const live = await run.v1(`/v1/workspaces/${workspaceId}?export=true`);
        expect(live.name).to.equal("Customer care");
        expect(live.system_settings).to.deep.equal(EXPORTED.system_settings);
        const examples = (skill: any) => Object.fromEntries(skill.intents.map((i: any) => [i.intent, i.examples.map((e: any) => e.text).sort()]));
        expect(examples(live)).to.deep.equal(examples(EXPORTED));
        expect(live.entities.map((e: any) => e.entity)).to.have.members(EXPORTED.entities.map((e: any) => e.entity));
        const tree = (skill: any) => skill.dialog_nodes.map((n: any) => [n.dialog_node, n.parent, n.previous_sibling]).sort();
        expect(tree(live)).to.deep.equal(tree(EXPORTED));
        expect(live.counterexamples).to.deep.equal(EXPORTED.counterexamples);
    });

    it("a second up with the same file changes nothing", async () => {
        run.emu.resetStats();
        const result = await run.harness.up();
        expect(changes(result)).to.deep.equal({});
        expect(run.writes()).to.deep.equal({});
    });

    it("a re-exported file with one more example changes only that intent", async () => {
        const edited = structuredClone(EXPORTED);
        edited.intents.find((i: any) => i.intent === "store_hours").examples.push({ text: "is the store open on holidays" });
        fs.writeFileSync(skillFile, JSON.stringify(edited));
        run.emu.resetStats();
        const result = await run.harness.up();
        expect(changes(result)).to.deep.equal({ "exported-skill": "update" });
        expect(Object.values(run.writes()).reduce((a, b) => a + b, 0)).to.equal(1);
        const intent = await run.v1(`/v1/workspaces/${workspaceId}/intents/store_hours?export=true`);
        expect(intent.examples.map((e: any) => e.text)).to.include("is the store open on holidays");
    });

    it("destroy deletes the workspace", async () => {
        await run.harness.destroy();
        expect((await run.v1("/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});
