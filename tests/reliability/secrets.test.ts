/**
 * Credentials never leak. For each auth type (IAM API key exchanged at the emulator's
 * /identity/token, basic, a bearer token, none) a full engine run (up, an update, a failing up,
 * destroy) with WATSON_ASSISTANT_DEBUG=1 is searched: `__provider`, every output, the state file,
 * the plugin's whole stderr (debug request logs included), progress events and every error
 * message. None may hold the API key, the password, a token the emulator issued (they all start
 * with the same JWT header), the bearer token or a provider's `private` credential. The emulator
 * enforces auth (except for the "none" run), so the runs also prove the credentials were sent.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fetch from "node-fetch";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { Harness } from "../../drivers/harness";
import { Assistant } from "../../resources/assistant";
import { ConversationalSkillProvider } from "../../resources/skill-provider";
import { Intent } from "../../resources/intent";
import { Workspace } from "../../resources/workspace";
import { directSession } from "./support/direct-session";
import { everyTestPassed, recordFigures } from "./support/figures";
import { pluginTap } from "./support/plugin-tap";
import { PROJECT_DIR } from "./support/workspace-program";

const APIKEY = "k3y-Reliability-Secret-0042";
const PRIVATE_CREDENTIAL = "pr1vate-Provider-Credential-77";
/** base64url of the emulator's JWT header: every token it issues starts with it. */
const JWT_HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" })).toString("base64url");

