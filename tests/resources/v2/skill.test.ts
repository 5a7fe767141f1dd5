import { expect } from "chai";
import { directResource } from "../../support/direct";
import { startV2Fixture, type V2Fixture } from "./support";

const ACTIONS_V1 = { actions: [{ action: "welcome", title: "Welcome", steps: [] }] };
const ACTIONS_V2 = { actions: [{ action: "welcome", title: "Hello there", steps: [] }] };

describe("v2 Skill resource", () => {
    let fx: V2Fixture;
    before(async () => (fx = await startV2Fixture({ asyncDelayMs: 30 })));
    after(async () => fx.emu.stop());
    beforeEach(async () => fx.emu.reset());

    const skillOf = async (assistantId: string, skillId: string) => fx.api(`/v2/assistants/${assistantId}/skills/${skillId}`);

    async function adopt(args: Record<string, unknown>) {
        const created = await fx.create("Skill", args);
        return { skill: created.resource, ...created };
    }

    it("adopts the action skill, sets its name and content, and waits until it is Available", async () => {
        const a = await fx.newAssistant();
        const { id, outs } = await adopt({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Actions", workspace: ACTIONS_V1 });
        expect(id).to.equal(`${a.assistantId}/${a.actionSkillId}`);
        expect(outs).to.include({ skillType: "action", status: "Available", name: "Actions" });
        expect(await skillOf(a.assistantId, a.actionSkillId)).to.include({ name: "Actions", status: "Available" });
    });

    it("a release cut after the update holds the new content", async () => {
        const a = await fx.newAssistant();
        await adopt({ assistantId: a.assistantId, skillId: a.actionSkillId, workspace: ACTIONS_V1 });
        const { outs } = await fx.create("Release", { assistantId: a.assistantId });
        expect(outs.content.skills.find((s: any) => s.type === "action")).to.include({ skillId: a.actionSkillId, snapshot: "1" });
    });

    it("reports no change when nothing differs, updates content in place with one call otherwise", async () => {
        const a = await fx.newAssistant();
        const args = { assistantId: a.assistantId, skillId: a.actionSkillId, description: "d1", workspace: ACTIONS_V1 };
        const { skill, id, outs } = await adopt(args);
        const same = await skill.check({ ...args, waitTimeoutSeconds: 99 }, outs);
        expect((await skill.diff(id, outs, same.inputs)).changes).to.equal(false);
        const next = await skill.check({ ...args, workspace: ACTIONS_V2 }, outs);
        expect(await skill.diff(id, outs, next.inputs)).to.deep.include({ changes: true, replaces: [] });
        fx.emu.resetStats();
        const updated = (await skill.update(id, outs, next.inputs)).outs;
        expect(fx.emu.stats().byRoute["POST /v2/assistants/{assistant_id}/skills/{skill_id}"]).to.equal(1);
        expect(updated).to.deep.include({ status: "Available", workspace: ACTIONS_V2 });
    });

    it("adopting another skill replaces the resource", async () => {
        const a = await fx.newAssistant();
        const { skill, id, outs } = await adopt({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "A" });
        const next = await skill.check({ assistantId: a.assistantId, skillId: a.dialogSkillId, name: "A" }, outs);
        expect((await skill.diff(id, outs, next.inputs)).replaces).to.deep.equal(["skillId"]);
    });

    it("a failed update is reported with the service's status errors", async () => {
        const a = await fx.newAssistant();
        await fx.admin("/emulator/next-failure", { kind: "skill", description: "TrainingError", errors: ["Action welcome has no steps"] });
        const skill = fx.resource("Skill");
        const { inputs } = await skill.check({ assistantId: a.assistantId, skillId: a.actionSkillId, workspace: ACTIONS_V1 });
        const error = await skill.create(inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/ended with status "Failed": TrainingError: Action welcome has no steps/);
    });

    it("an update still Processing at the wait timeout fails with the last status", async () => {
        await fx.admin("/emulator/async-delay", { ms: 500 });
        try {
            const a = await fx.newAssistant();
            const skill = fx.resource("Skill");
            const { inputs } = await skill.check({ assistantId: a.assistantId, skillId: a.actionSkillId, workspace: ACTIONS_V1, waitTimeoutSeconds: 0.1 });
            const error = await skill.create(inputs).then(() => undefined, (e: Error) => e);
            expect(error?.message).to.match(/Timed out .* skill .*"Processing"/);
        } finally {
            await fx.admin("/emulator/async-delay", { ms: 30 });
        }
    });

    it("refresh reports a name changed in the tooling as drift, and only what is declared", async () => {
        const a = await fx.newAssistant();
        const { skill, id, outs } = await adopt({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Actions", workspace: ACTIONS_V1 });
        await fx.post(`/v2/assistants/${a.assistantId}/skills/${a.actionSkillId}`, { name: "Renamed", description: "by hand" });
        const read = await skill.read(id, outs);
        expect(read.inputs).to.deep.equal({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Renamed", workspace: ACTIONS_V1 });
        const declared = await skill.check({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Actions", workspace: ACTIONS_V1 }, read.props);
        expect((await skill.diff(id, read.props, declared.inputs)).changes).to.equal(true);
    });

    it("delete stops managing the skill without touching it", async () => {
        const a = await fx.newAssistant();
        const { skill, id, outs } = await adopt({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Actions" });
        fx.emu.resetStats();
        await skill.delete(id, outs);
        expect(fx.calls()).to.equal(0);
        expect(await skillOf(a.assistantId, a.actionSkillId)).to.include({ name: "Actions" });
    });

    it("destroying an assistant and its skills logs what happens, without contradiction: a skill stays until its assistant goes", async () => {
        const a = await fx.newAssistant("Destroyed");
        const logs: string[] = [];
        const config = { url: fx.emu.url, authType: "noauth" };
        const skill = directResource("Skill", config, {}, (line) => logs.push(line));
        const { inputs } = await skill.check({ assistantId: a.assistantId, skillId: a.actionSkillId, name: "Actions" });
        const created = await skill.create(inputs);
        logs.length = 0;
        await skill.delete(created.id, created.outs);
        await directResource("Assistant", config, {}, (line) => logs.push(line)).delete(a.assistantId, a);
        expect(logs).to.deep.equal([
            `skill ${created.id} is no longer managed; a skill cannot be deleted on its own: it keeps its current content until its assistant is deleted`,
            `deleting assistant "Destroyed" (${a.assistantId}) with its skills, environments and releases`,
        ]);
    });

    it("adopting a skill the assistant does not have fails clearly", async () => {
        const a = await fx.newAssistant();
        const skill = fx.resource("Skill");
        const { inputs } = await skill.check({ assistantId: a.assistantId, skillId: "no-such-skill" });
        const error = await skill.create(inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(/404 .*no-such-skill/);
    });

    it("rejects bad input at check without calling the API", async () => {
        fx.emu.resetStats();
        const skill = fx.resource("Skill");
        const bad = await skill.check({ assistantId: "a", name: "two\nlines", description: "", workspace: [1] });
        expect(bad.failures!.map((f) => f.property).sort()).to.deep.equal(["description", "name", "skillId", "workspace"]);
        expect(fx.calls()).to.equal(0);
    });
});
