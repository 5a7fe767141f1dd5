/**
 * Interrupted runs. (1) The plugin process is killed (SIGKILL) in the middle of a large workspace
 * update, between element calls: the state keeps the last recorded content, the service holds
 * for every element either its old or its new version (never anything else, never a duplicate),
 * and the next `up` repairs everything. (2) An update that fails part-way in-process reports a
 * PartialFailure whose outputs are exactly what the service holds, and the next update from
 * those outputs reaches the declared content.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { PartialFailure } from "../../provider/bridge/errors";
import { stableJson } from "../../provider/values";
import { Harness } from "../../drivers/harness";
import { declaredSummary, liveSummary, type WorkspaceSummary } from "./support/content";
import { checked } from "../support/direct";
import { directSession } from "./support/direct-session";
import { recordFigures } from "./support/figures";
import { pluginTap } from "./support/plugin-tap";
import { EmulatorClient } from "../../drivers/emulator-client";
import { declaredBig, PROJECT_DIR, type Variant, workspaceProgram } from "./support/workspace-program";
import { editedWorkspace, largeWorkspace } from "./fixtures/large-workspace";
import { contentDigests, exportDigests, storedDigests } from "../support/stored-content";

const APIKEY = "reliability-interrupt-key";
const ELEMENT_ROUTE = /^(POST|DELETE) \/v1\/workspaces\/\{workspace_id\}\/(intents|entities|dialog_nodes|counterexamples)/;

function elementCalls(byRoute: Record<string, number>): number {
    return Object.entries(byRoute).filter(([route]) => ELEMENT_ROUTE.test(route)).reduce((n, [, count]) => n + count, 0);
}

/** For each element: the service holds either the old or the new declared version of it. */
function expectEachOldOrNew(live: WorkspaceSummary, before: WorkspaceSummary, after: WorkspaceSummary): { changed: number; pending: number } {
    let changed = 0;
    let pending = 0;
    for (const collection of ["intents", "entities", "dialogNodes"] as const) {
        const keys = new Set([...Object.keys(before[collection]), ...Object.keys(after[collection]), ...Object.keys(live[collection])]);
        for (const key of keys) {
            const now = stableJson((live[collection] as any)[key] ?? null);
            const old = stableJson((before[collection] as any)[key] ?? null);
            const next = stableJson((after[collection] as any)[key] ?? null);
            expect([old, next], `${collection} ${key} is its old or its new version`).to.include(now);
            if (old !== next) now === next ? changed++ : pending++;
        }
    }
    return { changed, pending };
}

