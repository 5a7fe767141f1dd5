/** The machine and versions a run happened on, for the report. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "./paths";

export interface MachineInfo {
    cpu: string;
    cores: number;
    ramGb: number;
    os: string;
    node: string;
    pulumi: string;
    packageVersion: string;
    date: string;
}

function versionOf(packageJson: string): string {
    try {
        return JSON.parse(fs.readFileSync(packageJson, "utf8")).version as string;
    } catch {
        return "unknown";
    }
}

export function machineInfo(): MachineInfo {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? "unknown",
        cores: cpus.length,
        ramGb: Math.round(os.totalmem() / 1024 ** 3 * 10) / 10,
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        pulumi: versionOf(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json")),
        packageVersion: versionOf(path.join(REPO_ROOT, "package.json")),
        date: new Date().toISOString(),
    };
}
