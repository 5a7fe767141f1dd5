/** The packages of an installed node_modules tree, and what of theirs would run or build at install. */
import * as fs from "fs";
import * as path from "path";

export interface InstalledPackage {
    name: string;
    dir: string;
    manifest: { scripts?: Record<string, string>; gypfile?: boolean };
}

/** Every package under `nodeModules`, nested node_modules and scopes included. */
export function installedPackages(nodeModules: string): InstalledPackage[] {
    if (!fs.existsSync(nodeModules)) return [];
    return fs.readdirSync(nodeModules).filter((entry) => !entry.startsWith(".")).flatMap((entry) => {
        const dir = path.join(nodeModules, entry);
        if (entry.startsWith("@")) return installedPackages(dir);
        const manifestFile = path.join(dir, "package.json");
        if (!fs.existsSync(manifestFile)) return [];
        const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
        return [{ name: manifest.name ?? entry, dir, manifest }, ...installedPackages(path.join(dir, "node_modules"))];
    });
}

/** The lifecycle scripts npm runs when it installs a package as a dependency. */
export function installScripts(pkg: InstalledPackage): Record<string, string> {
    const scripts = pkg.manifest.scripts ?? {};
    return Object.fromEntries(["preinstall", "install", "postinstall"].filter((name) => scripts[name]).map((name) => [name, scripts[name]]));
}

const NATIVE_TOOLS = /node-gyp|prebuild|node-pre-gyp|cmake-js|napi|electron-rebuild/i;

/**
 * Why installing `pkg` would build or fetch native code: a binding.gyp (npm then runs
 * `node-gyp rebuild` by itself), `gypfile`, or an install script calling a native build or
 * prebuilt-download tool.
 */
export function buildsNativeCode(pkg: InstalledPackage): string[] {
    const reasons: string[] = [];
    if (fs.existsSync(path.join(pkg.dir, "binding.gyp"))) reasons.push(`${pkg.name}: binding.gyp`);
    if (pkg.manifest.gypfile) reasons.push(`${pkg.name}: gypfile`);
    for (const [name, script] of Object.entries(installScripts(pkg))) {
        if (NATIVE_TOOLS.test(script)) reasons.push(`${pkg.name}: ${name}: ${script}`);
    }
    return reasons;
}
