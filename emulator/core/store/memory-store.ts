import type { RecordBatch, RecordStore } from "./store";

/** Records in a Map: for tests, and wherever state need not outlive the process. */
export class MemoryStore implements RecordStore {
    private readonly records = new Map<string, string>();

    readAll(): Map<string, string> {
        return new Map(this.records);
    }

    write(batch: RecordBatch): void {
        for (const [key, value] of batch.put) this.records.set(key, value);
        for (const key of batch.remove) this.records.delete(key);
    }

    close(): void {}
}
