import * as fs from "fs";
import * as path from "path";
import { StateStore } from "../persistence";
import { ChangeTracker } from "./change-tracker";
import { fromRecords, ownRecord, recordKey, storedKeysUnder, toRecords, valueAt, type Path } from "./records";
import { SqliteStore } from "./sqlite-store";
import type { RecordStore } from "./store";

/**
 * How deep the state is split into records: area, collection, top-level object, its collection,
 * element (`v1.workspaces.<id>.intents.<n>`), so that changing one intent rewrites one small
 * record, not its workspace. See emulator/README.md, "Persistence".
 */
export const RECORD_DEPTH = 5;

/** The database file inside `--data-dir`. */
export const DATABASE_FILE = "state.sqlite";

/**
 * Keeps a JSON state in a RecordStore. The state is changed through the view that `track` returns;
 * `save` rewrites the records of what changed since the last save, in one atomic batch.
 */
export class PersistedState {
    /** The records as last written: what the store holds. */
    private readonly written: Map<string, string>;
    private readonly tracker = new ChangeTracker(RECORD_DEPTH);
    private root: object = {};

    constructor(private readonly store: RecordStore) {
        this.written = store.readAll();
    }

    /**
     * Opens `<dataDir>/state.sqlite`. A data dir from before the database (a `state.json` written by
     * the whole-file persistence) is imported once; the file is then renamed to `state.json.imported`.
     */
    static open(dataDir: string): PersistedState {
        fs.mkdirSync(dataDir, { recursive: true });
        const persisted = new PersistedState(new SqliteStore(path.join(dataDir, DATABASE_FILE)));
        const legacy = new StateStore(dataDir, () => undefined);
        const saved = persisted.written.size === 0 ? legacy.load() : undefined;
        if (saved !== undefined && saved !== null && typeof saved === "object") {
            persisted.track(saved);
            fs.renameSync(legacy.file, `${legacy.file}.imported`);
        }
        return persisted;
    }

    /** The saved state, or undefined when none was saved yet. */
    load(): unknown | undefined {
        return fromRecords(this.written, RECORD_DEPTH);
    }

    /** Saves `state` as it is, and returns the view through which later changes are noted for `save`. */
    track<T extends object>(state: T): T {
        this.root = state;
        const view = this.tracker.track(state);
        this.tracker.take();
        this.write([{ path: [], subtree: true }]);
        return view;
    }

    /** Writes what changed through the view since the last save; once it returns, it is on disk. */
    save(): void {
        const changes = this.tracker.take();
        if (changes.length > 0) this.write(changes);
    }

    close(): void {
        this.store.close();
    }

    private write(changes: { path: Path; subtree: boolean }[]): void {
        const subtrees = new Set(changes.filter((change) => change.subtree).map((change) => recordKey(change.path)));
        // A change inside a subtree that is rewritten anyway adds nothing.
        const covered = (at: Path, self: boolean) => {
            for (let length = self ? at.length : at.length - 1; length >= 0; length--) if (subtrees.has(recordKey(at.slice(0, length)))) return true;
            return false;
        };
        const stale = new Set<string>();
        const fresh = new Map<string, string>();
        for (const { path: at, subtree } of changes) {
            if (covered(at, !subtree)) continue;
            const { found, value } = valueAt(this.root, at);
            if (subtree) {
                storedKeysUnder(this.written, at, RECORD_DEPTH, stale);
                if (found) toRecords(value, RECORD_DEPTH, at, fresh);
            } else if (found) {
                const text = ownRecord(value, at, RECORD_DEPTH);
                if (text !== undefined) fresh.set(recordKey(at), text);
            }
        }
        const put = [...fresh].filter(([key, text]) => this.written.get(key) !== text);
        const remove = [...stale].filter((key) => !fresh.has(key));
        this.store.write({ put, remove });
        for (const key of remove) this.written.delete(key);
        for (const [key, text] of put) this.written.set(key, text);
    }
}

/** The state saved in `dataDir`, read through a connection of its own (the emulator may be running). */
export function readSavedState(dataDir: string): unknown | undefined {
    const saved = new PersistedState(new SqliteStore(path.join(dataDir, DATABASE_FILE)));
    try {
        return saved.load();
    } finally {
        saved.close();
    }
}
