import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { fromWorkspaceExport } from "../../../resources/workspace/from-export";
import { canonicalCollection, ELEMENT_KINDS } from "../../../resources/v1-elements/kinds";
import { createChecked, startV1Fixture, type V1Fixture } from "./support";

const FIXTURE = path.join(__dirname, "../../fixtures/full-featured-workspace.json");
const READ_ONLY = ["workspace_id", "status", "created", "updated"];

/** An export without read-only fields, with element audit fields dropped and collections in canonical order. */
function comparable(exported: any): any {
    const args: any = fromWorkspaceExport(exported);
    for (const kind of ELEMENT_KINDS) args[kind.collection] = canonicalCollection(kind, args[kind.collection]);
    return args;
}

describe("fromWorkspaceExport", () => {
    let fx: V1Fixture;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });

    it("turns an export into camelCase Workspace inputs, free-form parts untouched, read-only fields dropped", () => {
        const args: any = fromWorkspaceExport(fs.readFileSync(FIXTURE, "utf8"));
        for (const field of READ_ONLY) expect(args).not.to.have.property(field);
        expect(args.learningOptOut).to.equal(true);
        expect(args.systemSettings.disambiguation.noneOfTheAbovePrompt).to.equal("None of the above");
        expect(args.metadata.api_version.major_version).to.equal("v1");
        const booking = args.dialogNodes.find((n: any) => n.dialogNode === "booking");
        expect(booking.digressOutSlots).to.equal("allow_returning");
        expect(booking.nextStep).to.deep.equal({ behavior: "jump_to", dialogNode: "anything_else", selector: "body" });
        const order = args.dialogNodes.find((n: any) => n.dialogNode === "order_status");
        expect(order.actions[0].result_variable).to.equal("order");
        expect(order.output.generic[0].selection_policy).to.equal("sequential");
        expect(args.intents[0].examples[1]).to.deep.equal({ text: "reserve a table" });
    });

    it("deploying an export and reading it back gives the same content, field for field", async () => {
        const exported = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
        const ws = fx.resource("Workspace");
        const checked = await ws.check(fromWorkspaceExport(exported));
        expect(checked.failures ?? []).to.deep.equal([]);
        const { id, outs } = await ws.create(checked.inputs);
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(comparable(live)).to.deep.equal(comparable(exported));
        const read = await ws.read(id, outs);
        expect((await ws.diff(id, read.props, checked.inputs)).changes).to.equal(false);
    });
});
