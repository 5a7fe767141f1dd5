/**
 * TEMPORARY: while emulator/v1/routes.ts or emulator/v1/workspaces.ts do not exist yet (another
 * engineer writes them), resolve those two modules to the minimal stand-ins in ./v1-stand-in so the
 * core and v2 tests can run. As soon as the real files exist, they are used and this does nothing.
 */
import * as fs from "fs";
import * as path from "path";

const Module = require("module");
const v1Dir = path.resolve(__dirname, "../../../emulator/v1");
const standIns: Record<string, string> = {
    [path.join(v1Dir, "routes")]: path.join(__dirname, "v1-stand-in", "routes.ts"),
    [path.join(v1Dir, "workspaces")]: path.join(__dirname, "v1-stand-in", "workspaces.ts"),
};

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) {
    if (parent?.filename && request.startsWith(".")) {
        const target = path.resolve(path.dirname(parent.filename), request);
        const standIn = standIns[target];
        if (standIn && !fs.existsSync(`${target}.ts`) && !fs.existsSync(`${target}.js`)) return standIn;
    }
    return originalResolve.call(this, request, parent, ...rest);
};
