/**
 * The README's "Install", command by command, as a new user would: both packages packed, installed
 * from their tarballs (and the providers from a git URL of this repository) into fresh projects
 * outside the repository (inside it, Node would also find the repository's node_modules and hide a
 * missing dependency). Checks that each packed README's links resolve inside its tarball, that
 * nothing in the providers' installed tree builds or downloads native code, then starts the packed
 * emulator with npx and deploys and destroys the packed quick start through the real Pulumi CLI.
 * Needs `npm run build` (the tarballs hold dist/) and the npm registry or npm's cache.
 */
import { expect } from "chai";
import { execSync, spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import { CliSession, type CliStack } from "../../drivers/pulumi-cli";
import { describeWithCli } from "../e2e/support";
import { blocksUnder, linkTargets } from "../support/markdown";
import { buildsNativeCode, installedPackages, installScripts } from "./installed-tree";

const ROOT = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const [registryBlock, gitBlock, tarballBlock] = blocksUnder(readme, "Install", "sh").map(commandsOf);
const PROVIDER = "pulumi-watson-assistant";
const EMULATOR = "watson-assistant-emulator";
/**
 * Install-time scripts known not to build or download anything: protobufjs (under @pulumi/pulumi)
 * runs a JavaScript check of its dependents' version ranges.
 */
const KNOWN_PLAIN_SCRIPTS = ["protobufjs"];

/** A block's commands: comments dropped, `a && b` split. */
function commandsOf(block: string): string[] {
    return block.split("\n").map((line) => line.replace(/\s+#.*$/, ""))
        .flatMap((line) => line.split("&&")).map((command) => command.trim()).filter((command) => command !== "");
}

/** The environment of a user's shell: none of the npm settings of a surrounding `npm test`. */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))) as Record<string, string>;

function sh(command: string, cwd: string, env: Record<string, string> = {}): string {
    try {
        return execSync(command, { cwd, env: { ...userEnv, ...env }, encoding: "utf8", stdio: "pipe" });
    } catch (err) {
        const { stdout, stderr } = err as { stdout?: string; stderr?: string };
        throw new Error(`\`${command}\` in ${cwd} failed\n${stdout ?? ""}\n${stderr ?? ""}`);
    }
}

/** An empty npm project in the system's temp folder. */
function freshProject(label: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `packaging-${label}-`));
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `packaging-${label}`, private: true }, null, 2));
    return dir;
}

/**
 * A README install command made runnable here: the tarballs come from `packed`; flags keep it quick
 * and say what a production install is (`--omit=dev`), and skip compiling the emulator's optional
 * native module (`--omit=optional`; `--data-dir` is checked separately).
 */
function localInstall(command: string, packed: string): string {
    const local = command.replace(/\S*\/((?:pulumi-watson-assistant|watson-assistant-emulator)-[\d.]+\.tgz)/g, (_all, file) => path.join(packed, file));
    const omit = local.includes(EMULATOR) ? "--omit=optional" : "--omit=dev";
    return `${local} ${omit} --prefer-offline --no-audit --no-fund`;
}

/** Starts a long-running README command (its own process group) and waits for its first stdout line. */
function startService(command: string, cwd: string): Promise<{ child: ChildProcess; line: string }> {
    const child = spawn("sh", ["-c", `exec ${command}`], { cwd, env: userEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stderr!.on("data", (chunk) => { err += chunk; });
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            if (out.includes("\n")) resolve({ child, line: out.slice(0, out.indexOf("\n")) });
        });
        child.on("exit", (code) => reject(new Error(`\`${command}\` exited (${code}) before its first line\n${out}\n${err}`)));
    });
}

/**
 * better-sqlite3's binary that this checkout's install built, as the prebuilt release asset that
 * prebuild-install downloads where GitHub is reachable, in a folder it looks in first (its
 * `local-prebuilds` setting): npm's clone of a git dependency then takes it instead of compiling.
 */
