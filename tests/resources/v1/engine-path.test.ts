import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Harness } from "../../../drivers/harness";
import { startV1Fixture, type V1Fixture } from "./support";

const PROJECT = path.join(__dirname, "../../fixtures/programs/v1-workspace");

/** Step op by resource name. */
const ops = (steps: { name: string; op: string }[]) => Object.fromEntries(steps.map((s) => [s.name, s.op]));

describe("v1 resources through the engine path (real plugin server)", function () {
    this.timeout(120_000);
    let fx: V1Fixture;
    let h: Harness;
    let stateDir: string;
    before(async () => {
        fx = await startV1Fixture();
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "v1-engine-"));
        h = new Harness({ projectDir: PROJECT, stack: "dev", stateDir, config: { "watson-assistant:url": fx.emu.url, "watson-assistant:authType": "noauth", stage: "1" } });
    });
    after(async () => {
        await h?.close();
        await fx.emu.stop();
        fs.rmSync(stateDir, { recursive: true, force: true });
    });

    it("builds a workspace from typed inputs, changes it, removes parts, and converges", async () => {
        const first = await h.up();
        expect(ops(first.steps)).to.include({ bot: "create", color: "create" });
        const id = first.outputs.workspaceId as string;
        let live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.entities.map((e: any) => e.entity)).to.deep.equal(["color"]);
        expect(live.dialog_nodes).to.have.length(2);

        expect(ops((await h.up()).steps)).to.include({ bot: "same", color: "same" });

        h.setConfig("stage", "2");
        fx.emu.resetStats();
        const second = await h.up();
        expect(ops(second.steps)).to.include({ bot: "update", color: "update" });
        const writes = Object.entries(fx.byRoute()).filter(([r]) => !r.startsWith("GET ")).map(([r, n]) => `${r} x${n}`);
        expect(writes.sort()).to.deep.equal([
            "POST /v1/workspaces/{workspace_id}/entities/{entity} x1",
            "POST /v1/workspaces/{workspace_id}/intents/{intent} x1",
        ]);

        h.setConfig("stage", "3");
        const third = await h.up();
        expect(ops(third.steps)).to.include({ bot: "update", color: "delete" });
        live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.entities).to.deep.equal([]);
        expect(live.dialog_nodes.map((n: any) => n.dialog_node)).to.deep.equal(["welcome"]);
        expect(live.intents.find((i: any) => i.intent === "hello").examples.map((e: any) => e.text).sort()).to.deep.equal(["good morning", "hey there", "hi"]);

        await h.destroy();
        expect((await fx.api("GET", "/v1/workspaces")).workspaces).to.deep.equal([]);
    });
});
