import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EmulatorClient } from "../../../drivers/emulator-client";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { directResource } from "../../support/direct";
import { startV2Fixture, type V2Fixture } from "./support";
import { deployedAssistant } from "./conversation-support";

const TARGET_KEY = "target-instance-key";
const ASYNC_DELAY_MS = 20;

describe("ReleasePromotion across two service instances", function () {
    this.timeout(60_000);
    let source: V2Fixture;
    let target: RunningEmulator;
    const logs: string[] = [];
    /** The source instance's clock: real time (the provider's waits use it), plus what a test skips ahead. */
    let skippedMs = 0;
    const targetConfig = () => ({ url: target.url, authType: "iam", apikey: TARGET_KEY, iamUrl: target.url });
    before(async () => {
        source = await startV2Fixture({ asyncDelayMs: ASYNC_DELAY_MS, now: () => Date.now() + skippedMs });
        target = await startEmulator({ port: 0, auth: "apikey", apikey: TARGET_KEY, asyncDelayMs: ASYNC_DELAY_MS });
    });
    after(async () => {
        await source.emu.stop();
        await target.stop();
    });

    async function targetAssistant(): Promise<string> {
        const assistant = directResource("Assistant", targetConfig());
        const { inputs } = await assistant.check({ name: "prod copy" });
        return (await assistant.create(inputs)).outs.assistantId;
    }
    const targetApi = () => new EmulatorClient(target.url, { apikey: TARGET_KEY });
    const liveAnswer = async (assistantId: string, text: string) => {
        const live = ((await targetApi().get(`/v2/assistants/${assistantId}/environments`)).environments as any[]).find((e) => e.environment === "live");
        const reply = await targetApi().call("POST", `/v2/assistants/${live.environment_id}/message`, { body: { input: { text } } });
        return { release: live.release_reference?.release, text: reply.body.output.generic[0]?.text };
    };
    /** What a CI job keeps as an artifact: the release export downloaded as a zip. */
    async function downloadArchive(assistantId: string, release: string): Promise<Buffer> {
        const exportUrl = `${source.emu.url}/v2/assistants/${assistantId}/releases/${release}/export?version=2024-08-25`;
        expect((await fetch(exportUrl, { method: "POST" })).status).to.equal(200);
        // The export takes the async delay: skip the source's clock past it instead of waiting.
        skippedMs += ASYNC_DELAY_MS;
        const res = await fetch(exportUrl, { headers: { Accept: "application/zip" } });
        expect(res.headers.get("content-type")).to.equal("application/zip");
        return Buffer.from(await res.arrayBuffer());
    }
    // The source is the stack's own instance; the target's connection is only in the resource's inputs.
    const promotion = () => directResource("ReleasePromotion", { url: source.emu.url, authType: "noauth" }, {}, (line) => logs.push(line));

    it("exports a release from one instance, imports it into an assistant of another (API key from the input), cuts a release there and deploys it", async () => {
        const deployed = await deployedAssistant(source, "We are open 7 to 7.");
        const targetId = await targetAssistant();
        const resource = promotion();
        const { inputs } = await resource.check({
            sourceAssistantId: deployed.assistantId, sourceRelease: deployed.release, targetAssistantId: targetId,
            targetUrl: target.url, targetIamUrl: target.url, targetApikey: TARGET_KEY,
        });
        const { outs } = await resource.create(inputs);
        expect(outs).to.include({ targetRelease: "1" });
        expect(outs).to.not.have.property("targetApikey");
        expect(outs.targetApikeyHash).to.match(/^[0-9a-f]{64}$/);
        expect(await liveAnswer(targetId, "when are you open")).to.deep.equal({ release: "1", text: "We are open 7 to 7." });
        expect(source.emu.stats().byRoute).to.include.keys("POST /v2/assistants/{assistant_id}/releases/{release}/export");
        expect(target.stats().byRoute["POST /v2/assistants/{assistant_id}/import"]).to.equal(1);
        expect(logs.join("\n")).to.include(`promoted release 1 of assistant ${deployed.assistantId} to release 1 of assistant ${targetId}, deployed to live`);
        expect(logs.join("\n")).to.not.include(TARGET_KEY);
    });

    it("imports a release archive kept as a file; a new archive promotes again, the same one does nothing", async () => {
        const deployed = await deployedAssistant(source, "Open all day.");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promotion-"));
        const archiveFile = path.join(dir, "release.zip");
        fs.writeFileSync(archiveFile, await downloadArchive(deployed.assistantId, deployed.release));

        const targetId = await targetAssistant();
        const resource = promotion();
        const args = { archiveFile, targetAssistantId: targetId, targetUrl: target.url, targetIamUrl: target.url, targetApikey: TARGET_KEY };
        const { inputs } = await resource.check(args);
        const created = await resource.create(inputs);
        expect(await liveAnswer(targetId, "when are you open")).to.deep.equal({ release: "1", text: "Open all day." });

        const same = await resource.check(args, created.outs);
        expect((await resource.diff(created.id, created.outs, same.inputs)).changes).to.equal(false);
        const newer = await deployedAssistant(source, "Open at night.");
        fs.writeFileSync(archiveFile, await downloadArchive(newer.assistantId, newer.release));
        const changed = await resource.check(args, created.outs);
        expect((await resource.diff(created.id, created.outs, changed.inputs)).changes).to.equal(true);
        const updated = await resource.update(created.id, created.outs, changed.inputs);
        expect(updated.outs.targetRelease).to.equal("2");
        expect(await liveAnswer(targetId, "when are you open")).to.deep.equal({ release: "2", text: "Open at night." });
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("a wrong target API key fails with the target's 401, and check requires a source or an archive", async () => {
        const deployed = await deployedAssistant(source);
        const resource = promotion();
        const { inputs } = await resource.check({
            sourceAssistantId: deployed.assistantId, sourceRelease: deployed.release, targetAssistantId: "x", targetUrl: target.url, targetIamUrl: target.url, targetApikey: "wrong",
        });
        const error = await resource.create(inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/401/);
        expect(error?.message).to.not.include("wrong");
        expect((await resource.check({ targetAssistantId: "x" })).failures).to.deep.equal([
            { property: "archiveFile", reason: "give either sourceAssistantId and sourceRelease, or archiveFile" },
        ]);
    });
});
