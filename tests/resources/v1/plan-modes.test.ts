import { expect } from "chai";
import { digestMap } from "../../../provider/element-digests";
import { type Budgets, documentedBudgets, estimate, windowWait } from "../../../resources/workspace/cost";
import { describePlan, planWorkspace } from "../../../resources/workspace/plan-modes";
import { dialogNodeKind, type ElementKind, entityKind, identityOf, intentKind } from "../../../resources/v1-elements/kinds";
import { MAX_SYNC_WORKSPACE_BYTES } from "../../../resources/v1-elements/service-limits";

const stored = (kind: ElementKind, elements: any[]) => digestMap(identityOf(kind), elements);
const intents = (n: number, examples = 20) => Array.from({ length: n }, (_, i) => ({
    intent: `intent_${i}`, examples: Array.from({ length: examples }, (_, j) => ({ text: `how do I do thing ${i} in way ${j}, please` })),
}));
/** Root nodes of about `bytes` each, in one sibling chain after `after`. */
const nodes = (n: number, prefix: string, bytes = 2000, after?: string) => Array.from({ length: n }, (_, i) => ({
    dialogNode: `${prefix}_${i}`,
    conditions: `#${prefix}_${i}`,
    output: { generic: [{ response_type: "text", values: [{ text: "x".repeat(bytes - 120) }] }] },
    ...(i > 0 ? { previousSibling: `${prefix}_${i - 1}` } : after ? { previousSibling: after } : {}),
}));
/** Documented limits, except what `left` says is left of some buckets. */
const withLeft = (left: Record<string, number>): Budgets => (bucket) => (bucket in left ? { remaining: left[bucket], resetInSeconds: 1200 } : documentedBudgets(bucket));
const shape = (plan: ReturnType<typeof planWorkspace>) => ({
    workspaceCalls: plan.workspaceCalls.map((c) => `${c.append ? "append" : "replace"} ${Object.entries(c.collections).map(([k, v]) => `${k}:${v!.length}`).join(",")}`),
    ops: plan.ops.length,
});

