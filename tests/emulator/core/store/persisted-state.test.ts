import { expect } from "chai";
import fc from "fast-check";
import { types } from "util";
import { MemoryStore } from "../../../../emulator/core/store/memory-store";
import { PersistedState, RECORD_DEPTH } from "../../../../emulator/core/store/persisted-state";
import { toRecords } from "../../../../emulator/core/store/records";
import type { RecordBatch } from "../../../../emulator/core/store/store";
import { propertyRuns } from "../../../support/dialog-trees";

/** A MemoryStore that remembers the last batch it was given. */
class WatchedStore extends MemoryStore {
    last: RecordBatch = { put: [], remove: [] };
    override write(batch: RecordBatch): void {
        this.last = batch;
        super.write(batch);
    }
}

function sampleState(intents = 3): any {
    const intent = (i: number) => ({ intent: `i${i}`, examples: [{ text: `hello ${i}` }, { text: `hi ${i}` }], created: "t", updated: "t" });
    return {
        v1: {
            workspaces: {
                w1: { workspace_id: "w1", name: "one", intents: Array.from({ length: intents }, (_, i) => intent(i)), entities: [], metadata: { a: { b: 1 } } },
                w2: { workspace_id: "w2", name: "two", intents: [intent(9)], entities: [] },
            },
            logs: [],
        },
        v2: { assistants: [{ assistant_id: "a1", environments: [{ environment: "draft" }] }], next_failures: {}, sessions: {} },
    };
}

/** Tracks `state` in a fresh store and returns the view, the store and a check that disk matches memory. */
function persisted(state: any) {
    const store = new WatchedStore();
    const persistedState = new PersistedState(store);
    const view = persistedState.track(state);
    const savedMatches = () => {
        persistedState.save();
        expect(Object.fromEntries(store.readAll())).to.deep.equal(Object.fromEntries(toRecords(state, RECORD_DEPTH)));
        expect(new PersistedState(store).load()).to.deep.equal(JSON.parse(JSON.stringify(state)));
    };
    return { view, store, persistedState, savedMatches };
}

