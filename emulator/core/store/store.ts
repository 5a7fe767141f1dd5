/**
 * Where the emulator keeps its state between restarts: a flat set of records, each a key and a
 * JSON text. The store knows nothing of the state's shape (records.ts splits the state into
 * records); it only promises that one batch is applied whole or not at all.
 */

/** One atomic change: records to insert or replace, and keys to delete. */
export interface RecordBatch {
    put: [key: string, value: string][];
    remove: string[];
}

export interface RecordStore {
    /** Every stored record by key (empty when nothing was saved yet). */
    readAll(): Map<string, string>;
    /** Applies the batch atomically; once it returns, the change survives a kill -9 of the process. */
    write(batch: RecordBatch): void;
    close(): void;
}
