/**
 * `npm run demo` end to end, as a new user runs it: the compiled script in a child process (needs
 * `npm run build`, which `npm test` runs first).
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const DEMO = path.join(ROOT, "dist/scripts/demo.js");

describe("npm run demo", function () {
    this.timeout(180_000);
    let run: { status: number | null; stdout: string; stderr: string };

    before(function () {
        if (!fs.existsSync(DEMO)) throw new Error(`${DEMO} is missing: run npm run build first`);
        const child = spawnSync(process.execPath, [DEMO], { cwd: ROOT, encoding: "utf8", env: { ...process.env, PULUMI_WATSON_TEST: undefined } });
        run = { status: child.status, stdout: child.stdout, stderr: child.stderr };
    });

    it("exits 0 with nothing on stderr", () => {
        expect(run.stderr, run.stdout).to.equal("");
        expect(run.status).to.equal(0);
    });

    it("says which engine it drives: the real Pulumi CLI when one is found, else the harness", () => {
        expect(run.stdout).to.match(/^Engine: (the Pulumi CLI v\d+\.\d+\.\d+ |the engine-path harness )/m);
    });

    it("prints the six steps in order and the closing line", () => {
        const titles = ["1. Preview", "2. Up", "3. Content change", "4. Deploy the new release to live", "5. Roll back", "6. Destroy", "Demo finished"];
        const positions = titles.map((t) => run.stdout.indexOf(t));
        expect(positions).to.not.include(-1);
        expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    });

    it("prints one line per resource step", () => {
        expect(run.stdout).to.match(/\+ {2}assistant +Assistant +create \(planned\)/);
        expect(run.stdout).to.match(/\+ {2}live +EnvironmentDeployment +create\n/);
        expect(run.stdout).to.match(/~ {2}dialog-skill +Workspace +update/);
        expect(run.stdout).to.match(/\+- release +Release +replace/);
        expect(run.stdout).to.match(/- {2}assistant +Assistant +delete/);
    });

    it("shows that the greeting change took one dialog node call and cut release 2 while live kept release 1", () => {
        const step3 = run.stdout.slice(run.stdout.indexOf("3. Content change"), run.stdout.indexOf("4. Deploy"));
        expect(step3).to.include("1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}");
        expect(step3).to.include("1 x POST /v2/assistants/{assistant_id}/releases\n");
        expect(step3).to.include("release 2 cut from it; live still runs release 1");
        expect(step3).to.include("     ~ dialog node welcome: output.generic[0].values[0].text\n");
    });

    it("deploys release 2, rolls back to release 1 with one deploy call each, and destroys everything", () => {
        const step4 = run.stdout.slice(run.stdout.indexOf("4. Deploy"), run.stdout.indexOf("5. Roll back"));
        const step5 = run.stdout.slice(run.stdout.indexOf("5. Roll back"), run.stdout.indexOf("6. Destroy"));
        for (const step of [step4, step5]) {
            // The preview's connection probe (plugin/connection-probe.ts), then the one write.
            expect(step).to.include("API calls: 2 (1 GET, 1 POST)");
            expect(step).to.include("1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy");
        }
        expect(step4).to.include("-> live runs release 2");
        expect(step5).to.include("-> live runs release 1");
        expect(run.stdout).to.include("nothing is left on the service");
    });
});