describe("workspace planner: cost model and plan choices", () => {
    it("keeps a one-example edit in a large workspace one element call", () => {
        const current = intents(1000);
        const desired = current.map((i) => (i.intent === "intent_7" ? { ...i, examples: [...i.examples, { text: "one more way" }] } : i));
        const plan = planWorkspace({ intents: stored(intentKind, current) }, { intents: desired }, { scalarsChanged: false });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: [], ops: 1 });
        expect(plan.choices.map((c) => c.text)).to.deep.equal(["1 intent changed in 1 element call"]);
    });

    it("adds 600 dialog nodes of 3 KB (1.8 MB) in one append update, asynchronous over the synchronous limit", () => {
        const current = nodes(50, "kept");
        const desired = [...current, ...nodes(600, "added", 3000, "kept_49")];
        const plan = planWorkspace({ dialogNodes: stored(dialogNodeKind, current) }, { dialogNodes: desired }, { scalarsChanged: false });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: ["append dialogNodes:600"], ops: 0 });
        expect(plan.workspaceCalls[0].bytes).to.be.greaterThan(MAX_SYNC_WORKSPACE_BYTES);
        expect(plan.choices[0].text).to.equal("600 dialog nodes added in 1 call (append, asynchronous)");
        expect(describePlan(plan, [])).to.match(/element calls alone ~\d[\d,]* s \(past the dialogNodeWrites rate limit\)/);
    });

    it("never appends dialog nodes that would take an existing node's place", () => {
        const current = nodes(3, "kept");
        // The new node goes between kept_0 and kept_1: kept_1's place is taken, so element calls place it.
        const desired = [current[0], { dialogNode: "new", previousSibling: "kept_0" }, { ...current[1], previousSibling: "new" }, current[2]];
        const plan = planWorkspace({ dialogNodes: stored(dialogNodeKind, current) }, { dialogNodes: desired }, { scalarsChanged: false });
        expect(plan.workspaceCalls.filter((c) => c.append)).to.deep.equal([]);
    });

    it("appends added intents and deletes removed ones with element calls, never replacing what it keeps", () => {
        const current = intents(1000);
        const added = intents(1300, 2).slice(1000);
        const desired = [...current.slice(1), ...added];
        const plan = planWorkspace({ intents: stored(intentKind, current) }, { intents: desired }, { scalarsChanged: false });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: ["append intents:300"], ops: 1 });
        expect(plan.ops[0]).to.include({ op: "delete", key: "intent_0" });
        expect(plan.choices[0].text).to.equal("300 intents added in 1 call (append); 1 element call for the rest");
    });

    it("replaces a collection whose 300 changes would cost more element calls than one body", () => {
        const current = intents(1000, 10);
        const desired = current.map((i, n) => (n < 300 ? { ...i, description: "changed" } : i));
        const plan = planWorkspace({ intents: stored(intentKind, current) }, { intents: desired }, { scalarsChanged: false });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: ["replace intents:1000"], ops: 0 });
        expect(plan.choices[0].text).to.match(/^300 intents changed in 1 call \(the whole collection replaced, [\d.]+ MB, instead of 300 element calls\)$/);
    });

    it("does not start a replace when the workspace-write window is spent and element calls fit theirs", () => {
        const current = intents(1000, 10);
        const desired = current.map((i, n) => (n < 300 ? { ...i, description: "changed" } : i));
        const plan = planWorkspace({ intents: stored(intentKind, current) }, { intents: desired }, { scalarsChanged: false, budgets: withLeft({ workspaceWrites: 0 }) });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: [], ops: 300 });
        expect(plan.estimate.windows).to.deep.equal([]);
    });

    it("takes an append over element calls when the dialog-node window has little left", () => {
        const current = nodes(5, "kept", 200);
        const desired = [...current, ...nodes(10, "added", 200, "kept_4")];
        const full = planWorkspace({ dialogNodes: stored(dialogNodeKind, current) }, { dialogNodes: desired }, { scalarsChanged: false });
        expect(shape(full)).to.deep.equal({ workspaceCalls: [], ops: 10 });
        const spent = planWorkspace({ dialogNodes: stored(dialogNodeKind, current) }, { dialogNodes: desired }, { scalarsChanged: false, budgets: withLeft({ dialogNodeWrites: 5 }) });
        expect(shape(spent)).to.deep.equal({ workspaceCalls: ["append dialogNodes:10"], ops: 0 });
    });

    it("replaces 100 renamed entity values with one body rather than 100 entity updates", () => {
        const entities = Array.from({ length: 200 }, (_, i) => ({ entity: `e${i}`, values: Array.from({ length: 10 }, (_, v) => ({ value: `v${i}-${v}`, synonyms: ["a", "b", "c"] })) }));
        const desired = entities.map((e, i) => (i < 100 ? { ...e, values: e.values.map((v, j) => (j === 0 ? { ...v, value: `${v.value} renamed` } : v)) } : e));
        const plan = planWorkspace({ entities: stored(entityKind, entities) }, { entities: desired }, { scalarsChanged: false });
        expect(shape(plan)).to.deep.equal({ workspaceCalls: ["replace entities:200"], ops: 0 });
    });

    it("prices calls past a window at the wait for that window, and whole windows beyond", () => {
        expect(windowWait("dialogNodeWrites", 500, { remaining: 500, resetInSeconds: 1800 })).to.equal(0);
        expect(windowWait("dialogNodeWrites", 501, { remaining: 500, resetInSeconds: 1800 })).to.equal(1800);
        expect(windowWait("dialogNodeWrites", 1001, { remaining: 500, resetInSeconds: 100 })).to.equal(1900);
        const fits = estimate([{ bucket: "workspaceWrites", bytes: 0 }], withLeft({ workspaceWrites: 1 }));
        const waits = estimate([{ bucket: "workspaceWrites", bytes: 0 }], withLeft({ workspaceWrites: 0 }));
        expect(fits.windows).to.deep.equal([]);
        expect(waits.windows).to.deep.equal(["workspaceWrites"]);
        expect(waits.seconds - fits.seconds).to.equal(1200);
    });
});
