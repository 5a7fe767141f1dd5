/**
 * Peak resident set (VmHWM) of every process in one session, by role, sampled from /proc while the
 * command runs. `CliSession` starts `pulumi` detached, so it leads a session of its own; the
 * engine starts the language host and each plugin in a process group of its own, but all stay in
 * that session. VmHWM only grows, so the last sample before a process exits is its peak to within
 * one interval. Linux only; elsewhere nothing is measured.
 */
import * as fs from "fs";
import { peakRssMb } from "../measure";

export type ProcessRole = "cli" | "plugin" | "program";

export type PeakRss = Partial<Record<ProcessRole, number>>;

function sessionOf(pid: number): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // pid (comm) state ppid pgrp session ...: comm may hold spaces, so count from its closing parenthesis.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[3]);
    } catch {
        return undefined;
    }
}

function roleOf(pid: number, leader: number): ProcessRole {
    if (pid === leader) return "cli";
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").match(/dynamic-provider|plugin\/native\.js|floor-plugin\.js/) ? "plugin" : "program";
    } catch {
        return "program";
    }
}

export class ProcessSessionSampler {
    private timer: NodeJS.Timeout | undefined;
    readonly peakMb: PeakRss = {};
    /** Sum of the group's current resident sets, highest seen (for the memory guard). */
    totalRssMb = 0;

    constructor(private readonly leader: number, private readonly onSample?: (totalMb: number) => void) {}

    start(intervalMs = 50): this {
        this.timer = setInterval(() => this.sample(), intervalMs);
        this.timer.unref();
        return this;
    }

    sample(): void {
        let total = 0;
        for (const pid of this.members()) {
            const peak = peakRssMb(pid);
            if (peak === undefined) continue;
            const role = roleOf(pid, this.leader);
            this.peakMb[role] = Math.max(this.peakMb[role] ?? 0, peak);
            total += currentRssMb(pid) ?? 0;
        }
        this.totalRssMb = Math.max(this.totalRssMb, total);
        this.onSample?.(total);
    }

    /** The session's processes now. */
    members(): number[] {
        return fs.readdirSync("/proc").map(Number).filter((pid) => Number.isInteger(pid) && sessionOf(pid) === this.leader);
    }

    /** SIGKILL to every process of the session (plugins run in process groups of their own). */
    killAll(): void {
        for (const pid of this.members()) {
            try {
                process.kill(pid, "SIGKILL");
            } catch { /* already gone */ }
        }
    }

    stop(): PeakRss {
        if (this.timer) clearInterval(this.timer);
        this.timer = undefined;
        return this.peakMb;
    }
}

function currentRssMb(pid: number): number | undefined {
    try {
        const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}
