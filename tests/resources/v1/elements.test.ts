import { expect } from "chai";
import { createChecked, startV1Fixture, updateChecked, type V1Fixture } from "./support";

/** One table row per element resource: its inputs before and after an edit, a rename, and its route. */
const CASES = [
    {
        type: "Intent", key: "intent", route: "intents/{intent}", path: "intents", query: "?export=true",
        inputs: { intent: "hello", examples: [{ text: "hi" }, { text: "hello there" }] },
        edited: { intent: "hello", description: "greeting", examples: [{ text: "hi" }] },
        renamed: "greeting",
        reordered: { intent: "hello", examples: [{ text: "hello there" }, { text: "hi" }] },
        tooling: { examples: [{ text: "added in tooling" }] },
        bad: { intent: "sys-x", examples: [{ text: "" }] },
        badPaths: ["intent", "examples[0].text"],
    },
    {
        type: "Entity", key: "entity", route: "entities/{entity}", path: "entities", query: "?export=true",
        inputs: { entity: "color", values: [{ value: "red", synonyms: ["crimson", "scarlet"] }, { value: "code", type: "patterns", patterns: ["#[0-9a-f]{6}"] }] },
        edited: { entity: "color", fuzzyMatch: true, values: [{ value: "red", synonyms: ["crimson"] }] },
        renamed: "colour",
        reordered: { entity: "color", values: [{ value: "code", type: "patterns", patterns: ["#[0-9a-f]{6}"] }, { value: "red", type: "synonyms", synonyms: ["scarlet", "crimson"] }] },
        tooling: { values: [{ value: "blue" }] },
        bad: { entity: "color", values: [{ value: "x", synonyms: ["y"], patterns: ["z"], type: "patterns" }, { value: "x" }] },
        badPaths: ["values[0].patterns", "values[1].value"],
    },
    {
        type: "DialogNode", key: "dialogNode", route: "dialog_nodes/{dialog_node}", path: "dialog_nodes", query: "",
        inputs: { dialogNode: "welcome", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }] } },
        edited: { dialogNode: "welcome", conditions: "#hello", title: "Welcome" },
        renamed: "start",
        reordered: { dialogNode: "welcome", type: "standard", conditions: "welcome", output: { generic: [{ response_type: "text", values: [{ text: "Hi" }] }] } },
        tooling: { conditions: "changed in tooling" },
        bad: { dialogNode: "x", type: "nope", nextStep: { behavior: "jump_to" } },
        badPaths: ["type", "nextStep.dialogNode"],
    },
];

