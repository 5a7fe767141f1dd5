/**
 * Bringing a running instance under code, through the real CLI: `watson-assistant import` reads a
 * seeded emulator (tests/import/seeded-instance.ts) and writes the import file, content files and
 * stack config; `pulumi import --file` adopts everything and generates the program (YAML, TypeScript, Python);
 * the first `up` is a no-op with zero writes, an edit of one example is one write, and promoting a
 * release is a one-line change with one write.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import type { CliStack, PulumiCli } from "../../drivers/pulumi-cli";
import { linkNodeSdk } from "../../drivers/pulumi-cli/node-sdk";
import { pythonEnvironment, pythonMissing } from "../../drivers/pulumi-cli/python-env";
import { importInstance, type ImportResult } from "../../import-instance/command";
import { seedInstance, type SeededInstance } from "../import/seeded-instance";
import { describeWithYaml } from "./native-support";
import { changedSteps, cliFixture, REPO_ROOT, writeCalls, type CliFixture } from "./support";

const PLUGIN = path.join(REPO_ROOT, "bin", "pulumi-resource-watson-assistant");
const PLUGINS = ["plugins:", "  providers:", "    - name: watson-assistant", `      path: ${path.dirname(PLUGIN)}`];

/** What differs between the languages: the project file, where the generated program goes. */
interface Language {
    name: string;
    /** Why it cannot run here (skip), or undefined. */
    missing(cli: PulumiCli): string | undefined;
    /** Pulumi.yaml of an empty project. */
    project(cli: PulumiCli, fx: CliFixture): string;
    /** File `pulumi import --out` writes, and how it joins the project. */
    generated: string;
    adopt(projectDir: string, generated: string): void;
}

const LANGUAGES: Language[] = [
    {
        name: "YAML",
        missing: () => undefined,
        project: () => ["name: imported", "runtime: yaml", ...PLUGINS, ""].join("\n"),
        generated: "generated.yaml",
        adopt: (dir, generated) => fs.appendFileSync(path.join(dir, "Pulumi.yaml"), fs.readFileSync(generated, "utf8")),
        // The generated YAML keeps `last_plant: null` inside a node's context, which Pulumi YAML does
        // not send: the native check gives it back (provider/native/dropped-nulls.ts).
    },
    {
        name: "TypeScript",
        missing: (cli) => (fs.existsSync(path.join(cli.binDir, "pulumi-language-nodejs")) ? undefined : "no Node.js language host beside the Pulumi CLI"),
        project: (cli, fx) => {
            linkNodeSdk(cli, REPO_ROOT, PLUGIN, fx.projectDir, { PULUMI_HOME: fx.session.homeDir, PULUMI_SKIP_UPDATE_CHECK: "true" });
            fs.writeFileSync(path.join(fx.projectDir, "package.json"), JSON.stringify({ name: "imported", main: "index.ts" }, null, 2));
            return ["name: imported", "runtime: nodejs", ...PLUGINS, ""].join("\n");
        },
        generated: "index.ts",
        adopt: () => {},
    },
    {
        name: "Python",
        missing: (cli) => pythonMissing(cli),
        project: (cli, fx) => {
            const { virtualenv } = pythonEnvironment(cli, REPO_ROOT, PLUGIN, { PULUMI_HOME: fx.session.homeDir, PULUMI_SKIP_UPDATE_CHECK: "true" });
            return ["name: imported", "runtime:", "  name: python", "  options:", `    virtualenv: ${virtualenv}`, ...PLUGINS, ""].join("\n");
        },
        generated: "__main__.py",
        adopt: () => {},
    },
];

/** The example the edit changes: in the workspace imported from the 2017-02-03 export. */
const EXAMPLE = "how often should I water my fern";

describeWithYaml("Bring an existing instance: watson-assistant import, then pulumi import", (cli) => {
    for (const language of LANGUAGES) {
        const missing = language.missing(cli);
        (missing ? describe.skip : describe)(`into a ${language.name} project${missing ? ` (skipped: ${missing})` : ""}`, () => {
            let fx: CliFixture;
            let stack: CliStack;
            let seeded: SeededInstance;
            let imported: ImportResult;
            const program = () => path.join(fx.projectDir, language.name === "YAML" ? "Pulumi.yaml" : language.generated);

            before(async () => {
                const empty = fs.mkdtempSync(path.join(os.tmpdir(), "import-instance-"));
                fx = await cliFixture(cli, empty);
                fs.rmSync(empty, { recursive: true, force: true });
                fs.writeFileSync(path.join(fx.projectDir, "Pulumi.yaml"), language.project(cli, fx));
                seeded = await seedInstance(new EmulatorClient(fx.emu.url));
                imported = await importInstance({ out: fx.projectDir, stack: "dev", config: { url: fx.emu.url, authType: "noauth" }, env: {}, readExternal: () => ({}) });
                stack = fx.stack("dev");
                await stack.init();
            });
            after(async () => fx?.close());

            it("pulumi import --file adopts every object of the instance without a write and generates the program", async () => {
                fx.takeStats();
                const generated = path.join(fx.projectDir, language.generated);
                await stack.run(["import", "--file", "import.json", "--yes", "--out", generated, "--stack", "dev"]);
                expect(writeCalls(fx.takeStats())).to.deep.equal({});
                const inState = (await stack.resources()).map((r) => `${r.type} ${r.id}`);
                expect(inState).to.have.members(imported.resources.map((r) => `watson-assistant:index:${r.type} ${r.id}`));
                language.adopt(fx.projectDir, generated);
            });

            it("the first up is a no-op: no step, no write", async () => {
                expect(await stack.resources()).to.have.length(imported.resources.length);
                fx.takeStats();
                const result = await stack.up();
                expect(changedSteps(result)).to.deep.equal({});
                expect(writeCalls(fx.takeStats())).to.deep.equal({});
            });

            it("an edit of one example is one write", async () => {
                const text = fs.readFileSync(program(), "utf8");
                expect(text.split(EXAMPLE)).to.have.length(2);
                fs.writeFileSync(program(), text.replace(EXAMPLE, "how often do ferns need water"));
                fx.takeStats();
                const result = await stack.up();
                expect(Object.values(changedSteps(result))).to.deep.equal(["update"]);
                expect(Object.values(writeCalls(fx.takeStats())).reduce((a, b) => a + b, 0)).to.equal(1);
            });

            it("promoting a release to live is a one-line change: one deploy", async () => {
                const pizza = seeded.assistants[0];
                const text = fs.readFileSync(program(), "utf8");
                const live = text.indexOf("pizza-shop-live");
                const line = /release[:=]\s*["']?1["']?/.exec(text.slice(live))!;
                const at = live + line.index;
                fs.writeFileSync(program(), text.slice(0, at) + line[0].replace("1", pizza.releases[1]) + text.slice(at + line[0].length));
                fx.takeStats();
                const result = await stack.up();
                expect(changedSteps(result)).to.deep.equal({ "pizza-shop-live": "update" });
                expect(writeCalls(fx.takeStats())).to.deep.equal({ "POST /v2/assistants/{assistant_id}/releases/{release}/deploy": 1 });
            });
        });
    }
});
