/**
 * One stack of the engine-bench project, run by the real Pulumi CLI (drivers/pulumi-cli) against
 * the in-process emulator: each `up` declares the content of a JSON file the bench rewrites, and
 * reports its wall time, the API calls it made and the peak memory of the CLI's processes.
 */
import * as fs from "fs";
import * as path from "path";
import type { RunningEmulator } from "../../emulator";
import { CliSession, removeStagedProject, stageProject, type CliStack, type PulumiCli } from "../../drivers/pulumi-cli";
import type { WorkspaceInputs } from "../../resources/workspace/types";
import { REPO_ROOT } from "../paths";
import { measured, type WireCost } from "../measure";
import { emulatorConfig } from "../workspace-driver";
import { ProcessSessionSampler, type PeakRss } from "./process-session";
import type { EngineMode } from "./program";

export interface UpCost extends WireCost {
    wallMs: number;
    peakRssMb: PeakRss;
    /** Why the `up` did not succeed (exit code, memory guard, timeout). */
    failed?: string;
}

export interface EngineLimits {
    /** Kill the `up` when the CLI's processes together hold more than this (a shared machine). */
    rssLimitMb: number;
    timeoutMs: number;
}

const PROJECT = path.join(REPO_ROOT, "bench", "engine-project");
const STACK = "bench";

export class EngineStack {
    private readonly contentFile: string;
    private constructor(
        private readonly emu: RunningEmulator,
        private readonly session: CliSession,
        private readonly projectDir: string,
        private readonly stack: CliStack,
        private readonly limits: EngineLimits,
    ) {
        this.contentFile = path.join(projectDir, "content.json");
    }

    static async open(cli: PulumiCli, emu: RunningEmulator, mode: EngineMode, limits: EngineLimits, workspaceId?: string): Promise<EngineStack> {
        const projectDir = stageProject(PROJECT, `engine-${mode}`);
        const session = new CliSession({ cli });
        const config = {
            ...Object.fromEntries(Object.entries(emulatorConfig(emu.url)).map(([k, v]) => [`watson-assistant:${k}`, v])),
            "bench:mode": mode,
            "bench:contentFile": path.join(projectDir, "content.json"),
            ...(workspaceId ? { "bench:workspaceId": workspaceId } : {}),
        };
        // JSON is YAML: the stack's config file, written directly rather than by one CLI call per key.
        fs.writeFileSync(path.join(projectDir, `Pulumi.${STACK}.yaml`), JSON.stringify({ config }));
        const stack = session.stack(projectDir, STACK);
        await stack.init();
        return new EngineStack(emu, session, projectDir, stack, limits);
    }

    /** `pulumi up` of `content`. */
    async up(content: WorkspaceInputs): Promise<UpCost> {
        fs.writeFileSync(this.contentFile, JSON.stringify(content));
        let failed: string | undefined;
        let sampler: ProcessSessionSampler | undefined;
        const { result, cost } = await measured(this.emu, async () => {
            const running = this.stack.startUp([], { allowFailure: true });
            const stop = (why: string) => {
                failed ??= why;
                sampler?.killAll();
            };
            sampler = new ProcessSessionSampler(running.child.pid!, (totalMb) => {
                if (totalMb > this.limits.rssLimitMb) stop(`stopped: the CLI's processes held over ${this.limits.rssLimitMb} MB`);
            }).start();
            const timer = setTimeout(() => stop(`stopped after ${Math.round(this.limits.timeoutMs / 1000)} s`), this.limits.timeoutMs);
            try {
                return await running.done;
            } finally {
                clearTimeout(timer);
                sampler.stop();
            }
        });
        if (result.code !== 0) failed ??= `exit ${result.code}: ${lastLines(result.stdout + result.stderr)}`;
        return { ...cost, peakRssMb: sampler!.peakMb, ...(failed ? { failed } : {}) };
    }

    /** The state file's size and the bench resources' entries in it (inputs and outputs, compact JSON). */
    stateSize(): { fileBytes: number; resourceBytes: number[] } {
        const file = findFile(path.join(this.session.backendDir, ".pulumi", "stacks"), `${STACK}.json`);
        if (!file) return { fileBytes: 0, resourceBytes: [] };
        const deployment = JSON.parse(fs.readFileSync(file, "utf8")).checkpoint?.latest as { resources?: { type: string }[] } | undefined;
        // The bench's own resources: dynamic ones, or a native plugin's (not the stack, not providers).
        const resources = (deployment?.resources ?? []).filter((r) => !r.type.startsWith("pulumi:"));
        return { fileBytes: fs.statSync(file).size, resourceBytes: resources.map((r) => Buffer.byteLength(JSON.stringify(r))) };
    }

    close(): void {
        this.session.close();
        removeStagedProject(this.projectDir);
    }
}

function findFile(dir: string, name: string): string | undefined {
    if (!fs.existsSync(dir)) return undefined;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            const found = findFile(full, name);
            if (found) return found;
        } else if (entry.name === name) return full;
    }
    return undefined;
}

const lastLines = (text: string, count = 6) => text.trim().split("\n").slice(-count).join(" / ");
