import { expect } from "chai";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const MODULE = path.join(__dirname, "..", "..", "dist", "plugin", "engine-gone.js");
const { ENGINE_GONE_EXIT_CODE } = require(MODULE);

describe("plugin process whose engine is gone", () => {
    it("exits with its own code once its stdout pipe is closed, instead of spinning on EPIPE errors", async () => {
        const child = spawn(process.execPath, ["-e", `
            const { exitWhenEngineGone } = require(${JSON.stringify(MODULE)});
            exitWhenEngineGone();
            setInterval(() => process.stdout.write("summary line\\n"), 5);
        `], { stdio: ["ignore", "pipe", "pipe"] });
        // The engine reads a first line, then dies: its ends of the pipes close.
        await new Promise((resolve) => child.stdout.once("data", resolve));
        child.stdout.destroy();
        child.stderr.destroy();
        const code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
        expect(code).to.equal(ENGINE_GONE_EXIT_CODE);
    });

    it("exits with its own code when its engine is killed while it writes nothing (waiting on the service)", async function () {
        this.timeout(30_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-gone-"));
        const exitFile = path.join(dir, "plugin-exit-code");
        const readyFile = path.join(dir, "plugin-ready");
        // The "engine" starts the plugin with no pipes between them and waits; the plugin records its exit code.
        // Without its watchdog the plugin would end by itself after 15 s with code 0.
        const plugin = `
            const { exitWhenEngineGone } = require(${JSON.stringify(MODULE)});
            process.on("exit", (code) => require("fs").writeFileSync(${JSON.stringify(exitFile)}, String(code)));
            exitWhenEngineGone();
            require("fs").writeFileSync(${JSON.stringify(readyFile)}, "");
            setTimeout(() => process.exit(0), 15_000);
        `;
        const engine = spawn(process.execPath, ["-e", `
            require("child_process").spawn(process.execPath, ["-e", ${JSON.stringify(plugin)}], { stdio: "ignore" });
            setInterval(() => {}, 60_000);
        `], { stdio: "ignore" });
        const appears = async (file: string) => {
            while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 50));
        };
        try {
            await appears(readyFile);
            engine.kill("SIGKILL");
            await appears(exitFile);
            expect(fs.readFileSync(exitFile, "utf8")).to.equal(String(ENGINE_GONE_EXIT_CODE));
        } finally {
            engine.kill("SIGKILL");
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
