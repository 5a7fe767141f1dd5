/**
 * Installing the native plugin offline, through the real CLI: the plugin tarball that
 * `npm run native-plugin-tarball` packs (no registry needed) goes into the plugin cache with
 * `pulumi plugin install resource watson-assistant <version> --file`, and the YAML quick start,
 * without a plugin path, deploys with it. Needs `npm run build`.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { packPlugin } from "../../scripts/native-plugin/pack";
import { changedSteps, type CliFixture } from "./support";
import { describeWithYaml, withoutPluginPath, yamlFixture } from "./native-support";

const VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")).version;

describeWithYaml("Native plugin: offline install from a plugin tarball", (cli) => {
    let fx: CliFixture;
    let tarball: string;

    before(async () => {
        fx = await yamlFixture(cli);
        withoutPluginPath(fx.projectDir);
        tarball = packPlugin(fs.mkdtempSync(path.join(fx.session.root, "tarball-")));
    });
    after(async () => fx?.close());

    it("pulumi plugin install --file puts the plugin into the plugin cache", async () => {
        await fx.session.run(fx.projectDir, ["plugin", "install", "resource", "watson-assistant", VERSION, "--file", tarball]);
        const listed = await fx.session.run(fx.projectDir, ["plugin", "ls"]);
        expect(listed.stdout).to.match(new RegExp(`watson-assistant\\s+resource\\s+${VERSION.replace(/\./g, "\\.")}`));
    });

    it("a YAML project without a plugin path deploys and destroys with it", async () => {
        expect(fs.readFileSync(path.join(fx.projectDir, "Pulumi.yaml"), "utf8")).not.to.include("plugins:");
        const stack = await fx.newStack("dev");
        const result = await stack.up();
        expect(changedSteps(result)).to.deep.equal({ assistant: "create", "dialog-skill": "create", release: "create", live: "create" });
        await stack.destroy();
        expect(await stack.resources()).to.deep.equal([]);
    });
});
