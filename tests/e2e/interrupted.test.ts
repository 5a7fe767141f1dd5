/**
 * kill -9 of the whole `pulumi up` process tree (CLI, language host, program, plugin) at the
 * worst moments: after the service committed a create but before the engine recorded it, and in
 * the middle of an update. Then exactly what a user does with this CLI version, as the README
 * says: `pulumi cancel` (the file backend's lock outlives a killed CLI), then `pulumi up` (the
 * engine warns about the pending operation and runs the create again; the provider finds the
 * object the interrupted create left and takes it over). Nothing may be duplicated or lost.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { EmulatorClient } from "../../drivers/emulator-client";
import type { CliResult, CliStack, RunningCommand } from "../../drivers/pulumi-cli";
import { isRunning } from "../../drivers/pulumi-cli/process-tree";
import { everyTestPassed, recordFigures } from "../reliability/support/figures";
import { cliFixture, describeWithCli, shown, writeCalls, type CliFixture } from "./support";

const PROGRAM = path.join(__dirname, "fixtures", "interrupted");
const INTENTS = 300;

const get = (fx: CliFixture, route: string): Promise<any> => new EmulatorClient(fx.emu.url).get(route);

/**
 * Returns once the emulator's stats (since the last reset) show `moment`. The CLI is another
 * process, so this polls the emulator every 20 ms rather than waiting on a clock of its own.
 */
