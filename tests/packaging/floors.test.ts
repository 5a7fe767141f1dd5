/**
 * The provider package's floor: the code it ships (index.ts, provider/, resources/, plugin/, import-instance/) imports
 * only itself, Node's modules and the packages its package.json declares as dependencies or peer
 * dependencies: never the emulator, the drivers, tests, scripts or bench, and nothing that a
 * production install (`--omit=dev`) would leave out.
 */
import { expect } from "chai";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SHIPPED = ["index.ts", "provider", "resources", "plugin", "import-instance"];
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);

function sourceFiles(entry: string): string[] {
    const full = path.join(ROOT, entry);
    if (!fs.statSync(full).isDirectory()) return [entry];
    return fs.readdirSync(full).flatMap((name) => sourceFiles(path.join(entry, name)))
        .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
}

const isShipped = (file: string) => SHIPPED.some((entry) => file === entry || file.startsWith(`${entry}/`));
/** "@scope/name/sub" -> "@scope/name", "name/sub" -> "name". */
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Every import of a shipped file that leaves the shipped code, as "file -> specifier". */
function importsLeaving(): { local: string[]; packages: string[] } {
    const local: string[] = [];
    const packages: string[] = [];
    for (const file of SHIPPED.flatMap(sourceFiles)) {
        const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), "utf8"), true, true);
        for (const { fileName: specifier } of info.importedFiles) {
            if (specifier.startsWith(".")) {
                const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)).split(path.sep).join("/");
                if (!isShipped(target) && !isShipped(`${target}.ts`)) local.push(`${file} -> ${specifier}`);
            } else {
                const name = packageOf(specifier.replace(/^node:/, ""));
                if (!builtinModules.includes(name) && !declared.has(name)) packages.push(`${file} -> ${specifier}`);
            }
        }
    }
    return { local, packages };
}

describe("provider package floors (import graph of the shipped code)", () => {
    const leaving = importsLeaving();

    it("reads the shipped code (sanity: the package root, the bridge, a resource and the plugin runtime)", () => {
        const files = SHIPPED.flatMap(sourceFiles);
        expect(files).to.include.members(["index.ts", "provider/bridge/operations.ts", "resources/workspace/spec.ts", "plugin/runtime.ts"]);
    });

    it("imports nothing of the repository outside the shipped folders (no emulator, drivers, tests, scripts, bench)", () => {
        expect(leaving.local).to.deep.equal([]);
    });

    it("imports only Node's modules and its declared dependencies and peer dependencies (never the emulator package)", () => {
        expect(declared.has("watson-assistant-emulator")).to.equal(false);
        expect(leaving.packages).to.deep.equal([]);
    });
});

describe("the emulator is reached by its package name from compiled code outside it", () => {
    // bench/, drivers/ and scripts/ compile into the root dist/, which holds no copy of the
    // emulator's sources: a relative import of them builds but fails when run (`npm run bench`).
    const COMPILED = ["bench", "drivers", "scripts"];

    it("bench, drivers and scripts never import emulator/ by a relative path", () => {
        const relative = COMPILED.flatMap(sourceFiles).flatMap((file) =>
            ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), "utf8"), true, true).importedFiles
                .map(({ fileName }) => fileName)
                .filter((specifier) => specifier.startsWith(".") &&
                    path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)).split(path.sep)[0] === "emulator")
                .map((specifier) => `${file} -> ${specifier}`));
        expect(relative).to.deep.equal([]);
    });
});
