import { expect } from "chai";
import { ApiError } from "../../provider/http/errors";
import { startScriptedServer, ScriptedServer } from "./support/scripted-server";
import { failureOf, instantClient, testSettings } from "./support/settings";

describe("ApiClient retries", () => {
    let server: ScriptedServer;
    beforeEach(async () => {
        server = await startScriptedServer();
    });
    afterEach(() => server.close());

    const createThing = (client: ReturnType<typeof instantClient>["client"], name: string, withReconcile = true) =>
        client.request<{ id: string; name: string }>({
            method: "POST",
            api: "v1",
            path: "/v1/things",
            body: { name },
            idempotent: false,
            reconcile: withReconcile
                ? async () => (await client.request<{ things: { id: string; name: string }[] }>({ method: "GET", api: "v1", path: "/v1/things", query: { name } })).things[0]
                : undefined,
        });

    it("waits for the Retry-After seconds of a 429 and then succeeds", async () => {
        const { client, sleeps } = instantClient(testSettings(server.url));
        server.enqueue({ status: 429, body: { error: "Rate limit exceeded", code: 429 }, headers: { "Retry-After": "3" } });
        const result = await client.request<{ ok: boolean }>({ method: "GET", api: "v1", path: "/v1/anything" });
        expect(result).to.deep.equal({ ok: true });
        expect(sleeps).to.deep.equal([3000]);
        expect(client.metrics).to.include({ requests: 2, retries: 1, throttled: 1 });
    });

    it("honours an HTTP-date Retry-After and an X-RateLimit-Reset epoch", async () => {
        const now = Date.parse("2030-01-01T00:00:00Z");
        const { client, sleeps } = instantClient(testSettings(server.url, { retry: { maxAttempts: 5, maxElapsedMs: 600_000, baseDelayMs: 10, maxDelayMs: 100 } }), { now: () => now });
        server.enqueue(
            { status: 429, headers: { "Retry-After": new Date(now + 7_000).toUTCString() } },
            { status: 429, headers: { "X-RateLimit-Reset": String(now / 1000 + 12) } },
        );
        await client.request({ method: "GET", api: "v2", path: "/v2/assistants" });
        expect(sleeps).to.deep.equal([7_000, 12_000]);
    });

    it("retries 500, 502, 503 and 504 on reads with growing jittered backoff", async () => {
        const { client, sleeps } = instantClient(testSettings(server.url));
        server.enqueue({ status: 500 }, { status: 502, raw: "<html>Bad gateway</html>" }, { status: 503 }, { status: 504 });
        await client.request({ method: "GET", api: "v1", path: "/v1/anything" });
        expect(server.apiRequests()).to.have.length(5);
        // random() = 0.5 of min(maxDelay 1000, 100 * 2^(n-1))
        expect(sleeps).to.deep.equal([50, 100, 200, 400]);
    });

    it("gives up after maxAttempts with the last service error in the message", async () => {
        const { client } = instantClient(testSettings(server.url, { retry: { maxAttempts: 3, maxElapsedMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 } }));
        server.enqueue({ status: 503, body: { error: "Service busy" } }, { status: 503, body: { error: "Service busy" } }, { status: 503, body: { error: "Service busy" } });
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/anything" }));
        expect(err).to.be.instanceOf(ApiError);
        expect(err.status).to.equal(503);
        expect(err.message).to.match(/^GET \/v1\/anything failed: 503 Service Unavailable: Service busy\. Gave up after 3 attempt/);
        expect(server.apiRequests()).to.have.length(3);
    });

    it("stops retrying when the elapsed-time budget would be exceeded", async () => {
        let clock = 0;
        const { client } = instantClient(testSettings(server.url, { retry: { maxAttempts: 50, maxElapsedMs: 5_000, baseDelayMs: 1, maxDelayMs: 1 } }), {
            now: () => clock,
            sleep: async (ms) => {
                clock += ms;
            },
        });
        server.enqueue({ status: 429, headers: { "Retry-After": "4" } }, { status: 429, headers: { "Retry-After": "4" } });
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/anything" }));
        expect(err.status).to.equal(429);
        expect(server.apiRequests()).to.have.length(2);
    });

    it("retries a refused connection for the whole maxElapsedMs budget (the service did nothing), not only maxAttempts times", async () => {
        const closed = await startScriptedServer();
        await closed.close();
        let clock = 0;
        const { client } = instantClient(testSettings(closed.url, { retry: { maxAttempts: 6, maxElapsedMs: 120_000, baseDelayMs: 500, maxDelayMs: 20_000 } }), {
            now: () => clock,
            sleep: async (ms) => {
                clock += ms;
            },
        });
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/anything" }));
        expect(clock, "time spent retrying").to.equal(120_000);
        expect(client.metrics.retries).to.be.above(6);
        expect(err.message).to.match(/ECONNREFUSED|refused/i);
        expect(err.message).to.contain("in 120 s");
    });

    it("retries a read whose connection was reset or timed out", async () => {
        const { client } = instantClient(testSettings(server.url, { timeoutMs: 60 }));
        server.enqueue("reset-before", "hang");
        const result = await client.request({ method: "GET", api: "v1", path: "/v1/anything" });
        expect(result).to.deep.equal({ ok: true });
        expect(client.metrics.retries).to.equal(2);
    });

    it("reports a timeout with the time limit once retries are exhausted", async () => {
        const { client } = instantClient(testSettings(server.url, { timeoutMs: 40, retry: { maxAttempts: 2, maxElapsedMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 } }));
        server.enqueue("hang", "hang");
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/anything" }));
        expect(err).to.be.instanceOf(ApiError);
        expect(err.status).to.equal(0);
        expect(err.message).to.contain("no response within 40 ms");
    });

    it("does not retry a 4xx other than 429", async () => {
        const { client } = instantClient(testSettings(server.url));
        const err = await failureOf(client.request({ method: "GET", api: "v1", path: "/v1/things/missing" }));
        expect(err.status).to.equal(404);
        expect(server.apiRequests()).to.have.length(1);
    });

    it("retries a throttled create without looking it up (a 429 was not processed)", async () => {
        const { client } = instantClient(testSettings(server.url));
        server.enqueue({ status: 429, headers: { "Retry-After": "1" } });
        const thing = await createThing(client, "alpha", false);
        expect(thing.name).to.equal("alpha");
        expect(server.things).to.have.length(1);
        expect(server.apiRequests().map((r) => r.method)).to.deep.equal(["POST", "POST"]);
    });

    it("a create reset after the service committed it is found by reconcile, not created twice", async () => {
        const { client } = instantClient(testSettings(server.url));
        server.enqueue("reset-after");
        const thing = await createThing(client, "alpha");
        expect(thing).to.deep.equal({ id: "id-1", name: "alpha" });
        expect(server.things).to.have.length(1);
        expect(server.apiRequests().map((r) => r.method)).to.deep.equal(["POST", "GET"]);
        expect(client.metrics.reconciled).to.equal(1);
    });

    it("a create reset before the service saw it is looked up, then sent again", async () => {
        const { client } = instantClient(testSettings(server.url));
        server.enqueueFor("POST", "reset-before", { status: 500 });
        const thing = await createThing(client, "beta");
        expect(thing.name).to.equal("beta");
        expect(server.things).to.have.length(1);
        expect(server.apiRequests().map((r) => r.method)).to.deep.equal(["POST", "GET", "POST", "GET", "POST"]);
        expect(client.metrics.reconciled).to.equal(0);
    });

    it("a create with an unknown outcome and no reconcile fails without a second attempt", async () => {
        const { client } = instantClient(testSettings(server.url));
        server.enqueue({ status: 502, body: { error: "Bad gateway" } });
        const err = await failureOf(createThing(client, "gamma", false));
        expect(err.status).to.equal(502);
        expect(err.message).to.contain("Not retried");
        expect(server.apiRequests()).to.have.length(1);
    });

    it("a create whose retries run out still checks once more whether it took effect", async () => {
        const { client } = instantClient(testSettings(server.url, { retry: { maxAttempts: 1, maxElapsedMs: 60_000, baseDelayMs: 1, maxDelayMs: 1 } }));
        server.enqueue("reset-after");
        const thing = await createThing(client, "delta");
        expect(thing.name).to.equal("delta");
        expect(client.metrics.reconciled).to.equal(1);
    });

    it("retries a 200 whose body is cut off on reads", async () => {
        const { client } = instantClient(testSettings(server.url));
        server.enqueue({ status: 200, raw: '{"ok": tr' });
        expect(await client.request({ method: "GET", api: "v1", path: "/v1/anything" })).to.deep.equal({ ok: true });
    });
});