describe("reliability: interrupted runs", function () {
    this.timeout(90_000);
    let emu: RunningEmulator;
    let service: EmulatorClient;
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY, asyncDelayMs: 0 });
        service = new EmulatorClient(emu.url, { apikey: APIKEY });
    });
    after(async () => emu.stop());

    /** The export of the one workspace named `name`. */
    async function exportOf(name: string): Promise<any> {
        const live = await service.list("/v1/workspaces", "workspaces");
        const matching = live.filter((w) => w.name === name);
        expect(matching, `exactly one workspace named ${name}`).to.have.length(1);
        return service.get(`/v1/workspaces/${matching[0].workspace_id}`, { export: "true" });
    }

    async function bigOnService(name: string): Promise<WorkspaceSummary> {
        return liveSummary(await exportOf(name));
    }

    it("a plugin killed between element calls of an update leaves state the next up repairs", async () => {
        await emu.reset();
        let variant: Variant = "initial";
        const names = { big: "interrupted", host: "interrupted-host" };
        const tap = pluginTap();
        const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-interrupt-"));
        const h = new Harness({
            projectDir: PROJECT_DIR, stack: "interrupted", stateDir, env: tap.env,
            config: { "watson-assistant:url": emu.url, "watson-assistant:iamUrl": emu.url },
            secretConfig: { "watson-assistant:apikey": APIKEY },
            program: workspaceProgram(names, () => variant),
        });
        try {
            await h.up();
            const before = declaredSummary(declaredBig(names.big, "initial"));
            const after = declaredSummary(declaredBig(names.big, "edited"));

            // The edit with 40 ms per request; kill the plugin once 8 element calls have been answered.
            variant = "edited";
            emu.setFaults("rate=0,latency=40");
            emu.resetStats();
            const run = h.up();
            let killedAfter = -1;
            const watcher = setInterval(() => {
                const calls = elementCalls(emu.stats().byRoute);
                if (calls >= 8 && killedAfter < 0) {
                    killedAfter = calls;
                    process.kill(tap.pids().at(-1)!, "SIGKILL");
                }
            }, 5);
            const outcome = await run.then(() => "finished", (err: Error) => err.message);
            clearInterval(watcher);
            emu.setFaults("");
            expect(killedAfter, "the plugin was killed mid-update").to.be.greaterThan(0);
            expect(outcome).not.to.equal("finished");

            // The service: each element old or new, some changes applied, some not yet; no duplicates.
            const interrupted = await bigOnService(names.big);
            const { changed, pending } = expectEachOldOrNew(interrupted, before, after);
            expect(changed, "changes applied before the kill").to.be.greaterThan(0);
            expect(pending, "changes not applied yet").to.be.greaterThan(0);
            // The state still records the last completed step (the old content): the update never finished.
            const stored = h.plainState().resources.find((r) => r.name === "big")!;
            expect(storedDigests(stored.outputs)).to.deep.equal(contentDigests(declaredBig(names.big, "initial")));

            // The next up repairs: exactly the declared content, and state equal to the service.
            const repaired = await h.up();
            expect(repaired.steps.find((s) => s.name === "big")?.op).to.equal("update");
            const live = await bigOnService(names.big);
            expect(live).to.deep.equal(after);
            expect(storedDigests(h.plainState().resources.find((r) => r.name === "big")!.outputs)).to.deep.equal(contentDigests(declaredBig(names.big, "edited")));
            const again = await h.up();
            expect(again.steps.filter((s) => s.op !== "same")).to.deep.equal([]);
            await h.destroy();
            recordFigures("interrupted-kill", { elementCallsBeforeKill: killedAfter, elementsChangedBeforeKill: changed, elementsPendingAtKill: pending });
        } finally {
            await h.close();
            tap.remove();
            fs.rmSync(stateDir, { recursive: true, force: true });
        }
    });

    it("an update that fails part-way reports a PartialFailure holding exactly what the service has, and the next update completes", async () => {
        await emu.reset();
        const session = directSession({ url: emu.url, apikey: APIKEY, iamUrl: emu.url, maxRetries: "0" });
        const workspace = session.resource("Workspace");
        const created = await workspace.create(await checked(workspace, largeWorkspace("partial")));
        const edited = await checked(workspace, editedWorkspace("partial"), created.outs);
        // Element writes 1..6 succeed, then every element write fails with a 500 (no retries allowed).
        emu.resetStats();
        emu.setFaults("rate=1,after=6,kinds=500,routes=POST /v1/workspaces/*/*+DELETE /v1/workspaces/*/*");
        const failure = await workspace.update(created.id, created.outs, edited).then(() => undefined, (err) => err);
        emu.setFaults("");
        const elementWritesBeforeFailure = elementCalls(emu.stats().byRoute) - emu.stats().faultsInjected;
        expect(failure).to.be.instanceOf(PartialFailure);
        expect(failure.message).to.match(/stopped part-way/);
        const live = await bigOnService("partial");
        const stored = storedDigests(failure.properties);
        expect(Object.keys(stored)).to.have.length(4);
        expect(stored).to.deep.equal(exportDigests(await exportOf("partial"), stored));
        const { changed, pending } = expectEachOldOrNew(live, declaredSummary(largeWorkspace("partial")), declaredSummary(editedWorkspace("partial")));
        expect(changed).to.be.greaterThan(0);
        expect(pending).to.be.greaterThan(0);

        const { outs } = await workspace.update(created.id, failure.properties, edited);
        expect(await bigOnService("partial")).to.deep.equal(declaredSummary(editedWorkspace("partial")));
        expect(storedDigests(outs)).to.deep.equal(contentDigests(editedWorkspace("partial")));
        recordFigures("interrupted-partial", { elementWritesBeforeFailure, changedAtFailure: changed, pendingAtFailure: pending });
    });
});
