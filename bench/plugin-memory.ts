/**
 * Samples the peak resident set (VmHWM) of the dynamic-provider plugin processes this process
 * spawns (the harness starts one per run), by polling /proc, since the harness does not expose
 * the child's pid. Linux only; elsewhere the peak stays undefined.
 */
import * as fs from "fs";
import { peakRssMb } from "./measure";

function childPids(pid: number): number[] {
    try {
        return fs.readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
            fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
        return [];
    }
}

function isPlugin(pid: number): boolean {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider");
    } catch {
        return false;
    }
}

export class PluginMemorySampler {
    private timer: NodeJS.Timeout | undefined;
    peakMb: number | undefined;

    start(intervalMs = 25): this {
        this.timer = setInterval(() => this.sample(), intervalMs);
        this.timer.unref();
        return this;
    }

    sample(): void {
        for (const pid of childPids(process.pid)) {
            if (!isPlugin(pid)) continue;
            const mb = peakRssMb(pid);
            if (mb !== undefined && (this.peakMb === undefined || mb > this.peakMb)) this.peakMb = mb;
        }
    }

    stop(): number | undefined {
        if (this.timer) clearInterval(this.timer);
        this.timer = undefined;
        return this.peakMb;
    }
}
