/**
 * Each fixture export (tests/fixtures/exports/index.json) deploys unchanged through the engine
 * path (tests/fixtures/exports/program) and the service then holds it field for field; a second
 * up changes nothing.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { Harness, type RunResult } from "../../drivers/harness";
import { EXPORTS_DIR, FIXTURES, PROGRAM_DIR, readFixture, workspaceContent } from "./support";

const changed = (result: RunResult) => result.steps.filter((s) => s.op !== "same").map((s) => `${s.name}:${s.op}`);

describe("exported skills: each historical shape deploys unchanged and round-trips", function () {
    this.timeout(120_000);
    let emu: RunningEmulator;
    const get = (pathAndQuery: string) => new EmulatorClient(emu.url).get(pathAndQuery);
    const exportedSkills = async (assistantId: string) => (await get(`/v2/assistants/${assistantId}/skills_export`)).assistant_skills as any[];

    before(async () => { emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 }); });
    after(async () => { await emu.stop(); });

    for (const fixture of FIXTURES) {
        describe(`${fixture.file} (${fixture.shape})`, () => {
            let harness: Harness;
            let stateDir: string;
            let first: RunResult;
            const exported = readFixture(fixture.file);
            before(async () => {
                stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "deploy-export-"));
                harness = new Harness({
                    projectDir: PROGRAM_DIR, stack: "test", stateDir,
                    config: { "watson-assistant:url": emu.url, exportFile: path.join(EXPORTS_DIR, fixture.file) },
                });
                first = await harness.up();
            });
            after(async () => {
                await harness.destroy();
                await harness.close();
                fs.rmSync(stateDir, { recursive: true, force: true });
            });

            it("up creates it without any change to the file", () => {
                expect(first.steps.every((s) => s.op === "create" || s.op === "same")).to.equal(true);
                expect(changed(first).length).to.be.greaterThan(0);
            });

            it("the service holds the file's content, field for field", async () => {
                const outputs = first.outputs.outputs as Record<string, string>;
                if (fixture.kind === "workspace") {
                    const live = await get(`/v1/workspaces/${outputs.workspaceId}?export=true`);
                    expect(workspaceContent(live)).to.deep.equal(workspaceContent(exported));
                    // Independently of the normalization both sides went through: free-form parts are byte for byte the file's.
                    for (const node of exported.dialog_nodes) {
                        const held = live.dialog_nodes.find((n: any) => n.dialog_node === node.dialog_node);
                        for (const part of ["output", "context", "metadata", "actions"]) {
                            if (node[part] !== null && node[part] !== undefined) expect(held[part], `${node.dialog_node}.${part}`).to.deep.equal(node[part]);
                        }
                    }
                    return;
                }
                const skills = await exportedSkills(outputs.assistantId);
                const expected = fixture.kind === "action-skill" ? [exported] : exported.assistant_skills;
                for (const skill of expected) {
                    const live = skills.find((s) => s.type === skill.type);
                    expect([live.name, live.description]).to.deep.equal([skill.name, skill.description]);
                    if (skill.type === "action") expect(live.workspace).to.deep.equal(skill.workspace);
                    else expect(workspaceContent(live.workspace)).to.deep.equal(workspaceContent(skill.workspace));
                }
            });

            it("after a refresh, a second up with the same file changes nothing", async () => {
                // Refresh stores what the service holds (in its canonical form); the next diff against it must be empty.
                expect((await harness.refresh()).steps.filter((s) => s.op === "refresh-gone")).to.deep.equal([]);
                emu.resetStats();
                const again = await harness.up();
                expect(changed(again)).to.deep.equal([]);
                expect(Object.keys(emu.stats().byRoute).filter((route) => !route.startsWith("GET "))).to.deep.equal([]);
            });
        });
    }
});
