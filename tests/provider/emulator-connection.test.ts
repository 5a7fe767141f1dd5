/**
 * Connecting a stack to the emulator: the emulator's command prints, after its ready line, the
 * stack config that reaches it, and that config (API key auth included, which also needs the IAM
 * URL) works as printed.
 */
import { expect } from "chai";
import { spawn } from "child_process";
import * as path from "path";
import { resolveSettings } from "../../provider/config";
import { ApiClient } from "../../provider/http/client";

const ROOT = path.resolve(__dirname, "../..");
const APIKEY = "emulator-key";

/** Runs the emulator's command until it printed `lines` lines; returns them and a stop function. */
function startEmulatorCli(args: string[], lines: number): Promise<{ output: string[]; stop: () => void }> {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            const output = out.split("\n").slice(0, -1);
            if (output.length >= lines) resolve({ output, stop: () => child.kill("SIGTERM") });
        });
        child.on("exit", (code) => reject(new Error(`emulator exited with ${code} after: ${out}`)));
    });
}

describe("connecting a stack to the emulator", () => {
    it("the emulator prints the stack config that reaches it; with --auth apikey that includes iamUrl, and the printed config works", async () => {
        const { output, stop } = await startEmulatorCli(["--port", "0", "--auth", "apikey", "--apikey", APIKEY], 5);
        try {
            const url = /^listening on (\S+)$/.exec(output[0])![1];
            expect(output.slice(1)).to.deep.equal([
                "connect a stack with:",
                `  pulumi config set watson-assistant:url ${url}`,
                `  pulumi config set watson-assistant:iamUrl ${url}`,
                "  pulumi config set --secret watson-assistant:apikey <the --apikey value>",
            ]);
            expect(output.join("\n"), "the key itself is never printed").not.to.contain(APIKEY);
            const config: Record<string, string> = { apikey: APIKEY };
            for (const line of output.slice(2)) {
                const [, key, value] = /watson-assistant:(\w+) (.+)$/.exec(line)!;
                if (key !== "apikey") config[key] = value;
            }
            const client = new ApiClient(resolveSettings((key) => config[key], {}, () => ({})));
            const listed = await client.request<{ workspaces: unknown[] }>({ method: "GET", api: "v1", path: "/v1/workspaces" });
            expect(listed.workspaces).to.deep.equal([]);
        } finally {
            stop();
        }
    });
});
