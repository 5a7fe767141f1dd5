/**
 * Intent resources through the native front door keep their examples once: the inputs hold them,
 * the outputs hold `examplesDigests` (spec `nestedDigests`). In-process against the emulator:
 * what is stored, what a diff says, what an update sends, and what a live change is.
 */
import { expect } from "chai";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { EmulatorClient } from "../../drivers/emulator-client";
import { nativeProvider } from "../../plugin/native";

describe("native Intent resources: outputs keep example digests, not a second copy", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let client: EmulatorClient;
    let workspaceId: string;
    const provider = nativeProvider();
    const target = { type: "Intent", urn: "urn:pulumi:dev::shop::watson-assistant:index:Intent::refund" };

    before(async () => {
        emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0 });
        provider.configure({ url: emu.url });
        client = new EmulatorClient(emu.url);
        workspaceId = (await client.post("/v1/workspaces", { name: "Support" })).workspace_id;
    });
    after(async () => emu?.stop());

    const declared = () => ({ workspaceId, intent: "refund", description: "Money back", examples: [{ text: "money back" }, { text: "refund please" }] });
    const liveExamples = async () => (await client.get(`/v1/workspaces/${workspaceId}/intents/refund?export=true`)).examples?.map((e: { text: string }) => e.text).sort();

    async function deployed(inputs: Record<string, unknown>) {
        const checked = provider.check(target, {}, inputs).inputs;
        const created = await provider.create(target, checked);
        return { checked, id: created.id, outs: created.outs };
    }

    it("a create stores the examples' digests in the outputs and the examples in the inputs only", async () => {
        const { checked, outs } = await deployed(declared());
        expect(checked.examples).to.deep.equal(declared().examples);
        expect(outs).to.not.have.property("examples");
        expect(outs.examplesDigests).to.be.a("string").and.include("money back");
        expect(outs).to.include({ intent: "refund", description: "Money back", workspaceId });
        expect(await liveExamples()).to.deep.equal(["money back", "refund please"]);
    });

    it("the same declaration is no change; a new example is a change named by its path in the last inputs", async () => {
        await client.delete(`/v1/workspaces/${workspaceId}/intents/refund`);
        const { checked, id, outs } = await deployed(declared());
        expect(provider.diff(target, id, outs, provider.check(target, checked, declared()).inputs, () => checked).changes).to.equal(false);
        const edited = { ...declared(), examples: [...declared().examples, { text: "give it back" }] };
        const diff = provider.diff(target, id, outs, provider.check(target, checked, edited).inputs, () => checked);
        expect(diff.changes).to.equal(true);
        expect(Object.keys(diff.detailedDiff).every((path) => path.startsWith("examples"))).to.equal(true);
    });

    it("an update that no longer declares examples clears them in the service", async () => {
        await client.delete(`/v1/workspaces/${workspaceId}/intents/refund`);
        const { checked, id, outs } = await deployed(declared());
        const { examples: _dropped, ...withoutExamples } = declared();
        const news = provider.check(target, checked, withoutExamples).inputs;
        const updated = await provider.update(target, id, outs, news);
        expect(await liveExamples() ?? []).to.deep.equal([]);
        expect(updated).to.not.have.property("examplesDigests");
    });

    it("an example added in the service since the deploy is a live change the update refuses; an unchanged intent is not", async () => {
        await client.delete(`/v1/workspaces/${workspaceId}/intents/refund`);
        const { checked, id, outs } = await deployed(declared());
        const news = provider.check(target, checked, { ...declared(), description: "Refunds" }).inputs;
        const first = await provider.update(target, id, outs, news);
        expect(first).to.include({ description: "Refunds" });
        await client.post(`/v1/workspaces/${workspaceId}/intents/refund/examples`, { text: "added in the tooling" });
        const again = provider.check(target, news, { ...declared(), description: "Refunds again" }).inputs;
        let failure: unknown;
        await provider.update(target, id, first, again).catch((err) => (failure = err));
        expect(String(failure)).to.include('intent "refund"');
    });

    it("a refresh returns outputs with digests and inputs with the live examples", async () => {
        await client.delete(`/v1/workspaces/${workspaceId}/intents/refund`);
        const { id, outs } = await deployed(declared());
        const read = await provider.read(target, id, outs);
        expect(read.props).to.not.have.property("examples");
        expect(read.props?.examplesDigests).to.equal(outs.examplesDigests);
        expect(read.inputs?.examples?.map((e: { text: string }) => e.text).sort()).to.deep.equal(["money back", "refund please"]);
    });
});
