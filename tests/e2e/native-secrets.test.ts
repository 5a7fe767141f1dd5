/**
 * The native plugin with an API key set by `pulumi config set --secret`: every call authenticates,
 * and the key, a token the emulator issued, or a Basic header appear neither in the CLI's output
 * nor in `pulumi stack export`. Unlike the dynamic providers' state, a native provider's state holds
 * the stack's config of its package as the provider resource's inputs (as every Pulumi provider's
 * does): the key is there only encrypted.
 */
import { expect } from "chai";
import type { CliFixture } from "./support";
import { describeWithYaml, yamlFixture } from "./native-support";
import type { CliResult } from "../../drivers/pulumi-cli";

const APIKEY = "k3y-Native-Secret-4721";
const JWT_HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" })).toString("base64url");
const BASIC = Buffer.from(`apikey:${APIKEY}`).toString("base64");
const leaks = (text: string) => [APIKEY, JWT_HEADER, BASIC].filter((secret) => text.includes(secret));
const everything = (result: CliResult) => [result.stdout, result.stderr, ...result.diagnostics.map((d) => d.message)].join("\n");

describeWithYaml("Native plugin: secrets through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    const outputs: CliResult[] = [];

    before(async () => {
        fx = await yamlFixture(cli, undefined, undefined, { emulator: { auth: "apikey", apikey: APIKEY } });
    });
    after(async () => fx?.close());

    it("an API key set with config set --secret authenticates every call of up and destroy, and leaks nowhere", async () => {
        const stack = fx.stack("dev");
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        await stack.setConfig("watson-assistant:iamUrl", fx.emu.url);
        await stack.setConfig("watson-assistant:apikey", APIKEY, { secret: true });
        outputs.push(await stack.up(), await stack.preview(["--diff"]));
        const stats = fx.takeStats();
        expect(stats.byStatus["401"] ?? 0).to.equal(0);
        expect(stats.byRoute["POST /identity/token"]).to.be.greaterThan(0);
        expect(leaks(await stack.exportState())).to.deep.equal([]);
        outputs.push(await stack.destroy());
        for (const result of outputs) expect(leaks(everything(result)), result.command).to.deep.equal([]);
    });
});
