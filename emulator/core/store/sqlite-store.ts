import type Database from "better-sqlite3";
import type { RecordBatch, RecordStore } from "./store";

/**
 * Records in one SQLite table (better-sqlite3). Each batch is one transaction; with the write-ahead
 * log and `synchronous=FULL` a committed transaction is fsynced before `write` returns, and a
 * process killed mid-transaction leaves the previous commit (https://www.sqlite.org/wal.html,
 * https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export class SqliteStore implements RecordStore {
    private readonly db: Database.Database;
    private readonly upsert: Database.Statement<[string, string]>;
    private readonly remove: Database.Statement<[string]>;
    private readonly apply: (batch: RecordBatch) => void;

    constructor(file: string) {
        this.db = new (openBetterSqlite())(file);
        this.db.pragma("journal_mode = WAL");
        this.db.pragma("synchronous = FULL");
        this.db.exec("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        this.upsert = this.db.prepare("INSERT INTO records (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        this.remove = this.db.prepare("DELETE FROM records WHERE key = ?");
        this.apply = this.db.transaction((batch: RecordBatch) => {
            for (const [key, value] of batch.put) this.upsert.run(key, value);
            for (const key of batch.remove) this.remove.run(key);
        });
    }

    readAll(): Map<string, string> {
        const rows = this.db.prepare("SELECT key, value FROM records").all() as { key: string; value: string }[];
        return new Map(rows.map((row) => [row.key, row.value]));
    }

    write(batch: RecordBatch): void {
        if (batch.put.length === 0 && batch.remove.length === 0) return;
        this.apply(batch);
    }

    close(): void {
        if (this.db.open) this.db.close();
    }
}

/**
 * better-sqlite3 is an optional dependency (a native module), loaded only when a data dir is used,
 * so that the in-memory emulator installs and runs without it.
 */
function openBetterSqlite(): typeof Database {
    try {
        return require("better-sqlite3");
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw err;
        throw new Error("--data-dir needs the optional dependency better-sqlite3, which is not installed (npm install better-sqlite3)");
    }
}
