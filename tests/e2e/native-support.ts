/**
 * What the native plugin's e2e tests share: YAML projects (the YAML language host beside the CLI)
 * whose plugin path points at this repository's plugin launcher (bin/), staged like every e2e project.
 */
import * as fs from "fs";
import * as path from "path";
import { cliFixture, REPO_ROOT, type CliFixture } from "./support";
import { locatePulumiCli, type PulumiCli } from "../../drivers/pulumi-cli";

export const YAML_QUICKSTART = path.join(REPO_ROOT, "examples", "yaml-quickstart");
const PLUGIN_DIR = path.join(REPO_ROOT, "bin");

/** `describe` when the CLI has the YAML language host beside it; otherwise skipped (failed under REQUIRE_PULUMI_CLI=1). */
export function describeWithYaml(title: string, body: (cli: PulumiCli) => void): void {
    const cli = locatePulumiCli();
    if (!cli || !fs.existsSync(path.join(cli.binDir, "pulumi-language-yaml"))) {
        const missing = cli ? "no YAML language host beside the Pulumi CLI" : "no Pulumi CLI found";
        if (process.env.REQUIRE_PULUMI_CLI === "1") describe(title, () => it("needs the Pulumi CLI", () => { throw new Error(`${missing}: run \`npm run pulumi-cli\``); }));
        else describe.skip(`${title} (skipped: ${missing}; \`npm run pulumi-cli\` builds it)`, () => body(undefined as never));
        return;
    }
    describe(`${title} [pulumi ${cli.version}]`, function () {
        this.timeout(300_000);
        body(cli);
    });
}

/** A staged YAML project (or folder of projects: `projects`) whose plugin paths point at this repository's plugin (the copy sits elsewhere). */
export async function yamlFixture(cli: PulumiCli, sourceDir = YAML_QUICKSTART, projects = ["."], options: Parameters<typeof cliFixture>[2] = {}): Promise<CliFixture> {
    const fx = await cliFixture(cli, sourceDir, options);
    for (const project of projects) {
        const file = path.join(fx.projectDir, project, "Pulumi.yaml");
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^(\s+path:\s*).*$/m, `$1${PLUGIN_DIR}`));
    }
    return fx;
}

/** The staged project without its `plugins:` section: the engine then finds the plugin in the plugin cache. */
export function withoutPluginPath(projectDir: string): void {
    const project = path.join(projectDir, "Pulumi.yaml");
    const text = fs.readFileSync(project, "utf8");
    fs.writeFileSync(project, text.replace(/^plugins:\n(?:[ #].*\n)+/m, ""));
}
