/**
 * The cost of persisting one mutation in a large state (`--data-dir`): the whole-file rewrite that
 * the emulator used before (emulator/core/persistence.ts) beside the record store
 * (emulator/core/store), on the same state and the same one-intent change.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator } from "watson-assistant-emulator";
import { StateStore } from "watson-assistant-emulator/dist/core/persistence";
import { PersistedState, readSavedState } from "watson-assistant-emulator/dist/core/store/persisted-state";
import { SqliteStore } from "watson-assistant-emulator/dist/core/store/sqlite-store";
import type { RecordBatch, RecordStore } from "watson-assistant-emulator/dist/core/store/store";
import { toApi } from "../../provider/casing";
import { median as medianOrNull } from "../engine/summary";
import { intentName, workspaceContent, type WorkspaceSize } from "../workload";

export interface StoreMutationResults {
    /** JSON size of the whole state. */
    stateBytes: number;
    /** Records the state splits into. */
    records: number;
    repeats: number;
    /** Medians over `repeats` one-intent changes. */
    wholeFile: { saveMs: number; bytesWritten: number };
    recordStore: { saveMs: number; writeMs: number; recordsWritten: number; bytesWritten: number };
    /** One `POST /v1/workspaces/{id}/intents/{intent}` over HTTP, median wall time. */
    request: { inMemoryMs: number; dataDirMs: number };
}

/** A RecordStore that times and counts what passes through to the real one. */
class MeasuredStore implements RecordStore {
    last = { writeMs: 0, records: 0, bytes: 0 };
    constructor(private readonly inner: RecordStore) {}
    readAll(): Map<string, string> {
        return this.inner.readAll();
    }
    write(batch: RecordBatch): void {
        const started = performance.now();
        this.inner.write(batch);
        const bytes = batch.put.reduce((sum, [key, value]) => sum + key.length + value.length, 0);
        this.last = { writeMs: performance.now() - started, records: batch.put.length + batch.remove.length, bytes };
    }
    close(): void {
        this.inner.close();
    }
}

function timed(work: () => unknown): number {
    const started = performance.now();
    work();
    return performance.now() - started;
}

/** Median wall time of `repeats` one-intent updates over HTTP against an emulator that holds the workspace. */
async function requestWall(body: unknown, dataDir: string | undefined, repeats: number): Promise<number> {
    const emu = await startEmulator({ dataDir });
    try {
        // Asynchronously: the workspace is over the 1.5 MB a synchronous create takes. The first,
        // untimed update applies (and with --data-dir saves) the accepted content.
        const created = await (await fetch(`${emu.url}/v1/workspaces_async?version=2021-11-27`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })).json() as { workspace_id: string };
        const walls: number[] = [];
        for (let i = -1; i < repeats; i++) {
            const started = performance.now();
            const response = await fetch(`${emu.url}/v1/workspaces/${created.workspace_id}/intents/${intentName(0)}?version=2021-11-27`, {
                method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ description: `edit ${i}` }),
            });
            await response.text();
            if (response.status !== 200) throw new Error(`intent update answered ${response.status}`);
            if (i >= 0) walls.push(performance.now() - started);
        }
        return median(walls);
    } finally {
        await emu.stop();
    }
}

export async function measureStoreMutation(size: WorkspaceSize, repeats: number, log: (message: string) => void): Promise<StoreMutationResults> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-store-"));
    try {
        const { waitForTraining: _w, adoptWorkspaceId: _a, ...content } = workspaceContent(size);
        const body = toApi<Record<string, unknown>>(content);
        log("store: one-intent update over HTTP, in memory and with --data-dir");
        const inMemoryMs = await requestWall(body, undefined, repeats);
        const dataDir = path.join(root, "data");
        const dataDirMs = await requestWall(body, dataDir, repeats);

        // The state as the emulator saved it, then the same one-intent change saved both ways.
        const state = readSavedState(dataDir) as any;
        const stateBytes = Buffer.byteLength(JSON.stringify(state));
        log(`store: whole-file rewrite vs record store, ${(stateBytes / 1024 / 1024).toFixed(1)} MB of state`);

        const wholeFile = new StateStore(path.join(root, "whole-file"), () => state);
        fs.mkdirSync(path.join(root, "whole-file"));
        const measured = new MeasuredStore(new SqliteStore(path.join(root, "records.sqlite")));
        const records = new PersistedState(measured);
        const view = records.track(state);
        const recordCount = measured.readAll().size;
        const workspace = Object.values(view.v1.workspaces)[0] as any;

        const whole: number[] = [];
        const save: number[] = [];
        const write: number[] = [];
        const written: number[] = [];
        const bytes: number[] = [];
        for (let i = 0; i < repeats; i++) {
            workspace.intents[0].description = `bench edit ${i}`;
            const started = performance.now();
            await wholeFile.save();
            whole.push(performance.now() - started);
            save.push(timed(() => records.save()));
            write.push(measured.last.writeMs);
            written.push(measured.last.records);
            bytes.push(measured.last.bytes);
        }
        records.close();
        return {
            stateBytes, records: recordCount, repeats,
            wholeFile: { saveMs: median(whole), bytesWritten: stateBytes },
            recordStore: { saveMs: median(save), writeMs: median(write), recordsWritten: median(written), bytesWritten: median(bytes) },
            request: { inMemoryMs, dataDirMs },
        };
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

const median = (values: number[]): number => medianOrNull(values) ?? 0;
