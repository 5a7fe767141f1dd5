/**
 * Which Pulumi CLI command started this plugin, read from the process tree: the engine gives a
 * provider no word of it. An `up` with its preview runs two plugin processes (one for the preview,
 * one for the update) and a refresh diffs what it read; the plan summary should appear once, in
 * the preview, and never for a refresh. The CLI is the nearest ancestor whose program is `pulumi`
 * (the engine starts the plugin directly, or through a launcher script).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** How far up the tree the CLI may be: the plugin, a launcher shell, the CLI. */
const MAX_ANCESTORS = 3;

export interface CliCommand {
    /** The command word: `up`, `preview`, `refresh`, `destroy`... */
    command: string | undefined;
    /** Whether the command skips its preview (`--skip-preview`, `-f`). */
    skipsPreview: boolean;
    /** The CLI process: its pid and, where /proc tells, its start time (pids are reused). */
    process?: string;
}

let cached: CliCommand | null | undefined;

/** The command of the CLI above this process; undefined when it cannot be read (another OS, no CLI). */
export function cliCommand(): CliCommand | undefined {
    if (cached === undefined) cached = findCli() ?? null;
    return cached ?? undefined;
}

/** Whether the update this plugin takes part in was previewed by another plugin process of the same command. */
export function updateWasPreviewed(): boolean {
    const cli = cliCommand();
    return cli !== undefined && (cli.command === "up" || cli.command === "update") && !cli.skipsPreview;
}

/** Commands that make no change of their own (a refresh reads; a destroy only deletes): no plan to print. */
export function commandPlansNoChange(): boolean {
    const command = cliCommand()?.command;
    return command === "refresh" || command === "destroy";
}

function findCli(): CliCommand | undefined {
    let pid = process.ppid;
    for (let depth = 0; depth < MAX_ANCESTORS && pid > 1; depth++) {
        const processInfo = readProcess(pid);
        if (!processInfo) return undefined;
        const program = path.basename(processInfo.args[0] ?? "").replace(/\.exe$/i, "");
        if (program === "pulumi") return { ...parseArgs(processInfo.args.slice(1)), process: `${pid}-${startTime(pid) ?? ""}` };
        pid = processInfo.ppid;
    }
    return undefined;
}

/** `pulumi --color never up --yes -f` -> up, skips its preview. */
export function parseArgs(args: string[]): CliCommand {
    const options = args.indexOf("--");
    const words = options < 0 ? args : args.slice(0, options);
    const command = words.find((word) => ["up", "update", "preview", "refresh", "destroy", "import"].includes(word));
    // -f, alone or bundled with other shorthand switches (-yf).
    const skipsPreview = words.some((word) => word === "--skip-preview" || word === "--skip-preview=true" || /^-[yrdj]*f[yrdj]*$/.test(word));
    return { command, skipsPreview };
}

/** A process's arguments and parent: /proc on Linux, `ps` elsewhere; undefined when neither answers. */
function readProcess(pid: number): { args: string[]; ppid: number } | undefined {
    try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((arg) => arg !== "");
        const ppid = Number(/^PPid:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
        return { args, ppid };
    } catch {
        // No /proc (macOS, BSD): ask ps.
    }
    try {
        const line = execFileSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
        const match = /^(\d+)\s+(.*)$/.exec(line);
        return match ? { ppid: Number(match[1]), args: match[2].split(/\s+/) } : undefined;
    } catch {
        return undefined;
    }
}

/** A process's start time in clock ticks (field 22 of /proc/<pid>/stat, after the parenthesised name); undefined without /proc. */
function startTime(pid: number): string | undefined {
    try {
        return fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\)\s*/s, "").split(" ")[19];
    } catch {
        return undefined;
    }
}

let first: boolean | undefined;

/**
 * Whether this is the first plugin process of `name` that asks, in the CLI command above it: an
 * `up` with a preview runs the preview's process first, so a later one serves the update. A
 * marker file per command (in the temp folder) remembers the first; without a CLI above, every
 * process is a first.
 */
export function firstProcessOfCommand(name: string): boolean {
    if (first !== undefined) return first;
    const cli = cliCommand()?.process;
    if (cli === undefined) return (first = true);
    const prefix = `${name}-command-`;
    try {
        fs.writeFileSync(path.join(os.tmpdir(), `${prefix}${cli}`), String(process.pid), { flag: "wx" });
        removeStaleMarkers(prefix);
        return (first = true);
    } catch {
        return (first = false);
    }
}

/** Markers of commands that ended long ago (a day): one small file per command otherwise stays. */
function removeStaleMarkers(prefix: string): void {
    const dayAgo = Date.now() - 24 * 3600_000;
    for (const entry of fs.readdirSync(os.tmpdir())) {
        if (!entry.startsWith(prefix)) continue;
        const file = path.join(os.tmpdir(), entry);
        try {
            if (fs.statSync(file).mtimeMs < dayAgo) fs.unlinkSync(file);
        } catch {
            // another process removed it
        }
    }
}