async function reached(fx: CliFixture, run: RunningCommand, moment: string, seen: (byRoute: Record<string, number>) => boolean): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (!seen(fx.emu.stats().byRoute)) {
        if (Date.now() > deadline) throw new Error(`never reached: ${moment}`);
        if (run.child.exitCode !== null) throw new Error(`pulumi up ended before ${moment}:\n${(await run.done).stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

/** Kills the CLI once the emulator's stats (since the last reset) show `moment`. */
async function killWhen(fx: CliFixture, run: RunningCommand, moment: string, seen: (byRoute: Record<string, number>) => boolean): Promise<void> {
    await reached(fx, run, moment, seen);
    const deadline = Date.now() + 120_000;
    const tree = run.killHard();
    const killed = await run.done;
    expect(killed.signal, "the CLI was killed, not finished").to.equal("SIGKILL");
    // The plugin (its own process group) went too: nothing of the run works on as an orphan.
    expect(tree.length, "processes under the CLI (language host, program, plugin)").to.be.above(0);
    while (tree.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tree.filter(isRunning), "processes of the killed run still running").to.deep.equal([]);
}

/** Whether the emulator has answered a call of `route`. */
const called = (route: string) => (byRoute: Record<string, number>) => (byRoute[route] ?? 0) > 0;

/**
 * The emulator's clock, which a test stops so that asynchronous work (training, publishing) stays
 * unfinished until the run under test has been seen waiting for it, whatever the machine's speed.
 */
class TestClock {
    private stoppedAt: number | undefined;
    private offsetMs = 0;
    readonly now = (): number => this.stoppedAt ?? Date.now() + this.offsetMs;
    stop(): void {
        this.stoppedAt = this.now();
    }
    /** Runs again from where it stopped, `skipMs` later: work started before then is done. */
    resume(skipMs: number): void {
        if (this.stoppedAt === undefined) return;
        this.offsetMs = this.stoppedAt + skipMs - Date.now();
        this.stoppedAt = undefined;
    }
}

/** Kills the CLI once the emulator has answered a call of `route`. */
const killAfter = (fx: CliFixture, run: RunningCommand, route: string) => killWhen(fx, run, `a call of ${route}`, called(route));

/** Kills the CLI once the run has made its first write call. */
const killAtFirstWrite = (fx: CliFixture, run: RunningCommand) =>
    killWhen(fx, run, "the first write", (byRoute) => Object.keys(byRoute).some((route) => !route.startsWith("GET ")));

/** Files under `dir` whose name ends with `suffix`. */
function filesEndingWith(dir: string, suffix: string): string[] {
    return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(suffix));
}

/** The README's recovery: release the lock a killed CLI leaves, then up again. */
async function recover(stack: CliStack): Promise<CliResult> {
    await stack.run(["cancel", "--yes", "--stack", stack.name], { allowFailure: true });
    return stack.up();
}


/** Objects beyond the one each name should have: what an interrupted create must never leave. */
function duplicatesOf(names: string[]): number {
    return names.length - new Set(names).size;
}

async function expectWorkspace(fx: CliFixture, edited: boolean): Promise<number> {
    const { workspaces } = await get(fx, "/v1/workspaces");
    const names = workspaces.map((w: any) => w.name);
    expect(names, "exactly one workspace").to.deep.equal(["Interrupted"]);
    const exported = await get(fx, `/v1/workspaces/${workspaces[0].workspace_id}?export=true`);
    expect(exported.intents).to.have.length(INTENTS);
    const first = exported.intents.find((i: any) => i.intent === "intent_0");
    expect(first.examples.map((e: any) => e.text)).to.include(`${edited ? "edited " : ""}example 0 of intent 0`);
    const fiftieth = exported.intents.find((i: any) => i.intent === "intent_49");
    expect(fiftieth.examples.map((e: any) => e.text)).to.include(`${edited ? "edited " : ""}example 9 of intent 49`);
    return duplicatesOf(names);
}

describeWithCli("Interrupted runs through the Pulumi CLI (kill -9 of the whole process tree)", (cli) => {
    let kills = 0;
    let duplicates = 0;
    after(function () {
        if (everyTestPassed(this)) recordFigures("interrupted-cli", { kills, duplicates });
    });

    async function fixture(config: Record<string, string>, clock?: TestClock): Promise<{ fx: CliFixture; stack: CliStack }> {
        // Training and publishing take 3 s, which is when the kills land.
        const fx = await cliFixture(cli, PROGRAM, { emulator: { asyncDelayMs: 3000, ...(clock ? { now: clock.now } : {}) } });
        const stack = await fx.newStack("dev", { intentCount: String(INTENTS), ...config });
        fx.takeStats();
        return { fx, stack };
    }

    it("killed during the training wait of a large workspace create: the next up takes that workspace over instead of creating a second", async () => {
        const { fx, stack } = await fixture({});
        try {
            await killAfter(fx, stack.startUp(), "POST /v1/workspaces");
            kills++;
            const recovered = await recover(stack);
            duplicates += await expectWorkspace(fx, false);
            // The engine keeps its record of the interrupted create: the run says what clears it, and that works.
            expect(shown(recovered)).to.include("pending operations");
            expect(shown(recovered)).to.include("run `pulumi refresh --clear-pending-creates --yes`");
            await stack.refresh(["--clear-pending-creates"]);
            expect(shown(await stack.up()), "the next up").to.not.include("pending operations");
            duplicates += await expectWorkspace(fx, false);
        } finally {
            await fx.close();
        }
    });

    it("killed during an update touching 50 intents: the next up finishes it, nothing duplicated or lost", async () => {
        const { fx, stack } = await fixture({});
        try {
            await stack.up();
            await stack.setConfig("edit", "true");
            fx.takeStats();
            await killAtFirstWrite(fx, stack.startUp());
            kills++;
            await recover(stack);
            duplicates += await expectWorkspace(fx, true);
        } finally {
            await fx.close();
        }
    });

    it("killed during an assistant create and then during a release's publishing wait: one assistant, one release", async () => {
        const clock = new TestClock();
        const { fx, stack } = await fixture({ withAssistant: "true", intentCount: "3" }, clock);
        try {
            await killAfter(fx, stack.startUp(), "POST /v2/assistants");
            kills++;
            await stack.run(["cancel", "--yes", "--stack", "dev"], { allowFailure: true });
            fx.takeStats();
            // Publishing (and training) last until the recovering run has been seen waiting on a release.
            clock.stop();
            await killAfter(fx, stack.startUp(), "POST /v2/assistants/{assistant_id}/releases");
            kills++;
            await stack.run(["cancel", "--yes", "--stack", "dev"], { allowFailure: true });
            fx.takeStats();
            const recovering = stack.startUp();
            // The release of the killed run is still Processing (no description, so no marker shown).
            await reached(fx, recovering, "a GET of a release", called("GET /v2/assistants/{assistant_id}/releases/{release}"));
            clock.resume(3_600_000);
            const recovered = await recovering.done;
            expect(recovered.code, recovered.stdout + recovered.stderr).to.equal(0);
            const { assistants } = await get(fx, "/v2/assistants");
            const assistantNames = assistants.map((a: any) => a.name);
            expect(assistantNames, "exactly one assistant").to.deep.equal(["Interrupted assistant"]);
            const { releases } = await get(fx, `/v2/assistants/${assistants[0].assistant_id}/releases`);
            const releaseNumbers = releases.map((r: any) => r.release);
            expect(releaseNumbers, "exactly one release").to.deep.equal(["1"]);
            expect(writeCalls(fx.takeStats()), "the recovering run cut no release").not.to.have.property("POST /v2/assistants/{assistant_id}/releases");
            const outputs = await stack.outputs();
            expect(outputs.assistantId).to.equal(assistants[0].assistant_id);
            expect(outputs.release).to.equal("1");
            const workspaceNames = (await get(fx, "/v1/workspaces")).workspaces.map((w: any) => w.name).filter((name: string) => name === "Interrupted");
            expect(workspaceNames).to.have.length(1);
            // The README's backend URL (?metadata=skip) leaves no sidecar that a kill could truncate.
            expect(filesEndingWith(fx.session.backendDir, ".attrs"), "checkpoint sidecars").to.deep.equal([]);
            duplicates += duplicatesOf(assistantNames) + duplicatesOf(releaseNumbers) + duplicatesOf(workspaceNames);
        } finally {
            await fx.close();
        }
    });
});
