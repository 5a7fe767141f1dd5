import { expect } from "chai";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readSavedState } from "../../../emulator/core/store/persisted-state";
import { call, startEmulator } from "../support/emulator";

const ROOT = path.resolve(__dirname, "../../..");

/** Starts the CLI as a child process and resolves with its url once it printed the ready line. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; firstLine: string }> {
    const child = spawn(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stderr!.on("data", (chunk) => (err += chunk));
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            const newline = out.indexOf("\n");
            if (newline >= 0) {
                const firstLine = out.slice(0, newline);
                const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
                if (match) resolve({ child, url: match[1], firstLine });
                else reject(new Error(`unexpected first line: ${firstLine}`));
            }
        });
        child.on("exit", (code) => reject(new Error(`cli exited with ${code}: ${err}`)));
    });
}

function exited(child: ChildProcess): Promise<number | string | null> {
    return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
}

describe("emulator persistence and CLI", () => {
    let dataDir: string;
    beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wa-emulator-"))));
    afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("keeps state across a restart with the same data dir", async () => {
        const first = await startEmulator({ dataDir });
        const created = await call(first.url, "POST", "/v2/assistants", { body: { name: "Durable" } });
        await call(first.url, "POST", "/v2/providers", {
            body: { provider_id: "p1", specification: { servers: [{ url: "https://p.example" }] } },
        });
        await first.stop();

        const second = await startEmulator({ dataDir });
        try {
            const list = await call(second.url, "GET", "/v2/assistants");
            expect(list.body.assistants.map((a: any) => a.assistant_id)).to.deep.equal([created.body.assistant_id]);
            const providers = await call(second.url, "GET", "/v2/providers");
            expect(providers.body.conversational_skill_providers).to.have.length(1);
        } finally {
            await second.stop();
        }
    });

    it("has every answered change of a concurrent burst on disk", async () => {
        const emu = await startEmulator({ dataDir });
        try {
            await Promise.all(
                Array.from({ length: 25 }, (_, i) => call(emu.url, "POST", "/v2/assistants", { body: { name: `burst ${i}` } })),
            );
            const saved = readSavedState(dataDir) as any;
            expect(saved.v2.assistants).to.have.length(25);
        } finally {
            await emu.stop();
        }
    });

    it("the CLI prints exactly one ready line and stops cleanly on SIGTERM", async () => {
        const { child, firstLine } = await startCli(["--port", "0"]);
        expect(firstLine).to.match(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
        const exit = exited(child);
        child.kill("SIGTERM");
        expect(await exit).to.equal(0);
    });

    it("after kill -9 a restarted CLI loads the last answered state", async () => {
        const first = await startCli(["--port", "0", "--data-dir", dataDir]);
        const names = ["one", "two", "three"];
        for (const name of names) await call(first.url, "POST", "/v2/assistants", { body: { name } });
        const killed = exited(first.child);
        first.child.kill("SIGKILL");
        await killed;

        const second = await startCli(["--port", "0", "--data-dir", dataDir]);
        try {
            const list = await call(second.url, "GET", "/v2/assistants");
            expect(list.body.assistants.map((a: any) => a.name)).to.deep.equal(names);
        } finally {
            const stopped = exited(second.child);
            second.child.kill("SIGTERM");
            await stopped;
        }
    });
});