async function issueToken(url: string): Promise<string> {
    const res = await fetch(`${url}/identity/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `grant_type=${encodeURIComponent("urn:ibm:params:oauth:grant-type:apikey")}&apikey=${APIKEY}`,
    });
    return ((await res.json()) as { access_token: string }).access_token;
}

function leaks(text: string, secrets: string[]): string[] {
    return secrets.filter((s) => text.includes(s));
}

describe("reliability: no credential leaks, whatever the auth type", function () {
    this.timeout(120_000);
    let secured: RunningEmulator;
    let open: RunningEmulator;
    let searched = 0;
    /** Auth types whose test reached its last assertion. */
    let authTypesChecked = 0;
    before(async () => {
        secured = await startEmulator({ port: 0, auth: "apikey", apikey: APIKEY, asyncDelayMs: 0 });
        open = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
    });
    after(async function () {
        await secured.stop();
        await open.stop();
        if (everyTestPassed(this)) recordFigures("secrets", { authTypes: authTypesChecked, bytesSearched: searched });
    });

    const authTypes: { name: string; emulator: () => RunningEmulator; config: (url: string, bearer: string) => { plain: Record<string, string>; secret: Record<string, string> } }[] = [
        { name: "IAM API key", emulator: () => secured, config: (url) => ({ plain: { "watson-assistant:iamUrl": url }, secret: { "watson-assistant:apikey": APIKEY } }) },
        { name: "basic", emulator: () => secured, config: () => ({ plain: { "watson-assistant:authType": "basic", "watson-assistant:username": "apikey" }, secret: { "watson-assistant:password": APIKEY } }) },
        { name: "bearer token", emulator: () => secured, config: (_url, bearer) => ({ plain: { "watson-assistant:authType": "bearertoken" }, secret: { "watson-assistant:bearerToken": bearer } }) },
        { name: "none", emulator: () => open, config: () => ({ plain: { "watson-assistant:authType": "noauth" }, secret: {} }) },
    ];

    for (const auth of authTypes) {
        it(`${auth.name}: state, __provider, outputs, debug logs and error messages hold no credential`, async () => {
            const emu = auth.emulator();
            await emu.reset();
            const bearer = await issueToken(secured.url);
            const secrets = [APIKEY, PRIVATE_CREDENTIAL, JWT_HEADER, bearer];
            const tap = pluginTap({ WATSON_ASSISTANT_DEBUG: "1" });
            const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-secrets-"));
            const events: string[] = [];
            const errors: string[] = [];
            let stage = 1;
            const { plain, secret } = auth.config(emu.url, bearer);
            const h = new Harness({
                projectDir: PROJECT_DIR, stack: "secrets", stateDir, env: tap.env,
                config: { "watson-assistant:url": emu.url, "watson-assistant:maxRetries": "1", ...plain },
                secretConfig: secret,
                onEvent: (e) => events.push(JSON.stringify(e)),
                program: () => {
                    const ws = new Workspace("ws", { name: "secrets", description: `stage ${stage}`, intents: [{ intent: "hello", examples: [{ text: "hi" }] }], waitForTraining: false });
                    const assistant = new Assistant("assistant", { name: "secrets" });
                    new ConversationalSkillProvider("skills", {
                        providerId: "secret-skills",
                        specification: { servers: [{ url: "https://skills.example.com" }] },
                        private: { authentication: { bearer: { token: { type: "value", value: PRIVATE_CREDENTIAL } } } },
                    });
                    // Stage 3 adds an intent in a workspace that does not exist: a provider error (404).
                    if (stage === 3) new Intent("orphan", { workspaceId: "no-such-workspace", intent: "lost" });
                    return { workspaceId: ws.workspaceId, assistantId: assistant.assistantId };
                },
            });
            try {
                await h.up();
                stage = 2;
                await h.up();
                stage = 3;
                const failed: any = await h.up().then(() => undefined, (e) => e);
                expect(failed, "the orphan intent fails").to.be.instanceOf(Error);
                errors.push(failed.message, failed.pluginStderr ?? "", failed.stack ?? "");
                stage = 2;
                const state = h.plainState();
                const rawState = fs.readFileSync(h.statePath, "utf8");
                const providers = state.resources.flatMap((r) => [String(r.outputs.__provider ?? ""), String(r.inputs.__provider ?? "")]);
                const outputs = state.resources.map((r) => JSON.stringify(r.outputs)).concat(JSON.stringify(state.outputs));
                await h.destroy();
                if (auth.name !== "none") {
                    // A wrong credential (401) through the engine: its message must not quote it either.
                    const wrong = new Harness({
                        projectDir: PROJECT_DIR, stack: "secrets-wrong", stateDir, env: tap.env,
                        config: { "watson-assistant:url": emu.url, ...plain },
                        secretConfig: Object.fromEntries(Object.keys(secret).map((k) => [k, `${APIKEY}-wrong`])),
                        program: () => {
                            new Workspace("ws", { name: "never" });
                        },
                    });
                    const refused: any = await wrong.up().then(() => undefined, (e) => e);
                    expect(refused?.message).to.match(/401/);
                    errors.push(refused.message, refused.pluginStderr ?? "");
                    await wrong.close();
                }
                const stderr = tap.stderr();
                expect(stderr, "debug logging was on").to.match(/-> (POST|GET) \/v[12]\//);
                const haystacks: Record<string, string> = {
                    "state file": rawState, "__provider": providers.join("\n"), outputs: outputs.join("\n"),
                    "plugin stderr": stderr, events: events.join("\n"), "error messages": errors.join("\n"),
                };
                for (const [where, text] of Object.entries(haystacks)) {
                    searched += text.length;
                    expect(leaks(text, secrets), `credentials found in ${where}`).to.deep.equal([]);
                    expect(text, `the wrong key in ${where}`).not.to.include(`${APIKEY}-wrong`);
                }
                expect(providers.map((p) => p.length).filter((n) => n === 0 || n > 4000), "__provider is the small require stub").to.deep.equal([]);
                authTypesChecked++;
            } finally {
                await h.close();
                tap.remove();
                fs.rmSync(stateDir, { recursive: true, force: true });
            }
        });
    }

    it("in-process: a 400 and a 401 with debug logging on, and their error messages, hold no credential", async () => {
        await secured.reset();
        const lines: string[] = [];
        const session = directSession({ url: secured.url, apikey: APIKEY, iamUrl: secured.url, maxRetries: "0" }, { debugLog: (l) => lines.push(l) });
        const bad: Error = await session.client.request({ method: "POST", api: "v1", path: "/v1/workspaces", body: { name: "two\nlines", password: APIKEY } }).then(() => undefined as any, (e) => e);
        expect(bad.message).to.match(/400/);
        const wrong = directSession({ url: secured.url, authType: "basic", username: "apikey", password: `${APIKEY}-wrong` }, { debugLog: (l) => lines.push(l) });
        const refused: Error = await wrong.client.request({ method: "GET", api: "v1", path: "/v1/workspaces" }).then(() => undefined as any, (e) => e);
        expect(refused.message).to.match(/401/);
        const text = [...lines, bad.message, refused.message, bad.stack ?? "", refused.stack ?? "", JSON.stringify(bad), JSON.stringify(refused)].join("\n");
        expect(lines.length).to.be.greaterThan(0);
        expect(leaks(text, [APIKEY, JWT_HEADER])).to.deep.equal([]);
    });
});
