import { expect } from "chai";
import { statusErrorsText, waitFor, WaitFailedError, WaitTimeoutError } from "../../provider/poll";

/** A fake clock: sleeping advances time instantly. */
function fakeTime() {
    let clock = 0;
    const sleeps: number[] = [];
    return { sleeps, now: () => clock, sleep: async (ms: number) => void (sleeps.push(ms), (clock += ms)) };
}

interface Release {
    status: string;
    release?: string;
    status_errors?: { message: string }[];
}

function sequence<T = Release>(...values: T[]) {
    let i = 0;
    return async () => values[Math.min(i++, values.length - 1)];
}

async function rejection(p: Promise<unknown>): Promise<Error> {
    return p.then(
        () => {
            throw new Error("expected a failure");
        },
        (e: Error) => e,
    );
}

describe("waitFor", () => {
    it("returns the object once its status is ready, backing off between polls", async () => {
        const time = fakeTime();
        const release = await waitFor<Release>({
            what: "release 3 of assistant abc",
            fetch: sequence({ status: "Processing" }, { status: "Processing" }, { status: "Processing" }, { status: "Available", release: "3" }),
            status: (r) => r.status,
            ready: ["Available"],
            failed: ["Failed"],
            timeoutMs: 60_000,
            initialDelayMs: 100,
            maxDelayMs: 300,
            ...time,
        });
        expect(release).to.deep.equal({ status: "Available", release: "3" });
        expect(time.sleeps).to.deep.equal([100, 200, 300]);
    });

    it("polls soon again after the status moves, backing off anew from the first delay", async () => {
        const time = fakeTime();
        await waitFor<Release>({
            what: "workspace w",
            fetch: sequence({ status: "Processing" }, { status: "Processing" }, { status: "Training" }, { status: "Training" }, { status: "Available" }),
            status: (r) => r.status,
            ready: ["Available"],
            failed: ["Failed"],
            timeoutMs: 60_000,
            initialDelayMs: 100,
            maxDelayMs: 1_000,
            ...time,
        });
        expect(time.sleeps).to.deep.equal([100, 200, 100, 200]);
    });

    it("fails quoting the service's status errors", async () => {
        const err = await rejection(waitFor<Release>({
            what: "release 3 of assistant abc",
            fetch: sequence({ status: "Failed", status_errors: [{ message: "Intent #hello has no examples" }, { message: "Skill too large" }] }),
            status: (r) => r.status,
            ready: ["Available"],
            failed: ["Failed"],
            failureDetail: (r) => statusErrorsText(r.status_errors),
            timeoutMs: 1_000,
            ...fakeTime(),
        }));
        expect(err).to.be.instanceOf(WaitFailedError);
        expect(err.message).to.equal('release 3 of assistant abc ended with status "Failed": Intent #hello has no examples; Skill too large');
    });

    it("times out naming the object, its last status and the elapsed time", async () => {
        const err = await rejection(waitFor<Release>({
            what: "skill update of assistant abc",
            fetch: sequence({ status: "Processing" }),
            status: (r) => r.status,
            ready: ["Available"],
            failed: ["Failed"],
            timeoutMs: 5_000,
            initialDelayMs: 1_000,
            ...fakeTime(),
        }));
        expect(err).to.be.instanceOf(WaitTimeoutError);
        expect(err.message).to.equal('Timed out after 5.0 s waiting for skill update of assistant abc: its status is still "Processing"');
    });

    it("compares statuses without regard to case", async () => {
        const time = fakeTime();
        const result = await waitFor<string>({ what: "x", fetch: sequence<string>("pending", "done"), status: (s) => s, ready: ["DONE"], failed: [], timeoutMs: 1_000, ...time });
        expect(result).to.equal("done");
        expect(time.sleeps).to.have.length(1);
    });

    it("without an injected sleep it waits on the process's timers for each backoff delay", async () => {
        const delays: number[] = [];
        const realSetTimeout = global.setTimeout;
        // Every timer fires at once: the delays asked for are recorded, none is waited out.
        global.setTimeout = ((callback: () => void, ms?: number) => {
            if ((ms ?? 0) >= 1_000) delays.push(ms!);
            return realSetTimeout(callback, 0);
        }) as typeof setTimeout;
        let result: string;
        try {
            result = await waitFor<string>({ what: "x", fetch: sequence<string>("pending", "pending", "done"), status: (s) => s, ready: ["done"], failed: [], timeoutMs: 60_000, initialDelayMs: 1_000 });
        } finally {
            global.setTimeout = realSetTimeout;
        }
        expect(result).to.equal("done");
        expect(delays).to.deep.equal([1_000, 2_000]);
    });
});
