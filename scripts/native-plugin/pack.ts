/**
 * Packs the native plugin as a Pulumi plugin tarball for offline installs:
 *
 *   npm run native-plugin-tarball            # after npm run build
 *   pulumi plugin install resource watson-assistant <version> --file <tarball>
 *
 * The tarball holds the launcher at its top (bin/pulumi-resource-watson-assistant runs the
 * dist/ beside it), package.json, the compiled package (dist/ without tests, scripts, bench and
 * drivers, as the npm package) and node_modules with the package's runtime dependencies plus
 * @pulumi/pulumi (a peer dependency: the plugin serves gRPC with its stubs), copied from this
 * repository's node_modules with their nesting, so no registry is needed. Prints the tarball's path.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../declarations";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const LEFT_OUT = /^(tests|scripts|bench|drivers)$/;

/** Folder of `name` as Node resolves it from `fromDir` (node_modules of it and its parents). */
function packageDir(name: string, fromDir: string): string | undefined {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name);
        if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
        if (dir === path.dirname(dir)) return undefined;
    }
}

/** Every package folder `names` need at run time, from `fromDir`, dependencies included. */
function runtimeClosure(names: string[], fromDir: string, found = new Set<string>()): Set<string> {
    for (const name of names) {
        const dir = packageDir(name, fromDir);
        if (!dir || found.has(dir)) continue;
        found.add(dir);
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        runtimeClosure([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})], dir, found);
    }
    return found;
}

export function packPlugin(outDir = path.join(ROOT, ".tmp")): string {
    fs.mkdirSync(outDir, { recursive: true });
    const stage = fs.mkdtempSync(path.join(outDir, "native-plugin-"));
    fs.copyFileSync(path.join(ROOT, "bin", "pulumi-resource-watson-assistant"), path.join(stage, "pulumi-resource-watson-assistant"));
    fs.chmodSync(path.join(stage, "pulumi-resource-watson-assistant"), 0o755);
    fs.copyFileSync(path.join(ROOT, "package.json"), path.join(stage, "package.json"));
    fs.cpSync(path.join(ROOT, "dist"), path.join(stage, "dist"), {
        recursive: true,
        filter: (source) => !LEFT_OUT.test(path.relative(path.join(ROOT, "dist"), source).split(path.sep)[0]) && !/\.test\./.test(source),
    });
    for (const dir of runtimeClosure([...Object.keys(pkg.dependencies ?? {}), "@pulumi/pulumi"], ROOT)) {
        fs.cpSync(dir, path.join(stage, path.relative(ROOT, dir)), { recursive: true, dereference: true });
    }
    const tarball = path.join(outDir, `pulumi-resource-watson-assistant-v${pkg.version}-${process.platform}-${process.arch === "x64" ? "amd64" : process.arch}.tar.gz`);
    execFileSync("tar", ["-czf", tarball, "-C", stage, "."]);
    fs.rmSync(stage, { recursive: true, force: true });
    return tarball;
}

if (require.main === module) console.log(packPlugin());
