import { expect } from "chai";
import { spawn } from "child_process";
import * as path from "path";

const MODULE = path.join(__dirname, "..", "..", "dist", "plugin", "engine-gone.js");

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
        const { ENGINE_GONE_EXIT_CODE } = require(MODULE);
        expect(code).to.equal(ENGINE_GONE_EXIT_CODE);
    });
});
