import * as fs from "fs";
import * as path from "path";

const STATE_FILE = "state.json";

/**
 * Keeps the state on disk in `<dataDir>/state.json`: the emulator's former persistence, which
 * rewrote the whole state per mutation. It now only reads an older data dir for the import in
 * store/persisted-state.ts, and is the baseline of the bench's store section.
 *
 * Every write goes to a temp file, is fsynced, then renamed over state.json (and the folder fsynced),
 * so a kill -9 at any moment leaves either the old or the new complete file. `save()` resolves once a
 * write that started after the call has finished: the server awaits it before answering a mutating
 * request, so an answered change is on disk. Concurrent callers share writes: while one write runs,
 * all later calls wait for a single follow-up write of the then-current state.
 */
export class StateStore {
    private writing?: Promise<void>;
    private pending?: Promise<void>;

    constructor(
        private readonly dataDir: string,
        private readonly snapshot: () => unknown,
    ) {}

    get file(): string {
        return path.join(this.dataDir, STATE_FILE);
    }

    /** The saved state, or undefined when none was saved yet. */
    load(): unknown | undefined {
        fs.mkdirSync(this.dataDir, { recursive: true });
        let text: string;
        try {
            text = fs.readFileSync(this.file, "utf8");
        } catch (err: any) {
            if (err.code === "ENOENT") return undefined;
            throw err;
        }
        return JSON.parse(text);
    }

    save(): Promise<void> {
        if (!this.writing) {
            this.writing = this.writeNow().finally(() => (this.writing = undefined));
            return this.writing;
        }
        // A write is running with an older snapshot: queue (at most) one more for everyone who waits.
        if (!this.pending) {
            this.pending = this.writing.catch(() => undefined).then(() => {
                this.pending = undefined;
                return this.save();
            });
        }
        return this.pending;
    }

    /** Waits for every queued write. */
    async flush(): Promise<void> {
        while (this.writing || this.pending) await (this.pending ?? this.writing)?.catch(() => undefined);
    }

    private async writeNow(): Promise<void> {
        const text = JSON.stringify(this.snapshot());
        const temp = path.join(this.dataDir, `.${STATE_FILE}.${process.pid}.tmp`);
        const handle = await fs.promises.open(temp, "w");
        try {
            await handle.writeFile(text, "utf8");
            await handle.sync();
        } finally {
            await handle.close();
        }
        await fs.promises.rename(temp, this.file);
        await syncDirectory(this.dataDir);
    }
}

async function syncDirectory(dir: string): Promise<void> {
    // Makes the rename itself durable; not supported on every platform, where it is skipped.
    try {
        const handle = await fs.promises.open(dir, "r");
        try {
            await handle.sync();
        } finally {
            await handle.close();
        }
    } catch {
        /* best effort */
    }
}