describe("Intent, Entity and DialogNode resources (v1)", () => {
    let fx: V1Fixture;
    let workspaceId: string;
    before(async () => { fx = await startV1Fixture(); });
    after(async () => { await fx.emu.stop(); });
    beforeEach(async () => {
        await fx.emu.reset();
        workspaceId = (await fx.api("POST", "/v1/workspaces", { name: "ws", language: "en" })).workspace_id;
        fx.emu.resetStats();
    });

    for (const c of CASES) {
        const itemPath = (key: string) => `/v1/workspaces/${workspaceId}/${c.path}/${encodeURIComponent(key)}${c.query}`;
        const keyOf = (x: any) => x[c.key];

        describe(c.type, () => {
            it("creates the element with one call and reports no change on the same or reordered inputs", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                expect(fx.writes()).to.equal(1);
                expect(id).to.equal(`${workspaceId}/${keyOf(c.inputs)}`);
                const checked = await r.check({ workspaceId, ...c.reordered }, outs);
                expect((await r.diff(id, outs, checked.inputs)).changes).to.equal(false);
                const read = await r.read(id, outs);
                expect((await r.diff(id, read.props, checked.inputs)).changes).to.equal(false);
            });

            it("an update over an edit made in the service fails naming the element; overwriteLiveChanges overwrites it", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                await fx.api("POST", `/v1/workspaces/${workspaceId}/${c.path}/${encodeURIComponent(keyOf(c.inputs))}`, c.tooling);
                fx.emu.resetStats();
                const refused = await updateChecked(r, id, outs, { workspaceId, ...c.edited }).then(() => undefined, (err: Error) => err);
                expect(refused?.message).to.include(`"${keyOf(c.inputs)}" changed in the service since this stack's last deploy`).and.to.include("overwriteLiveChanges: true");
                expect(fx.writes(), "nothing overwritten").to.equal(0);
                await updateChecked(r, id, outs, { workspaceId, ...c.edited, overwriteLiveChanges: true });
                expect(fx.writes()).to.equal(1);
            });

            it("updates in place with exactly one call", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                fx.emu.resetStats();
                await updateChecked(r, id, outs, { workspaceId, ...c.edited });
                // One plain read first: an element changed in the service since the last deploy is never overwritten silently.
                expect(fx.byRoute()).to.deep.equal({ [`GET /v1/workspaces/{workspace_id}/${c.route}`]: 1, [`POST /v1/workspaces/{workspace_id}/${c.route}`]: 1 });
                const live = await fx.api("GET", itemPath(keyOf(c.inputs)));
                const read = await r.read(id, { ...outs, ...c.edited });
                const checked = await r.check({ workspaceId, ...c.edited }, read.props);
                expect((await r.diff(id, read.props, checked.inputs)).changes, JSON.stringify(live)).to.equal(false);
            });

            it("renames in place with one call", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                fx.emu.resetStats();
                const renamed = { workspaceId, ...c.inputs, [c.key]: c.renamed };
                expect((await r.diff(id, outs, (await r.check(renamed, outs)).inputs)).replaces).to.deep.equal([]);
                const after = await updateChecked(r, id, outs, renamed);
                expect(fx.writes()).to.equal(1);
                await fx.api("GET", itemPath(c.renamed));
                expect((await r.read(id, after)).props[c.key]).to.equal(c.renamed);
            });

            it("changing workspaceId replaces the element", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                const checked = await r.check({ ...c.inputs, workspaceId: "other" }, outs);
                expect((await r.diff(id, outs, checked.inputs)).replaces).to.deep.equal(["workspaceId"]);
            });

            it("deletes only that element, and reads as gone afterwards", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                await r.delete(id, outs);
                expect((await r.read(id, outs)).id).to.equal("");
                expect((await fx.api("GET", `/v1/workspaces/${workspaceId}`)).name).to.equal("ws");
            });

            it("refresh shows changes made in the tooling as drift", async () => {
                const r = fx.resource(c.type);
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                const path = `/v1/workspaces/${workspaceId}/${c.path}/${encodeURIComponent(keyOf(c.inputs))}`;
                await fx.api("POST", path, c.tooling);
                const read = await r.read(id, outs);
                const checked = await r.check({ workspaceId, ...c.inputs }, read.props);
                expect((await r.diff(id, read.props, checked.inputs)).changes).to.equal(true);
                await r.update(id, read.props, checked.inputs);
                const again = await r.read(id, read.props);
                expect((await r.diff(id, again.props, checked.inputs)).changes).to.equal(false);
            });

            it("fails on an existing element unless adopt is true, then takes it over", async () => {
                const r = fx.resource(c.type);
                await fx.api("POST", `/v1/workspaces/${workspaceId}/${c.path}`, { [c.key === "dialogNode" ? "dialog_node" : c.key]: keyOf(c.inputs) });
                let failure: Error | undefined;
                try {
                    await createChecked(r, { workspaceId, ...c.inputs });
                } catch (err) {
                    failure = err as Error;
                }
                expect(failure?.message).to.match(/already exists.*adopt: true/);
                const { id, outs } = await createChecked(r, { workspaceId, adopt: true, ...c.inputs });
                const read = await r.read(id, outs);
                const checked = await r.check({ workspaceId, adopt: true, ...c.inputs }, read.props);
                expect((await r.diff(id, read.props, checked.inputs)).changes).to.equal(false);
            });

            it("takes over, without adopt, an identical element that an interrupted run created before saving state", async () => {
                const r = fx.resource(c.type);
                await createChecked(r, { workspaceId, ...c.inputs });
                // The state of that create was lost: the next up creates the same element again.
                const { id, outs } = await createChecked(r, { workspaceId, ...c.inputs });
                const read = await r.read(id, outs);
                const checked = await r.check({ workspaceId, ...c.inputs }, read.props);
                expect((await r.diff(id, read.props, checked.inputs)).changes).to.equal(false);
            });

            it("rejects bad input in check with property paths and no API call", async () => {
                const r = fx.resource(c.type);
                fx.emu.resetStats();
                const { failures } = await r.check({ workspaceId, ...c.bad });
                expect(failures!.map((f) => f.property)).to.include.members(c.badPaths);
                expect(fx.emu.stats().total).to.equal(0);
            });
        });
    }

    it("separate Intent resources and a Workspace that does not declare intents do not clobber each other", async () => {
        const ws = fx.resource("Workspace");
        const { id, outs } = await createChecked(ws, { name: "mixed", entities: [{ entity: "color", values: [{ value: "red" }] }] });
        const intent = fx.resource("Intent");
        await createChecked(intent, { workspaceId: id, intent: "hello", examples: [{ text: "hi" }] });
        await updateChecked(ws, id, outs, { name: "mixed 2", entities: [{ entity: "color", values: [{ value: "blue" }] }] });
        const live = await fx.api("GET", `/v1/workspaces/${id}?export=true`);
        expect(live.intents.map((i: any) => i.intent)).to.deep.equal(["hello"]);
        expect(live.entities[0].values.map((v: any) => v.value)).to.deep.equal(["blue"]);
        const read = await ws.read(id, { ...outs, name: "mixed 2", entities: [{ entity: "color", values: [{ value: "blue" }] }] });
        expect(read.props.intents).to.equal(undefined);
    });
});
