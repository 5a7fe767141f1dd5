import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Spec } from "./fixtures/echo/spec";
import { encryptPulumiConfigValue, Harness, HarnessEvent, HarnessOptions, newPulumiEncryptionSalt, RunResult, UNKNOWN } from "../../drivers/harness";

const projectDir = path.join(__dirname, "fixtures", "echo");


interface Call { method: string; version: string; id?: string; name?: string; secretValue?: string; withOlds?: boolean }

describe("engine-path harness", function () {
    let workDir: string;
    let harnesses: Harness[];

    beforeEach(() => {
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-test-"));
        harnesses = [];
    });

    afterEach(async () => {
        await Promise.all(harnesses.map((h) => h.close()));
        fs.rmSync(workDir, { recursive: true, force: true });
    });

    function harness(stack: string, specs: Spec[], extra: Partial<HarnessOptions> = {}): Harness {
        const h = new Harness({
            projectDir,
            stack,
            stateDir: path.join(workDir, "state"),
            env: { HARNESS_ECHO_DIR: workDir },
            ...extra,
            config: { resources: JSON.stringify(specs), ...extra.config },
        });
        harnesses.push(h);
        return h;
    }

    function declare(h: Harness, specs: Spec[]): void {
        h.setConfig("resources", JSON.stringify(specs));
    }

    /** Provider calls since the last time this was asked. */
    let seenCalls = 0;
    beforeEach(() => (seenCalls = 0));
    function newCalls(): Call[] {
        const file = path.join(workDir, "calls.jsonl");
        const all = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Call) : [];
        const fresh = all.slice(seenCalls);
        seenCalls = all.length;
        return fresh;
    }

    const mutating = (calls: Call[]) => calls.filter((c) => ["create", "update", "delete"].includes(c.method));
    const ops = (result: RunResult) => Object.fromEntries(result.steps.map((s) => [s.name, s.op]));

    it("creates on the first run and reports every resource as same on an unchanged second run, without create or update calls", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "b", valueFrom: "a" }]);
        const first = await h.up();
        expect(ops(first)).to.deep.equal({ a: "create", b: "create" });
        expect(first.changed).to.equal(true);
        // The dependent resource saw the provider's real output, not a mock value.
        expect(first.outputs.values).to.deep.equal({ a: "one", b: "from token-for-a-0" });
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`)).to.deep.equal(["create a-0", "create b-0"]);

        const second = await h.up();
        expect(ops(second)).to.deep.equal({ a: "same", b: "same" });
        expect(second.changed).to.equal(false);
        const calls = newCalls();
        expect(calls.map((c) => c.method).sort()).to.deep.equal(["check", "check", "diff", "diff"]);

        const b = h.state().resources.find((r) => r.name === "b")!;
        expect(b.dependencies).to.deep.equal(["urn:pulumi:dev::harness-echo::pulumi-nodejs:dynamic/harness:Echo::a"]);
        expect(b.inputs.__provider).to.be.a("string").and.include("exports.handler");
        expect(h.state().outputs).to.deep.equal(second.outputs);
    });

    it("updates in place on a value change, then replaces create-before-delete on a replace-key change", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }]);
        await h.up();
        newCalls();

        declare(h, [{ name: "a", value: "two" }]);
        const update = await h.up();
        expect(update.steps.map((s) => s.op)).to.deep.equal(["update"]);
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`)).to.deep.equal(["update a-0"]);
        expect(h.plainState().resources[0].outputs).to.include({ value: "two", generation: 2 });

        declare(h, [{ name: "a", value: "two", replaceKey: "k2" }]);
        const replace = await h.up();
        expect(replace.steps).to.have.length(1);
        expect(replace.steps[0]).to.include({ op: "replace" });
        expect(replace.steps[0].replaces).to.deep.equal(["replaceKey"]);
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`)).to.deep.equal(["create a-k2", "delete a-0"]);
        expect(h.state().resources.map((r) => r.id)).to.deep.equal(["a-k2"]);
    });

    it("checks a replacement's inputs a second time without olds, as the engine does, and an update's only once", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }]);
        await h.up();
        newCalls();
        declare(h, [{ name: "a", value: "two" }]);
        await h.up();
        expect(newCalls().filter((c) => c.method === "check").map((c) => c.withOlds)).to.deep.equal([true]);

        declare(h, [{ name: "a", value: "two", replaceKey: "k2" }]);
        await h.up();
        expect(newCalls().filter((c) => c.method === "check").map((c) => c.withOlds)).to.deep.equal([true, false]);
    });

    it("deletes the old object before creating its replacement when the diff asks for deleteBeforeReplace", async () => {
        const h = harness("dev", [{ name: "a", value: "one", deleteFirst: true }]);
        await h.up();
        newCalls();
        declare(h, [{ name: "a", value: "one", replaceKey: "k2", deleteFirst: true }]);
        const replace = await h.up();
        expect(replace.steps.map((s) => s.op)).to.deep.equal(["replace"]);
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`)).to.deep.equal(["delete a-0", "create a-k2"]);
    });

    it("deletes resources the program no longer declares, dependents first, with the provider code stored in state", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "b", valueFrom: "a" }, { name: "keep", value: "k" }]);
        await h.up();
        newCalls();

        h.setConfig("providerVersion", "v2");
        declare(h, [{ name: "keep", value: "k" }]);
        const result = await h.up();
        expect(ops(result)).to.deep.equal({ keep: "same", a: "delete", b: "delete" });
        const deletes = newCalls().filter((c) => c.method === "delete");
        expect(deletes.map((c) => `${c.id} ${c.version}`)).to.deep.equal(["b-0 v1", "a-0 v1"]);
        expect(h.state().resources.map((r) => r.name)).to.deep.equal(["keep"]);
    });

    it("previews creates, updates and deletes without calling create, update or delete or touching the state file", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "gone", value: "x" }]);
        await h.up();
        const stateBefore = fs.readFileSync(h.statePath, "utf8");
        newCalls();

        declare(h, [{ name: "a", value: "changed" }, { name: "new", value: "n" }, { name: "child", valueFrom: "new" }]);
        const preview = await h.preview();
        expect(ops(preview)).to.deep.equal({ a: "update", new: "create", child: "create", gone: "delete" });
        expect(mutating(newCalls())).to.deep.equal([]);
        expect(fs.readFileSync(h.statePath, "utf8")).to.equal(stateBefore);
        // An update's inputs are known in preview; the dependent's value derives from an output the
        // provider has not computed yet, which makes the whole `values` map unknown.
        expect(preview.outputs.firstValue).to.equal("changed");
        expect(preview.outputs.values).to.equal(UNKNOWN);
    });

    it("refresh records drift reported by read (outputs and inputs) and drops resources whose read finds nothing", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "b", value: "two" }]);
        await h.up();
        fs.writeFileSync(path.join(workDir, "objects", "a-0.json"), JSON.stringify({ value: "edited elsewhere" }));
        fs.rmSync(path.join(workDir, "objects", "b-0.json"));

        const refresh = await h.refresh();
        expect(ops(refresh)).to.deep.equal({ a: "refresh-drift", b: "refresh-gone" });
        const state = h.plainState();
        expect(state.resources.map((r) => r.name)).to.deep.equal(["a"]);
        expect(state.resources[0].outputs.value).to.equal("edited elsewhere");
        expect(state.resources[0].inputs.value).to.equal("edited elsewhere");

        newCalls();
        const up = await h.up();
        expect(ops(up)).to.deep.equal({ a: "update", b: "create" });
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`).sort()).to.deep.equal(["create b-0", "update a-0"]);
    });

    it("fails the run with every check failure, property and reason, and makes no provider changes", async () => {
        const h = harness("dev", [{ name: "a", value: "a bad value" }, { name: "a-name-that-is-far-too-long", value: "fine" }]);
        const error = await h.up().then(
            () => undefined,
            (e: Error) => e,
        );
        expect(error?.message).to.include("value: value must not contain the word bad");
        expect(error?.message).to.include("name: name is longer than 20 characters");
        expect(mutating(newCalls())).to.deep.equal([]);
    });

    it("keeps what succeeded in state when a later create fails, and quotes the provider's message", async () => {
        fs.mkdirSync(path.join(workDir, "objects"), { recursive: true });
        fs.writeFileSync(path.join(workDir, "objects", "boom-0.json"), "{}");
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "boom", valueFrom: "a" }]);
        const error = await h.up().then(
            () => undefined,
            (e: Error) => e,
        );
        expect(error?.message).to.include("object boom-0 already exists");
        expect(h.state().resources.map((r) => r.id)).to.deep.equal(["a-0"]);
    });

    it("never stores secret config, secret inputs or additionalSecretOutputs in plain text, yet sends them to the provider in plain", async () => {
        const token = "s3cr3t-token-value";
        const h = harness("dev", [{ name: "sec", value: "v", secretValue: true, secretToken: true }], { secretConfig: { token } });
        const first = await h.up();
        expect(first.outputs.secretToken).to.equal(token);
        const stored = fs.readFileSync(h.statePath, "utf8");
        expect(stored).not.to.include(token);
        expect(stored).not.to.include("token-for-sec-0");
        expect(stored).to.include("ciphertext");
        expect(newCalls().find((c) => c.method === "create")?.secretValue).to.equal(token);

        const plain = h.plainState().resources[0];
        expect(plain.inputs.secretValue).to.equal(token);
        expect(plain.outputs).to.include({ secretValue: token, token: "token-for-sec-0" });
        expect((await h.up()).steps.map((s) => s.op)).to.deep.equal(["same"]);
    });

    it("resolves a StackReference from the other stack's recorded outputs", async () => {
        const producer = harness("producer", [{ name: "origin", value: "made in producer" }]);
        await producer.up();
        expect(producer.state().outputs.firstValue).to.equal("made in producer");

        const consumer = harness("consumer", [], { config: { consumes: "organization/harness-echo/producer" } });
        const result = await consumer.up();
        expect(ops(result)).to.deep.include({ "organization/harness-echo/producer": "read", consumer: "create" });
        expect(result.outputs.values).to.deep.equal({ consumer: "made in producer" });
    });

    it("reads per-stack config from Pulumi.<stack>.yaml, bare keys belonging to the project", async () => {
        const h = new Harness({ projectDir, stack: "filestack", stateDir: path.join(workDir, "state"), env: { HARNESS_ECHO_DIR: workDir } });
        harnesses.push(h);
        const result = await h.up();
        expect(result.outputs.greeting).to.equal("hello from the stack file");
        expect(result.outputs.values).to.deep.equal({ "from-file": "configured in Pulumi.filestack.yaml" });
    });

    it("decrypts secure values of Pulumi.<stack>.yaml with the passphrase and keeps them secret", async () => {
        const passphrase = "correct horse";
        const salt = newPulumiEncryptionSalt(passphrase);
        const file = path.join(projectDir, "Pulumi.securestack.yaml");
        fs.writeFileSync(file, `encryptionsalt: ${salt}\nconfig:\n  harness-echo:token:\n    secure: ${encryptPulumiConfigValue(passphrase, salt, "from-secure-yaml")}\n`);
        try {
            const h = new Harness({ projectDir, stack: "securestack", stateDir: path.join(workDir, "state"), env: { HARNESS_ECHO_DIR: workDir }, passphrase });
            harnesses.push(h);
            const result = await h.up();
            expect(result.outputs.secretToken).to.equal("from-secure-yaml");
            expect(fs.readFileSync(h.statePath, "utf8")).not.to.include("from-secure-yaml");
        } finally {
            fs.rmSync(file, { force: true });
        }
    });

    it("runs at most `parallel` steps at once", async () => {
        const events: HarnessEvent[] = [];
        const h = harness("dev", [{ name: "a", value: "1" }, { name: "b", value: "2" }, { name: "c", value: "3" }], {
            parallel: 1,
            onEvent: (e) => events.push(e),
        });
        await h.up();
        let active = 0;
        let maxActive = 0;
        for (const e of events) {
            if (e.type === "step-start") maxActive = Math.max(maxActive, ++active);
            if (e.type === "step-done") active--;
        }
        expect(maxActive).to.equal(1);
        expect(events.filter((e) => e.type === "step-done")).to.have.length(3);
    });

    it("destroys everything in reverse dependency order and empties the state", async () => {
        const h = harness("dev", [{ name: "a", value: "one" }, { name: "b", valueFrom: "a" }]);
        await h.up();
        newCalls();
        const result = await h.destroy();
        expect(result.steps.map((s) => `${s.op} ${s.name}`)).to.deep.equal(["delete b", "delete a"]);
        expect(mutating(newCalls()).map((c) => `${c.method} ${c.id}`)).to.deep.equal(["delete b-0", "delete a-0"]);
        expect(h.state().resources).to.deep.equal([]);
        expect(h.state().outputs).to.deep.equal({});
    });

    it("runs an inline program function", async () => {
        const h = harness("inline", [], { program: async () => ({ answer: 42 }) });
        const result = await h.up();
        expect(result.outputs).to.deep.equal({ answer: 42 });
        expect(result.steps).to.deep.equal([]);
    });
});
