/**
 * An API key set with `pulumi config set --secret` reaches the service (the emulator requires it)
 * and appears nowhere else: not in `pulumi stack export` (with or without --show-secrets, since it is
 * never in state at all), not in the CLI's output, not in the plugin's debug log, not in the stack
 * file except encrypted. Neither does a token the emulator issued, nor a Basic header.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { cliFixture, describeWithCli, REPO_ROOT, type CliFixture } from "./support";
import type { CliResult } from "../../drivers/pulumi-cli";

const APIKEY = "k3y-E2E-Secret-7319";
/** base64url of the emulator's JWT header: every token it issues starts with it. */
const JWT_HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" })).toString("base64url");
const BASIC = Buffer.from(`apikey:${APIKEY}`).toString("base64");
const SECRETS = [APIKEY, JWT_HEADER, BASIC];

function leaks(text: string): string[] {
    return SECRETS.filter((secret) => text.includes(secret));
}
function everything(result: CliResult): string {
    return [result.stdout, result.stderr, ...result.diagnostics.map((d) => d.message)].join("\n");
}

describeWithCli("Secrets through the Pulumi CLI", (cli) => {
    let fx: CliFixture;
    const outputs: CliResult[] = [];

    before(async () => {
        // WATSON_ASSISTANT_DEBUG=1 makes the provider log every request and response (redacted).
        fx = await cliFixture(cli, REPO_ROOT, {
            entries: ["Pulumi.yaml", "quickstart"],
            emulator: { auth: "apikey", apikey: APIKEY },
            env: { WATSON_ASSISTANT_DEBUG: "1" },
        });
    });
    after(async () => fx?.close());

    it("an API key set with config set --secret authenticates every call of up, update and destroy", async () => {
        const stack = fx.stack("dev");
        await stack.init();
        await stack.setConfig("watson-assistant:url", fx.emu.url);
        await stack.setConfig("watson-assistant:iamUrl", fx.emu.url);
        await stack.setConfig("watson-assistant:apikey", APIKEY, { secret: true });
        outputs.push(await stack.run(["up", "--yes", "--stack", "dev"]));
        await stack.setConfig("greeting", "A greeting set to force an update");
        outputs.push(await stack.up());
        const stats = fx.takeStats();
        expect(stats.byStatus["401"] ?? 0).to.equal(0);
        expect(stats.byRoute["POST /identity/token"]).to.be.greaterThan(0);
        expect(outputs.flatMap((o) => o.diagnostics).some((d) => /GET|POST/.test(d.message)), "debug log present").to.equal(true);
    });

    it("neither the key, nor a token, nor a Basic header is in the CLI's output or the plugin's log", () => {
        for (const result of outputs) expect(leaks(everything(result)), result.command).to.deep.equal([]);
    });

    it("pulumi stack export holds none of them", async () => {
        expect(leaks(await fx.stack("dev").exportState())).to.deep.equal([]);
    });

    it("with --show-secrets only the engine's own copy of the stack config shows the key, never a resource of ours", async () => {
        // The engine passes the whole stack config to the pulumi-nodejs provider and keeps it, as a
        // secret, in that provider's state; --show-secrets decrypts it like `pulumi config get` would.
        const resources = JSON.parse(await fx.stack("dev").exportState({ showSecrets: true })).deployment.resources as { type: string }[];
        const ours = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
        expect(ours).to.have.length(4);
        expect(leaks(JSON.stringify(ours))).to.deep.equal([]);
        const holders = resources.filter((r) => leaks(JSON.stringify(r)).length > 0).map((r) => r.type);
        expect(holders).to.deep.equal(["pulumi:providers:pulumi-nodejs"]);
    });

    it("the stack file holds the key only encrypted", () => {
        const stackFile = fs.readFileSync(path.join(fx.projectDir, "Pulumi.dev.yaml"), "utf8");
        expect(stackFile).to.match(/watson-assistant:apikey:\s+secure:/);
        expect(leaks(stackFile)).to.deep.equal([]);
    });

    it("destroy authenticates too and leaks nothing", async () => {
        const result = await fx.stack("dev").destroy();
        expect(leaks(everything(result))).to.deep.equal([]);
        expect(fx.takeStats().byStatus["401"] ?? 0).to.equal(0);
    });
});
