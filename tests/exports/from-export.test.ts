/** fromWorkspaceExport / fromSkillExport / splitSkillsExport on every historical shape, and wrong files. */
import { expect } from "chai";
import { fromSkillExport, splitSkillsExport } from "../../resources/skill/from-export";
import { fromWorkspaceExport } from "../../resources/workspace/from-export";
import { exportKind } from "../../resources/exports/kind";
import { directResource } from "../support/direct";
import { FIXTURES, readFixture } from "./support";

const workspaceCheck = (inputs: object, config: Record<string, string> = {}) =>
    directResource("Workspace", { url: "http://127.0.0.1:9", ...config }).check(inputs as Record<string, unknown>);

describe("exported skills: reading every historical shape", () => {
    const conversation2017 = readFixture("conversation-2017-02-03.json");

    for (const fixture of FIXTURES.filter((f) => f.kind === "workspace")) {
        it(`${fixture.file} (${fixture.exportedAt}) passes check as it is`, async () => {
            const { failures } = await workspaceCheck(fromWorkspaceExport(readFixture(fixture.file)));
            expect(failures ?? []).to.deep.equal([]);
        });
    }

    it("a null optional field is absent, a null inside free-form content is kept", () => {
        const args: any = fromWorkspaceExport(conversation2017);
        expect(args).not.to.have.property("metadata");
        expect(args.intents[0]).to.deep.equal({ intent: "opening_hours", examples: [{ text: "when are you open" }, { text: "what time do you close today" }, { text: "are you open on sunday" }] });
        const plant = args.entities.find((e: any) => e.entity === "plant");
        expect(plant.values[0]).to.deep.equal({ value: "fern", synonyms: ["ferns", "bracken"] });
        expect(plant.values[1].metadata).to.deep.equal({ family: "nightshade", edible: true, note: null });
        const welcome = args.dialogNodes.find((n: any) => n.dialogNode === "welcome");
        expect(welcome).to.deep.equal({ dialogNode: "welcome", conditions: "conversation_start", output: { text: "Hello! Ask me about our opening hours or your plants." }, context: { visits: 0, last_plant: null } });
    });

    it("an action's null fields are absent, nulls in its parameters are kept", () => {
        const exported = { name: "w", dialog_nodes: [{ dialog_node: "n", actions: [{ name: "a", type: null, result_variable: "r", credentials: null, parameters: { verbose: null } }] }] };
        expect((fromWorkspaceExport(exported).dialogNodes as any[])[0].actions).to.deep.equal([{ name: "a", result_variable: "r", parameters: { verbose: null } }]);
        const args: any = fromWorkspaceExport(readFixture("assistant-2018-09-20.json"));
        expect(args.dialogNodes.find((n: any) => n.dialogNode === "status").actions[0].parameters).to.deep.equal({ job: "@job_number", verbose: null });
    });

    it("2017-02-03 go_to becomes next_step jump_to with its selector; return (reserved, no effect) is dropped", () => {
        const nodes: any[] = fromWorkspaceExport(conversation2017).dialogNodes as any[];
        expect(nodes.find((n) => n.dialogNode === "care_other").nextStep).to.deep.equal({ behavior: "jump_to", dialogNode: "goodbye", selector: "body" });
        expect(nodes.find((n) => n.dialogNode === "anything_else").nextStep).to.deep.equal({ behavior: "jump_to", dialogNode: "welcome", selector: "condition" });
        for (const node of nodes) expect(node).not.to.have.property("goTo");
    });

    it("2017-02-03 entity fields without a successor (type, source, open_list) are dropped; a system entity stays enabled by name", () => {
        const entities: any[] = fromWorkspaceExport(conversation2017).entities as any[];
        expect(entities.map((e) => Object.keys(e).sort())).to.deep.equal([["entity", "values"], ["entity", "values"]]);
        expect(entities[1]).to.deep.equal({ entity: "sys-date", values: [] });
    });

    it("a go_to that cannot map is reported by node and field", () => {
        const bad = (goTo: unknown, extra: object = {}) => ({ name: "w", dialog_nodes: [{ dialog_node: "a" }, { dialog_node: "b", go_to: goTo, ...extra }] });
        expect(() => fromWorkspaceExport(bad({ selector: "body" }))).to.throw(/dialog_nodes\[1\]\.go_to\.dialog_node: is required/);
        expect(() => fromWorkspaceExport(bad({ dialog_node: "a" }, { next_step: { behavior: "skip_user_input" } }))).to.throw(/dialog_nodes\[1\]: has both go_to \(2017-02-03\) and next_step/);
        expect(() => fromWorkspaceExport(bad("a"))).to.throw(/dialog_nodes\[1\]\.go_to: must be an object/);
    });

    it("a field the current API does not know is reported by check with its path", async () => {
        const { failures } = await workspaceCheck(fromWorkspaceExport({ name: "w", dialog_nodes: [{ dialog_node: "a", goto_node: "b" }] }));
        expect(failures).to.deep.include({ property: "dialogNodes[0].gotoNode", reason: "is not a known property" });
    });

    it("an actions skill download becomes Skill inputs: name, description and the content untouched", () => {
        const download = readFixture("actions-skill-download.json");
        const args = fromSkillExport(JSON.stringify(download), { assistantId: "a-1", skillId: "s-1" });
        expect(args).to.deep.equal({ assistantId: "a-1", skillId: "s-1", name: "Order desk", description: "Order status and returns for the web shop", workspace: download.workspace });
        expect((args.workspace as any).variables[0].initial_value).to.equal(null);
    });

    it("a whole-assistant skills export splits into its action and dialog skills", () => {
        const exported = readFixture("skills-export.json");
        const split = splitSkillsExport(exported);
        expect(split.action).to.deep.equal(exported.assistant_skills[0]);
        expect(split.dialog).to.deep.equal(exported.assistant_skills[1]);
        expect(split.assistantState).to.deep.equal({ action_disabled: false, dialog_disabled: false });
        expect(fromSkillExport(split.action!, { assistantId: "a", skillId: "s" }).name).to.equal("Pizza shop");
        expect(fromWorkspaceExport(split.dialog!.workspace!).dialogNodes).to.have.length(2);
    });

    it("exportKind() tells the kinds apart from the JSON text as well as from the parsed object, as the export functions take both", () => {
        const envelope = readFixture("skills-export.json");
        for (const [value, kind] of [[envelope, "skills-export"], [readFixture("actions-skill-download.json"), "action-skill"], [envelope.assistant_skills[1], "dialog-skill"], [conversation2017, "workspace"]] as const) {
            expect(exportKind(value)).to.equal(kind);
            expect(exportKind(JSON.stringify(value, null, 2))).to.equal(kind);
        }
        expect(exportKind("{ not json")).to.equal("unknown");
        expect(exportKind("[1, 2]")).to.equal("unknown");
    });

    it("the wrong kind of file fails saying what the file is and which function takes it", () => {
        const download = readFixture("actions-skill-download.json");
        const envelope = readFixture("skills-export.json");
        expect(() => fromWorkspaceExport(download)).to.throw("fromWorkspaceExport: this file is an actions skill JSON (type \"action\", content in workspace); use fromSkillExport() (a Skill)");
        expect(() => fromWorkspaceExport(envelope)).to.throw(/^fromWorkspaceExport: this file is a whole-assistant skills export .*; use splitSkillsExport\(\), then fromSkillExport\(\) for each skill$/);
        expect(() => fromWorkspaceExport(envelope.assistant_skills[1])).to.throw(/v2 dialog skill JSON.*fromWorkspaceExport\(\) with its workspace property/);
        expect(() => fromSkillExport(conversation2017, { assistantId: "a", skillId: "s" })).to.throw(/^fromSkillExport: this file is a dialog skill \(v1 workspace\) JSON; use fromWorkspaceExport\(\)/);
        expect(() => fromSkillExport(envelope, { assistantId: "a", skillId: "s" })).to.throw(/^fromSkillExport: this file is a whole-assistant skills export.*use splitSkillsExport\(\)/);
        expect(() => splitSkillsExport(download)).to.throw(/^splitSkillsExport: this file is an actions skill JSON.*use fromSkillExport\(\)/);
        expect(() => fromWorkspaceExport("[1, 2]")).to.throw(/^fromWorkspaceExport: this file is not a skill JSON that this package knows/);
        expect(() => fromWorkspaceExport("{ not json")).to.throw(/^fromWorkspaceExport: the file is not valid JSON/);
    });
});
