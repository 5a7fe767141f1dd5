import { expect } from "chai";
import { parseFaultSpec } from "../../../emulator/core/faults";
import { call, expectErrorBody, startEmulator, withEmulator } from "../support/emulator";

/** The outcome of each call: a status code or "reset". */
async function outcomes(url: string, count: number): Promise<(number | string)[]> {
    const seen: (number | string)[] = [];
    for (let i = 0; i < count; i++) {
        try {
            seen.push((await call(url, "GET", "/v2/assistants")).status);
        } catch {
            seen.push("reset");
        }
    }
    return seen;
}

async function assistantNames(url: string): Promise<string[]> {
    return (await call(url, "GET", "/v2/assistants")).body.assistants.map((a: any) => a.name);
}

describe("emulator fault injection", () => {
    it("parses the documented grammar and rejects unknown keys and kinds", () => {
        const spec = parseFaultSpec("rate=0.2,seed=42,kinds=429+500+503+reset+reset-after,latency=0-200,routes=/v2/*,count=3,after=1")!;
        expect(spec).to.deep.include({ rate: 0.2, seed: 42, count: 3, after: 1, latencyMs: [0, 200], routes: ["/v2/*"] });
        expect(spec.kinds).to.deep.equal(["429", "500", "503", "reset", "reset-after"]);
        expect(parseFaultSpec("")).to.equal(undefined);
        expect(() => parseFaultSpec("rate=2")).to.throw(/rate/);
        expect(() => parseFaultSpec("kinds=418")).to.throw(/418/);
        expect(() => parseFaultSpec("colour=red")).to.throw(/colour/);
    });

    it("injects the same faults in the same order for the same seed", async () => {
        const spec = "rate=0.5,seed=7,kinds=429+500+503+reset";
        const first = await startEmulator({ faults: spec });
        const second = await startEmulator({ faults: spec });
        try {
            const a = await outcomes(first.url, 20);
            const b = await outcomes(second.url, 20);
            expect(a).to.deep.equal(b);
            expect(a.some((outcome) => outcome !== 200)).to.equal(true);
            expect(a.some((outcome) => outcome === 200)).to.equal(true);
            expect(first.stats().faultsInjected).to.equal(a.filter((o) => o !== 200).length);
        } finally {
            await first.stop();
            await second.stop();
        }
    });

    it("answers injected 429s with Retry-After and the error body", async () => {
        await withEmulator({ faults: "rate=1,kinds=429" }, async (emu) => {
            const reply = await call(emu.url, "GET", "/v2/assistants");
            expectErrorBody(reply, 429);
            expect(reply.headers.get("retry-after")).to.equal("1");
        });
    });

    it("reset drops the connection before the handler runs, so nothing changes", async () => {
        await withEmulator({}, async (emu) => {
            emu.setFaults("rate=1,count=1,kinds=reset,routes=POST /v2/assistants");
            let failed = false;
            await call(emu.url, "POST", "/v2/assistants", { body: { name: "Lost" } }).catch(() => (failed = true));
            expect(failed).to.equal(true);
            expect(await assistantNames(emu.url)).to.deep.equal([]);
        });
    });

    it("reset-after commits the change and then drops the connection without answering", async () => {
        await withEmulator({}, async (emu) => {
            await call(emu.url, "POST", "/emulator/faults", { version: null, body: { spec: "rate=1,count=1,kinds=reset-after" } });
            let failed = false;
            await call(emu.url, "POST", "/v2/assistants", { body: { name: "Committed" } }).catch(() => (failed = true));
            expect(failed).to.equal(true);
            expect(await assistantNames(emu.url)).to.deep.equal(["Committed"]);
            expect(emu.stats().byStatus.reset).to.equal(1);
        });
    });

    it("after= lets the first matching requests through, and an empty spec clears faults at run time", async () => {
        await withEmulator({ faults: "rate=1,after=2,kinds=503" }, async (emu) => {
            expect(await outcomes(emu.url, 3)).to.deep.equal([200, 200, 503]);
            const cleared = await call(emu.url, "POST", "/emulator/faults", { version: null, body: { spec: "" } });
            expect(cleared.status).to.equal(200);
            expect(await outcomes(emu.url, 2)).to.deep.equal([200, 200]);
        });
    });

    it("rejects a malformed spec posted at run time with 400", async () => {
        await withEmulator({}, async (emu) => {
            expectErrorBody(await call(emu.url, "POST", "/emulator/faults", { version: null, body: { spec: "rate=x" } }), 400);
        });
    });
});
