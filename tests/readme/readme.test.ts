/**
 * The README's runnable parts: the "Quick look" program is type-checked and deployed against the
 * emulator through the engine-path harness, and its `npm run emulator` commands start an emulator.
 */
import { expect } from "chai";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { EmulatorClient } from "../../drivers/emulator-client";
import { startEmulator } from "watson-assistant-emulator";
import { coreAdminRoutes } from "../../emulator/core/admin";
import { v2AdminRoutes } from "../../emulator/v2/admin-routes";
import { Harness } from "../../drivers/harness";
import { blocksUnder as markdownBlocksUnder } from "../support/markdown";

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

const blocksUnder = (heading: string, language: string) => markdownBlocksUnder(readme, heading, language);

/** Writes the quick-look program as a Pulumi project inside the repo, so that packages resolve. */
function quickLookProject(): string {
    const [program] = blocksUnder("Quick look", "ts");
    const dir = fs.mkdtempSync(path.join(root, ".tmp-readme-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: readme-quick-look\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.ts"), program);
    return dir;
}

function typeErrors(file: string): string[] {
    const options: ts.CompilerOptions = {
        strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, skipLibCheck: true, types: ["node"],
    };
    const program = ts.createProgram([file], options);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("README", () => {
    let project: string;
    before(() => { project = quickLookProject(); });
    after(() => fs.rmSync(project, { recursive: true, force: true }));

    it("the quick-look program type-checks", function () {
        this.timeout(120_000);
        expect(typeErrors(path.join(project, "index.ts"))).to.deep.equal([]);
    });

    it("the exported-skills example type-checks", function () {
        this.timeout(120_000);
        const [example] = blocksUnder("Exported skills", "ts");
        const file = path.join(project, "exported-skills.ts");
        fs.writeFileSync(file, example);
        expect(typeErrors(file)).to.deep.equal([]);
    });

    it("the quick-look program deploys an assistant running its first release on live, and destroys cleanly", async function () {
        this.timeout(180_000);
        const emu = await startEmulator({ port: 0 });
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-state-"));
        const harness = new Harness({ projectDir: project, stack: "dev", stateDir, config: { "watson-assistant:url": emu.url } });
        try {
            const up = await harness.up();
            expect(up.steps.map((s) => s.op)).to.deep.equal(["create", "create", "create", "create"]);
            const assistantId = up.outputs.assistantId as string;
            const envs = await new EmulatorClient(emu.url).get(`/v2/assistants/${assistantId}/environments`);
            const live = envs.environments.find((e: any) => e.environment === "live");
            expect(live.release_reference.release).to.equal("1");
            expect((await harness.up()).steps.every((s) => s.op === "same")).to.equal(true);
            await harness.destroy();
            const assistants = await new EmulatorClient(emu.url).get("/v2/assistants");
            expect(assistants.assistants).to.deep.equal([]);
        } finally {
            await harness.close();
            await emu.stop();
            fs.rmSync(stateDir, { recursive: true, force: true });
        }
    });

    it("the emulator section lists every admin route the emulator serves", () => {
        const start = readme.indexOf("\n## The emulator\n");
        const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
        const templates = [...coreAdminRoutes({} as never), ...v2AdminRoutes].map((route) => route.template);
        expect(templates.filter((template) => !section.includes(`${template}\``) && !section.includes(`${template} `))).to.deep.equal([]);
    });

    for (const command of blocksUnder("The emulator", "sh").join("\n").replace(/\\\n\s*/g, "").split("\n").filter((l) => l.startsWith("npm run emulator"))) {
        it(`\`${command.replace(/\s+#.*$/, "")}\` starts an emulator that prints its URL`, async function () {
            this.timeout(60_000);
            const args = command.replace(/\s+#.*$/, "").replace(/--port \d+/, "--port 0").replace(/--data-dir \S+/, `--data-dir ${fs.mkdtempSync(path.join(os.tmpdir(), "emu-"))}`);
            const line = await firstStdoutLine(args);
            expect(line).to.match(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
        });
    }
});

/** Runs a shell command from the repo root, returns its first stdout line, then stops it. */
function firstStdoutLine(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn("sh", ["-c", `exec ${command.replace(/^npm run emulator --/, "node emulator/dist/cli.js")}`], { cwd: root });
        let out = "";
        child.stdout.on("data", (chunk) => {
            out += chunk;
            const newline = out.indexOf("\n");
            if (newline >= 0) {
                child.kill("SIGTERM");
                resolve(out.slice(0, newline));
            }
        });
        child.on("error", reject);
        child.on("exit", (code) => { if (!out.includes("\n")) reject(new Error(`exited ${code} before printing a line`)); });
    });
}
