import { expect } from "chai";
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readSavedState } from "../../../emulator/core/store/persisted-state";
import { call, FakeClock, startEmulator } from "../support/emulator";

const ROOT = path.resolve(__dirname, "../../..");

/** Starts the CLI as a child process and resolves with its url once it printed the ready line. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; firstLine: string }> {
    const child = spawn(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stderr!.on("data", (chunk) => (err += chunk));
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            const newline = out.indexOf("\n");
            if (newline >= 0) {
                const firstLine = out.slice(0, newline);
                const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
                if (match) resolve({ child, url: match[1], firstLine });
                else reject(new Error(`unexpected first line: ${firstLine}`));
            }
        });
        child.on("exit", (code) => reject(new Error(`cli exited with ${code}: ${err}`)));
    });
}

function exited(child: ChildProcess): Promise<number | string | null> {
    return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
}

describe("emulator persistence and CLI", () => {
    let dataDir: string;
    beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wa-emulator-"))));
    afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("keeps state across a restart with the same data dir", async () => {
        const first = await startEmulator({ dataDir });
        const created = await call(first.url, "POST", "/v2/assistants", { body: { name: "Durable" } });
        await call(first.url, "POST", "/v2/providers", {
            body: { provider_id: "p1", specification: { servers: [{ url: "https://p.example" }] } },
        });
        await first.stop();

        const second = await startEmulator({ dataDir });
        try {
            const list = await call(second.url, "GET", "/v2/assistants");
            expect(list.body.assistants.map((a: any) => a.assistant_id)).to.deep.equal([created.body.assistant_id]);
            const providers = await call(second.url, "GET", "/v2/providers");
            expect(providers.body.conversational_skill_providers).to.have.length(1);
        } finally {
            await second.stop();
        }
    });

    it("the whole v2 story works with a data dir: assistant, skills, release, deploy, message, and again after a restart", async () => {
        const greeting = { response_type: "text", values: [{ text: "Hello from the release" }] };
        const dialog = {
            intents: [{ intent: "hello", examples: [{ text: "hello" }] }],
            dialog_nodes: [{ dialog_node: "greet", conditions: "#hello", output: { generic: [greeting] } }],
        };
        const first = await startEmulator({ dataDir });
        const assistant = (await call(first.url, "POST", "/v2/assistants", { body: { name: "Persistent", language: "en" } })).body;
        const a = `/v2/assistants/${assistant.assistant_id}`;
        const skill = (type: string) => assistant.assistant_skills.find((s: any) => s.type === type).skill_id;
        const live = assistant.assistant_environments.find((e: any) => e.environment === "live").environment_id;
        expect((await call(first.url, "POST", `/v1/workspaces/${skill("dialog")}`, { body: dialog })).status).to.equal(200);
        const actions = { workspace: { actions: [{ action: "anything_else", condition: { expression: "anything_else" }, steps: [] }] } };
        expect((await call(first.url, "POST", `${a}/skills/${skill("action")}`, { body: actions })).status).to.equal(202);
        const release = await call(first.url, "POST", `${a}/releases`, { body: { description: "first" } });
        expect(release.status, JSON.stringify(release.body)).to.equal(202);
        expect((await call(first.url, "GET", `${a}/releases/1`)).body.status).to.equal("Available");
        const deployed = await call(first.url, "POST", `${a}/releases/1/deploy`, { body: { environment_id: live } });
        expect(deployed.status, JSON.stringify(deployed.body)).to.equal(200);
        const sessionId = (await call(first.url, "POST", `${a}/environments/${live}/sessions`)).body.session_id;
        const before = await call(first.url, "POST", `${a}/environments/${live}/sessions/${sessionId}/message`, { body: { input: { text: "hello" } } });
        expect(before.body.output.generic.map((g: any) => g.text)).to.deep.equal(["Hello from the release"]);
        await first.stop();

        const second = await startEmulator({ dataDir });
        try {
            const after = await call(second.url, "POST", `${a}/environments/${live}/sessions/${sessionId}/message`, { body: { input: { text: "hello" } } });
            expect(after.body.output.generic.map((g: any) => g.text)).to.deep.equal(["Hello from the release"]);
            expect((await call(second.url, "POST", `${a}/releases`)).status).to.equal(202);
            expect((await call(second.url, "GET", `${a}/releases`)).body.releases.map((r: any) => r.release)).to.deep.equal(["1", "2"]);
        } finally {
            await second.stop();
        }
    });

    it("an accepted async workspace update survives a restart and is applied when due", async () => {
        const clock = new FakeClock();
        const first = await startEmulator({ dataDir, asyncDelayMs: 1000, now: clock.now });
        const id = (await call(first.url, "POST", "/v1/workspaces", { body: { name: "slow", intents: [{ intent: "one" }] } })).body.workspace_id;
        clock.advance(1000);
        const accepted = await call(first.url, "POST", `/v1/workspaces_async/${id}`, { body: { intents: [{ intent: "two" }] }, query: { append: true } });
        expect(accepted.status).to.equal(202);
        await first.stop();

        const second = await startEmulator({ dataDir, asyncDelayMs: 1000, now: clock.now });
        try {
            expect((await call(second.url, "GET", `/v1/workspaces/${id}`)).body.status).to.equal("Processing");
            clock.advance(1000);
            const intents = (await call(second.url, "GET", `/v1/workspaces/${id}/intents`)).body.intents.map((i: any) => i.intent);
            expect(intents).to.deep.equal(["one", "two"]);
        } finally {
            await second.stop();
        }
    });

    it("a workspace edited element by element (intents, examples, entities, dialog nodes) exports the same after a restart", async () => {
        const first = await startEmulator({ dataDir });
        const ws = "/v1/workspaces";
        const created = await call(first.url, "POST", ws, {
            body: {
                name: "Edited",
                intents: ["a", "b", "c", "d"].map((intent) => ({ intent, examples: [{ text: `say ${intent}` }] })),
                entities: [{ entity: "color", values: [{ value: "red", synonyms: ["crimson"] }] }],
                dialog_nodes: [{ dialog_node: "n1", conditions: "#a" }, { dialog_node: "n2", conditions: "#b", previous_sibling: "n1" }],
                counterexamples: [{ text: "nope" }],
            },
        });
        const id = created.body.workspace_id;
        const edits: [string, string, unknown?][] = [
            ["POST", `${ws}/${id}/intents/b`, { description: "edited", examples: [{ text: "say b again" }] }],
            ["DELETE", `${ws}/${id}/intents/a`],
            ["POST", `${ws}/${id}/intents/c/examples`, { text: "one more c" }],
            ["POST", `${ws}/${id}/entities/color/values/red/synonyms`, { synonym: "scarlet" }],
            ["POST", `${ws}/${id}/entities/color/values`, { value: "blue" }],
            ["DELETE", `${ws}/${id}/dialog_nodes/n1`],
            ["POST", `${ws}/${id}/dialog_nodes`, { dialog_node: "n3", output: { generic: [{ response_type: "text", values: [{ text: "hi" }] }] } }],
            ["DELETE", `${ws}/${id}/counterexamples/nope`],
            ["POST", `${ws}/${id}/intents`, { intent: "e", examples: [{ text: "say e" }] }],
            ["POST", `${ws}/${id}/intents/e/examples`, { text: "created, then edited in a later request" }],
            ["POST", `${ws}/${id}`, { description: "whole-workspace update" }],
        ];
        for (const [method, path, body] of edits) {
            const reply = await call(first.url, method, path, body === undefined ? {} : { body });
            expect(reply.status, `${method} ${path}`).to.be.lessThan(300);
        }
        const exported = (url: string) => call(url, "GET", `${ws}/${id}`, { query: { export: "true", include_audit: "true" } });
        const before = await exported(first.url);
        await first.stop();

        const second = await startEmulator({ dataDir });
        try {
            expect((await exported(second.url)).body).to.deep.equal(before.body);
        } finally {
            await second.stop();
        }
    });

    it("imports a state.json left by the whole-file persistence once, and keeps the file as state.json.imported", async () => {
        const first = await startEmulator({});
        const legacyDir = dataDir;
        fs.writeFileSync(
            path.join(legacyDir, "state.json"),
            JSON.stringify({ v1: { workspaces: {}, logs: [] }, v2: { providers: [], assistants: [{ assistant_id: "old-1", name: "Legacy", environments: [] }], next_failures: {} } }),
        );
        await first.stop();
        const emu = await startEmulator({ dataDir: legacyDir });
        try {
            const saved = readSavedState(legacyDir) as any;
            expect(saved.v2.assistants.map((a: any) => a.assistant_id)).to.deep.equal(["old-1"]);
            expect(fs.existsSync(path.join(legacyDir, "state.json"))).to.equal(false);
            expect(fs.existsSync(path.join(legacyDir, "state.json.imported"))).to.equal(true);
        } finally {
            await emu.stop();
        }
    });

    it("has every answered change of a concurrent burst on disk", async () => {
        const emu = await startEmulator({ dataDir });
        try {
            await Promise.all(
                Array.from({ length: 25 }, (_, i) => call(emu.url, "POST", "/v2/assistants", { body: { name: `burst ${i}` } })),
            );
            const saved = readSavedState(dataDir) as any;
            expect(saved.v2.assistants).to.have.length(25);
        } finally {
            await emu.stop();
        }
    });

    it("the CLI prints exactly one ready line and stops cleanly on SIGTERM", async () => {
        const { child, firstLine } = await startCli(["--port", "0"]);
        expect(firstLine).to.match(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
        const exit = exited(child);
        child.kill("SIGTERM");
        expect(await exit).to.equal(0);
    });

    it("after kill -9 a restarted CLI loads the last answered state", async () => {
        const first = await startCli(["--port", "0", "--data-dir", dataDir]);
        const names = ["one", "two", "three"];
        for (const name of names) await call(first.url, "POST", "/v2/assistants", { body: { name } });
        const killed = exited(first.child);
        first.child.kill("SIGKILL");
        await killed;

        const second = await startCli(["--port", "0", "--data-dir", dataDir]);
        try {
            const list = await call(second.url, "GET", "/v2/assistants");
            expect(list.body.assistants.map((a: any) => a.name)).to.deep.equal(names);
        } finally {
            const stopped = exited(second.child);
            second.child.kill("SIGTERM");
            await stopped;
        }
    });

    it("kill -9 while writes are in flight leaves a state that loads and holds every answered change", async () => {
        const first = await startCli(["--port", "0", "--data-dir", dataDir]);
        const answered: string[] = [];
        const inFlight = Array.from({ length: 40 }, (_, i) =>
            call(first.url, "POST", "/v2/assistants", { body: { name: `burst ${i}` } })
                .then(() => answered.push(`burst ${i}`))
                .catch(() => undefined),
        );
        while (answered.length < 10) await new Promise((resolve) => setTimeout(resolve, 1));
        const killed = exited(first.child);
        first.child.kill("SIGKILL");
        await killed;
        await Promise.all(inFlight);

        const second = await startCli(["--port", "0", "--data-dir", dataDir]);
        try {
            const list = await call(second.url, "GET", "/v2/assistants", { query: { page_limit: "100" } });
            expect(list.status).to.equal(200);
            const names = list.body.assistants.map((a: any) => a.name);
            expect(names).to.include.members(answered);
            // Whatever else was saved is a whole assistant of the burst, not a fragment.
            for (const assistant of list.body.assistants) expect(assistant.name).to.match(/^burst \d+$/);
        } finally {
            const stopped = exited(second.child);
            second.child.kill("SIGTERM");
            await stopped;
        }
    });
});
