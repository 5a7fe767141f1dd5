/**
 * The processes under a pid, read from /proc (Linux). The Pulumi CLI starts each plugin in a
 * process group of its own, so killing the CLI's group leaves the plugins running as orphans;
 * a kill of "everything the run started" (what a CI timeout does) needs the tree, read before
 * the kill reparents them.
 */
import * as fs from "fs";

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): state, ppid, ...; undefined once gone. */
function statFields(pid: number): string[] | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    } catch {
        return undefined;
    }
}

function parentOf(pid: number): number | undefined {
    const fields = statFields(pid);
    return fields && Number(fields[1]);
}

/** Every descendant of `root` alive now (empty where /proc is missing). */
export function descendantsOf(root: number): number[] {
    if (!fs.existsSync("/proc")) return [];
    const children = new Map<number, number[]>();
    for (const name of fs.readdirSync("/proc")) {
        const pid = Number(name);
        if (!Number.isInteger(pid)) continue;
        const parent = parentOf(pid);
        if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
    }
    const found: number[] = [];
    const queue = [...(children.get(root) ?? [])];
    while (queue.length > 0) {
        const pid = queue.shift()!;
        found.push(pid);
        queue.push(...(children.get(pid) ?? []));
    }
    return found;
}

/** Whether `pid` is still running (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
    const state = statFields(pid)?.[0];
    return state !== undefined && state !== "Z";
}
