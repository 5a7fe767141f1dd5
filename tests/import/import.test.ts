/**
 * `watson-assistant import` against a seeded emulator over real HTTP: what it writes, that no
 * secret reaches a file, and that a large instance imports within the service's rate limits.
 * The bin is run compiled (dist/): `npm run build` first.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "watson-assistant-emulator";
import { EmulatorClient } from "../../drivers/emulator-client";
import { importInstance, type ImportOptions, type ImportResult } from "../../import-instance/command";
import { seedInstance, workspaceCreateBody, type SeededInstance } from "./seeded-instance";

const REPO_ROOT = path.resolve(__dirname, "../..");
const NO_EXTERNAL = () => ({});

interface Fixture {
    emu: RunningEmulator;
    client: EmulatorClient;
    out: string;
    run(options?: Partial<ImportOptions>): Promise<ImportResult>;
    read(file: string): string;
}

async function openInstance(options: EmulatorOptions): Promise<Fixture & { close(): Promise<void> }> {
    const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, ...options });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "wa-import-"));
    return {
        emu,
        client: new EmulatorClient(emu.url, { apikey: options.apikey }),
        out,
        run: (extra = {}) => importInstance({ out, stack: "dev", config: { url: emu.url, authType: "noauth" }, env: {}, readExternal: NO_EXTERNAL, ...extra }),
        read: (file) => fs.readFileSync(path.join(out, file), "utf8"),
        async close() {
            await emu.stop();
            fs.rmSync(out, { recursive: true, force: true });
        },
    };
}

async function withInstance(options: EmulatorOptions, body: (f: Fixture) => Promise<void>): Promise<void> {
    const fixture = await openInstance(options);
    try {
        await body(fixture);
    } finally {
        await fixture.close();
    }
}

const byName = (result: ImportResult) => Object.fromEntries(result.resources.map((r) => [r.name, r]));

describe("watson-assistant import", function () {
    this.timeout(120_000);

    describe("of a seeded instance", () => {
        let seeded: SeededInstance;
        let result: ImportResult;
        let fixture: Awaited<ReturnType<typeof openInstance>>;

        before(async () => {
            fixture = await openInstance({});
            seeded = await seedInstance(fixture.client);
            result = await fixture.run();
        });
        after(() => fixture?.close());

        it("writes an import entry per object, with the ids the resources' creates return", () => {
            const entries = JSON.parse(fixture.read("import.json")).resources as { type: string; name: string; id: string }[];
            const idsOf = (type: string) => entries.filter((e) => e.type === `watson-assistant:index:${type}`).map((e) => e.id).sort();
            const assistants = seeded.assistants;
            expect(idsOf("Assistant")).to.deep.equal(assistants.map((a) => a.assistantId).sort());
            expect(idsOf("Skill")).to.deep.equal(assistants.map((a) => `${a.assistantId}/${a.actionSkillId}`).sort());
            expect(idsOf("Release")).to.deep.equal(assistants.flatMap((a) => a.releases.map((r) => `${a.assistantId}/${r}`)).sort());
            expect(idsOf("EnvironmentDeployment")).to.deep.equal(assistants.flatMap((a) => Object.keys(a.deployed).map((e) => `${a.assistantId}/${e}`)).sort());
            expect(idsOf("Workspace")).to.deep.equal([...Object.values(seeded.workspaces), ...assistants.map((a) => a.dialogSkillId)].sort());
            expect(idsOf("ConversationalSkillProvider")).to.deep.equal([seeded.providerId]);
            expect(entries.map((e) => Object.keys(e).sort())).to.deep.equal(entries.map(() => ["id", "name", "type"]));
            expect(new Set(entries.map((e) => e.name)).size).to.equal(entries.length);
        });

        it("names resources after the objects: assistant, skill type, environment, release number", () => {
            expect(Object.keys(byName(result))).to.include.members([
                "pizza-shop", "pizza-shop-actions", "pizza-shop-dialog", "pizza-shop-live", "pizza-shop-staging",
                "pizza-shop-release-1", "pizza-shop-release-2", "support-desk", "support-desk-actions", "order-status-provider",
            ]);
        });

        it("writes each skill as the skills export gives it, one content file per skill (a dialog skill: its workspace)", async () => {
            for (const assistant of seeded.assistants) {
                const exported = await fixture.client.get(`/v2/assistants/${assistant.assistantId}/skills_export`);
                for (const skill of exported.assistant_skills) {
                    const entry = result.resources.find((r) => r.id === `${assistant.assistantId}/${skill.skill_id}` || r.id === skill.skill_id)!;
                    const expected = skill.type === "dialog" ? skill.workspace : skill;
                    expect(JSON.parse(fixture.read(`content/${entry.name}.json`)), entry.name).to.deep.equal(expected);
                }
            }
        });

        it("writes each workspace of every historical export shape as its full export in stable order, read without the export call", async () => {
            for (const [file, id] of Object.entries(seeded.workspaces)) {
                const entry = result.resources.find((r) => r.type === "Workspace" && r.id === id)!;
                const exported = await fixture.client.get(`/v1/workspaces/${id}`, { export: "true", sort: "stable" });
                expect(JSON.parse(fixture.read(`content/${entry.name}.json`)), file).to.deep.equal(exported);
            }
        });

        it("imports each dialog skill once, as the Workspace that owns its content, read with its skills export", () => {
            for (const assistant of seeded.assistants) {
                const entries = result.resources.filter((r) => r.id.endsWith(assistant.dialogSkillId));
                expect(entries.map((r) => r.type)).to.deep.equal(["Workspace"]);
            }
        });

        it("writes the stack config with the service URL", () => {
            expect(fixture.read("Pulumi.dev.yaml")).to.equal(`config:\n  watson-assistant:url: "${fixture.emu.url}"\n  watson-assistant:authType: "noauth"\n`);
        });
    });

    it("writes no secret: the API key is in no file and no output, the config says how to set it", async () => {
        const apikey = "emulator-apikey-not-for-files-7f3a";
        await withInstance({ auth: "apikey", apikey }, async (f) => {
            await seedInstance(f.client);
            const { code, stdout, stderr } = await runBin(["import", "--url", f.emu.url, "--iam-url", f.emu.url, "--out", f.out, "--stack", "prod"], { ASSISTANT_APIKEY: apikey });
            expect(code, stderr).to.equal(0);
            expect(stdout).to.match(/resources .* in \d+ calls, 0 throttled/);
            const files = listFiles(f.out);
            expect(files).to.include.members(["import.json", "Pulumi.prod.yaml"]);
            for (const text of [stdout, stderr, ...files.map(f.read)]) {
                expect(text).to.not.include(apikey);
                expect(text).to.not.include("provider-token-never-exported");
            }
            expect(f.read("Pulumi.prod.yaml")).to.include("pulumi config set --secret watson-assistant:apikey --stack prod").and.not.match(/^\s+watson-assistant:apikey/m);
        });
    });

    it("keeps an existing stack config file as it is", async () => {
        await withInstance({}, async (f) => {
            fs.writeFileSync(path.join(f.out, "Pulumi.dev.yaml"), "config:\n  watson-assistant:url: https://kept.example.com\n");
            const result = await f.run();
            expect(result.keptStackConfig).to.equal("Pulumi.dev.yaml");
            expect(f.read("Pulumi.dev.yaml")).to.equal("config:\n  watson-assistant:url: https://kept.example.com\n");
        });
    });

    it("imports an instance of 25 workspaces under the service's rate limits without a 429, each workspace read once", async () => {
        await withInstance({ rateLimits: true }, async (f) => {
            const content = workspaceCreateBody(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "tests/fixtures/exports/assistant-2018-09-20.json"), "utf8")));
            for (let n = 1; n <= 25; n++) await f.client.post("/v1/workspaces", { ...content, name: `Workspace ${n}` });
            f.emu.resetStats();
            const result = await f.run();
            const stats = f.emu.stats();
            expect(result.resources.filter((r) => r.type === "Workspace")).to.have.length(25);
            expect(stats.rateLimited).to.equal(0);
            expect(result.throttled).to.equal(0);
            expect(stats.byStatus["429"]).to.equal(undefined);
            expect(stats.byRoute["GET /v1/workspaces/{workspace_id}"]).to.equal(25);
            expect(stats.byRoute["GET /v1/workspaces_async/{workspace_id}/export"]).to.equal(undefined);
        });
    });
});

function listFiles(dir: string, prefix = ""): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** The compiled bin (`npm run build`), as a user runs it; its environment holds only what is given. */
function runBin(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(REPO_ROOT, "dist/import-instance/cli.js"), ...args], { env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env } }, (err, stdout, stderr) =>
            resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
}