function localPrebuilds(cleanup: string[]): Record<string, string> {
    const module = path.join(ROOT, "node_modules", "better-sqlite3");
    const binary = path.join(module, "build", "Release", "better_sqlite3.node");
    if (!fs.existsSync(binary)) return {};
    const { version } = JSON.parse(fs.readFileSync(path.join(module, "package.json"), "utf8"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "packaging-prebuilds-"));
    cleanup.push(dir);
    fs.mkdirSync(path.join(dir, "asset", "build", "Release"), { recursive: true });
    fs.copyFileSync(binary, path.join(dir, "asset", "build", "Release", "better_sqlite3.node"));
    const asset = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
    sh(`tar -czf ${path.join(dir, asset)} -C ${path.join(dir, "asset")} build`, dir);
    return { npm_config_better_sqlite3_local_prebuilds: dir };
}

/** SIGTERM to the process group, and its exit. */
function stopService(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    process.kill(-child.pid!, "SIGTERM");
    return exited;
}

describe("Install (README): packed packages in fresh projects", function () {
    this.timeout(600_000);
    const packed = fs.mkdtempSync(path.join(os.tmpdir(), "packaging-tarballs-"));
    const cleanup: string[] = [packed];
    let app: string;
    after(() => cleanup.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

    it("the registry block installs what the tarball block installs, by package name", () => {
        const byName = tarballBlock.filter((command) => !/^npm (ci|pack)\b/.test(command))
            .map((command) => command.replace(/\S*\/(pulumi-watson-assistant|watson-assistant-emulator)-[\d.]+\.tgz/g, "$1"));
        expect(byName).to.deep.equal(registryBlock);
    });

    it("npm pack packs both packages under the file names the README installs", () => {
        expect(tarballBlock[0]).to.equal("npm ci"); // this checkout is installed already
        const packs = tarballBlock.filter((command) => command.startsWith("npm pack"));
        // The build (the pack's prepare) ran before the suite.
        for (const command of packs) sh(`${command} --ignore-scripts --pack-destination ${packed}`, ROOT);
        const named = tarballBlock.flatMap((command) => [...command.matchAll(/\/([\w-]+-[\d.]+\.tgz)/g)].map((m) => m[1]));
        expect(fs.readdirSync(packed).sort()).to.deep.equal([...new Set(named)].sort());
    });

    for (const name of [PROVIDER, EMULATOR]) {
        it(`every link in ${name}'s packed README resolves inside its tarball`, () => {
            const tarball = fs.readdirSync(packed).find((file) => file.startsWith(`${name}-`))!;
            const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "packaging-unpacked-"));
            cleanup.push(unpacked);
            sh(`tar -xzf ${path.join(packed, tarball)} -C ${unpacked}`, unpacked);
            const pkg = path.join(unpacked, "package");
            const targets = linkTargets(fs.readFileSync(path.join(pkg, "README.md"), "utf8"));
            const missing = targets.filter((target) => !/^https?:\/\//.test(target))
                .filter((target) => !fs.existsSync(path.join(pkg, target.replace(/#.*$/, ""))));
            expect(missing).to.deep.equal([]);
        });
    }

    it("the providers' tarball installs for production, and nothing in its tree builds or downloads native code", () => {
        app = freshProject("app");
        cleanup.push(app);
        sh(localInstall(tarballBlock.find((command) => command.includes(`${PROVIDER}-`))!, packed), app);
        const tree = installedPackages(path.join(app, "node_modules"));
        expect(tree.map((pkg) => pkg.name)).to.include.members([PROVIDER, "@pulumi/pulumi"]);
        expect(tree.map((pkg) => pkg.name)).not.to.include.members(["better-sqlite3", EMULATOR]);
        expect(tree.flatMap((pkg) => buildsNativeCode(pkg))).to.deep.equal([]);
        const scripted = tree.filter((pkg) => Object.keys(installScripts(pkg)).length > 0).map((pkg) => pkg.name);
        expect([...new Set(scripted)]).to.deep.equal(KNOWN_PLAIN_SCRIPTS);
        sh(`node -e "require('${PROVIDER}')"`, app);
    });

    it("the emulator's tarball installs as a dev dependency, and without its optional native module --data-dir says so", async () => {
        sh(localInstall(tarballBlock.find((command) => command.includes(`${EMULATOR}-`))!, packed), app);
        expect(JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")).devDependencies).to.have.property(EMULATOR);
        const dataDir = path.join(app, "emulator-data");
        const failure = await new Promise<string>((resolve) => {
            const child = spawn("npx", [EMULATOR, "--port", "0", "--data-dir", dataDir], { cwd: app, env: userEnv });
            let err = "";
            child.stderr.on("data", (chunk) => { err += chunk; });
            child.on("exit", (code) => resolve(`${code}: ${err}`));
        });
        expect(failure).to.match(/^1: .*--data-dir needs the optional dependency better-sqlite3/);
    });

    describeWithCli("the packed quick start through the Pulumi CLI, against the packed emulator started with npx", (cli) => {
        let emulator: ChildProcess;
        let url: string;
        let session: CliSession;
        let stack: CliStack;

        before(async () => {
            const started = await startService(tarballBlock.find((command) => command.startsWith("npx "))!.replace(/--port \d+/, "--port 0"), app);
            emulator = started.child;
            url = started.line.replace(/^listening on /, "");
            // The quick start as the package ships it.
            for (const entry of ["Pulumi.yaml", "quickstart"]) {
                fs.cpSync(path.join(app, "node_modules", PROVIDER, entry), path.join(app, entry), { recursive: true });
            }
            // A TypeScript program's own compiler, as a project has it (--omit=optional: still without
            // the emulator's native module).
            sh("npm install --save-dev typescript@~5.9.3 --omit=optional --prefer-offline --no-audit --no-fund", app);
            session = new CliSession({ cli });
            stack = session.stack(app, "dev");
        });
        after(async () => {
            session?.close();
            if (emulator) await stopService(emulator);
        });

        it("npx watson-assistant-emulator prints the URL it listens on", () => {
            expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        });

        it("pulumi up creates the assistant, its skill, release 1 and live running it; destroy removes them", async () => {
            await stack.init();
            await stack.setConfig("watson-assistant:url", url);
            await stack.run(["up", "--yes", "--stack", "dev"]);
            const outputs = await stack.outputs();
            expect(outputs.liveRunsRelease).to.equal("1");
            const service = new EmulatorClient(url);
            expect((await service.get("/v2/assistants")).assistants.map((a: any) => a.assistant_id)).to.deep.equal([outputs.assistantId]);
            await stack.run(["destroy", "--yes", "--stack", "dev"]);
            expect((await service.get("/v2/assistants")).assistants).to.deep.equal([]);
        });
    });

    it("the providers install from a git URL of this repository (npm builds them in its clone)", function () {
        // npm prepares a git dependency with a full install in its clone, optional dependencies
        // forced in: the emulator's better-sqlite3 would be compiled there (minutes where no
        // prebuilt binary can be downloaded), though it never reaches the project's tree.
        this.timeout(1_500_000);
        const prebuilds = localPrebuilds(cleanup);
        const gitApp = freshProject("git");
        cleanup.push(gitApp);
        const commit = sh("git rev-parse HEAD", ROOT).trim();
        const [command] = gitBlock;
        const local = command.replace(/git\+\S+/, `git+file://${ROOT}#${commit}`);
        sh(`${local} --omit=dev --prefer-offline --no-audit --no-fund`, gitApp, prebuilds);
        const installed = path.join(gitApp, "node_modules", PROVIDER);
        expect(fs.existsSync(path.join(installed, "dist", "index.js"))).to.equal(true);
        expect(installedPackages(path.join(gitApp, "node_modules")).map((pkg) => pkg.name)).not.to.include("better-sqlite3");
        sh(`node -e "require('${PROVIDER}')"`, gitApp);
    });
});