describe("emulator persisted state (records written per change)", () => {
    it("changing one intent in a large state writes exactly that intent's record", () => {
        const { view, store, savedMatches } = persisted(sampleState(2000));
        view.v1.workspaces.w1.intents[1234].examples.push({ text: "one more" });
        savedMatches();
        expect(store.last.put.map(([key]) => key)).to.deep.equal(['["v1","workspaces","w1","intents",1234]']);
        expect(store.last.remove).to.deep.equal([]);
    });

    it("adding an element writes the element and its collection's length, nothing else", () => {
        const { view, store, savedMatches } = persisted(sampleState());
        view.v1.workspaces.w2.intents.push({ intent: "new", examples: [] });
        savedMatches();
        expect(store.last.put.map(([key]) => key)).to.have.members(['["v1","workspaces","w2","intents"]', '["v1","workspaces","w2","intents",1]']);
    });

    it("a save with no change in between writes nothing", () => {
        const { view, store, persistedState } = persisted(sampleState());
        view.v1.workspaces.w1.name = "renamed";
        persistedState.save();
        store.last = { put: [], remove: [] };
        persistedState.save();
        expect(store.last).to.deep.equal({ put: [], remove: [] });
    });

    it("array methods that move or drop elements (splice, sort, pop, shift, length) leave disk equal to memory", () => {
        const { view, savedMatches } = persisted(sampleState(6));
        const intents = view.v1.workspaces.w1.intents;
        intents.splice(1, 2);
        savedMatches();
        intents.sort((a: any, b: any) => (a.intent < b.intent ? 1 : -1));
        savedMatches();
        intents.pop();
        intents.shift();
        savedMatches();
        intents.length = 0;
        savedMatches();
    });

    it("deleting a top-level object or a key removes its records", () => {
        const { view, store, savedMatches } = persisted(sampleState());
        delete view.v1.workspaces.w1;
        savedMatches();
        expect(store.last.remove.every((key) => key.startsWith('["v1","workspaces","w1"'))).to.equal(true);
        delete view.v1.workspaces.w2.name;
        savedMatches();
    });

    it("a collection replaced by a filtered copy of itself, and elements moved between objects, are saved where they now are", () => {
        const { view, savedMatches } = persisted(sampleState(5));
        const w1 = view.v1.workspaces.w1;
        w1.intents = w1.intents.filter((intent: any) => intent.intent !== "i2");
        savedMatches();
        const moved = w1.intents[0];
        view.v1.workspaces.w2.intents.push(moved);
        w1.intents.splice(0, 1);
        savedMatches();
        // Changed through the element read at its new place.
        view.v1.workspaces.w2.intents[1].examples[0].text = "edited after the move";
        savedMatches();
    });

    it("a container replaced by a scalar and back, undefined members and a new top-level object are saved as JSON would write them", () => {
        const { view, savedMatches } = persisted(sampleState());
        view.v1.workspaces.w1.metadata = "flat";
        savedMatches();
        view.v1.workspaces.w1.metadata = { deep: { er: [1, 2, { x: undefined }] }, gone: undefined };
        savedMatches();
        view.v2.sessions.s1 = { session_id: "s1", context: { skills: {} } };
        view.v2.next_failures.release = { description: "armed", errors: [] };
        savedMatches();
        Object.assign(view.v1.workspaces.w2, { description: "assigned", intents: [] });
        savedMatches();
    });

    it("a state tracked anew (a reset) replaces every record of the old one", () => {
        const store = new WatchedStore();
        const state = new PersistedState(store);
        state.track(sampleState());
        const fresh = { v1: { workspaces: {}, logs: [] }, v2: { assistants: [], next_failures: {} } };
        state.track(fresh);
        expect(new PersistedState(store).load()).to.deep.equal(fresh);
    });

    it("the state stored holds plain objects, never the views it was changed through", () => {
        const state = sampleState();
        const { view } = persisted(state);
        view.v1.workspaces.w3 = { ...view.v1.workspaces.w1, intents: [view.v1.workspaces.w1.intents[0]] };
        expect(types.isProxy(state.v1.workspaces.w3.intents[0])).to.equal(false);
        expect(types.isProxy(state.v1.workspaces.w3.metadata)).to.equal(false);
    });

    it("(property) any sequence of in-place changes through the view leaves disk equal to memory at every save", () => {
        const json = fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.record({ x: fc.integer() }));
        const change = fc.record({
            kind: fc.constantFrom("set", "delete", "push", "splice", "sort", "truncate", "move", "nested"),
            pick: fc.nat(1000),
            other: fc.nat(1000),
            value: json,
        });
        fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
            const { view, savedMatches } = persisted(sampleState(4));
            const arrays = () => [view.v1.workspaces.w1?.intents, view.v1.workspaces.w2?.intents, view.v1.logs, view.v2.assistants].filter(Array.isArray);
            for (const { kind, pick, other, value } of changes) {
                const list = arrays()[pick % arrays().length];
                const element = list[pick % Math.max(1, list.length)];
                if (kind === "set") view.v1.workspaces[pick % 2 ? "w1" : "w2"] = { workspace_id: "x", intents: [{ intent: "y", examples: [] }], value };
                if (kind === "delete") delete view.v1.workspaces[pick % 2 ? "w1" : "w2"];
                if (kind === "push") list.push({ intent: `p${pick}`, examples: [{ text: String(other) }], value });
                if (kind === "splice") list.splice(pick % Math.max(1, list.length), 1 + (other % 2));
                if (kind === "sort") list.sort(() => (other % 3) - 1);
                if (kind === "truncate") list.length = other % (list.length + 1);
                if (kind === "move" && element) arrays()[other % arrays().length].push(element);
                if (kind === "nested" && element && typeof element === "object") element.extra = { deep: [value, { again: value }] };
                // Several changes between two saves, as in one request.
                if (other % 2 === 0) savedMatches();
            }
            savedMatches();
        }), { numRuns: propertyRuns(100) });
    });
});
