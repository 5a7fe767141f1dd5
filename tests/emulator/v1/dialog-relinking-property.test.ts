import { expect } from "chai";
import fc from "fast-check";
import { positionsOf, propertyRuns, SiblingListModel } from "../../support/dialog-trees";
import { recordFigures } from "../../reliability/support/figures";
import { createWorkspace, p, useEmulator } from "./client";

/**
 * One element call, as picks resolved against the tree at the time of the call: mostly valid
 * places (an existing parent, a sibling under it), sometimes a wrong one (a node elsewhere, a
 * missing id), and position fields left out, cleared (null) or set.
 */
interface Picks {
    op: "create" | "update" | "delete";
    node: number;
    parent: number;
    previous: number;
    /** 0: left out, 1: null, 2: set (update only; create leaves out or sets). */
    parentMode: number;
    previousMode: number;
    rename: boolean;
}

const PICKS: fc.Arbitrary<Picks> = fc.record({
    op: fc.constantFrom("create", "create", "update", "update", "update", "delete") as fc.Arbitrary<Picks["op"]>,
    node: fc.nat(),
    parent: fc.nat(),
    previous: fc.nat(),
    parentMode: fc.nat({ max: 2 }),
    previousMode: fc.nat({ max: 2 }),
    rename: fc.boolean(),
});

/** The call's path id and body for the model's current tree; `fresh` numbers new ids. */
function resolve(picks: Picks, model: SiblingListModel, fresh: () => number): { id: string; body: Record<string, unknown> } {
    const ids = model.ids();
    const pick = (n: number, from: string[]) => (n % 7 === 6 || from.length === 0 ? `missing${n % 3}` : from[n % from.length]);
    const id = picks.op === "create" ? (picks.node % 5 === 4 && ids.length > 0 ? ids[0] : `n${fresh()}`) : pick(picks.node, ids);
    if (picks.op === "delete") return { id, body: {} };
    const body: Record<string, unknown> = picks.op === "create" ? { dialog_node: id } : {};
    if (picks.op === "update" && picks.rename) body.dialog_node = picks.node % 4 === 3 && ids.length > 0 ? pick(picks.node + 1, ids) : `r${fresh()}`;
    const parent = picks.parent % 3 === 0 ? undefined : pick(picks.parent, ids);
    if (picks.parentMode === 2 || (picks.op === "create" && picks.parentMode === 1)) body.parent = parent;
    else if (picks.parentMode === 1) body.parent = null;
    const siblings = model.childrenOf(picks.parentMode === 0 ? undefined : parent);
    const previous = picks.previous % 5 === 4 ? pick(picks.previous, ids) : siblings.length > 0 && picks.previous % 4 !== 0 ? siblings[picks.previous % siblings.length] : undefined;
    if (picks.previousMode === 2 || (picks.op === "create" && picks.previousMode === 1)) body.previous_sibling = previous;
    else if (picks.previousMode === 1) body.previous_sibling = null;
    return { id, body };
}

describe("emulator v1: dialog node relinking against the documented rules (property)", function () {
    this.timeout(0);
    // Limits off: each generated case creates a workspace (more than the 30 creates a window allows),
    // this property is about node placement, and its raw client does not wait out a 429.
    const { call } = useEmulator({ rateLimits: false });

    it("element creates, moves, renames and deletes leave every node where ordered sibling lists put it", async () => {
        let cases = 0;
        let calls = 0;
        let rejected = 0;
        await fc.assert(fc.asyncProperty(fc.array(PICKS, { minLength: 1, maxLength: 30 }), async (sequence) => {
            const ws = await createWorkspace(call, {});
            const model = new SiblingListModel();
            let next = 0;
            for (const picks of sequence) {
                const { id, body } = resolve(picks, model, () => next++);
                const what = `${picks.op} ${id} ${JSON.stringify(body)}`;
                const expected = picks.op === "create" ? model.create(body as any) : picks.op === "update" ? model.update(id, body) : model.delete(id);
                const reply = picks.op === "create"
                    ? await call("POST", p`/v1/workspaces/${ws}/dialog_nodes`, body)
                    : picks.op === "update"
                        ? await call("POST", p`/v1/workspaces/${ws}/dialog_nodes/${id}`, body)
                        : await call("DELETE", p`/v1/workspaces/${ws}/dialog_nodes/${id}`);
                calls++;
                if (!expected) rejected++;
                expect(reply.status < 300, `${what} -> ${reply.status} ${JSON.stringify(reply.body)}`).to.equal(expected);
                const { body: listed } = await call("GET", p`/v1/workspaces/${ws}/dialog_nodes`);
                expect(positionsOf(listed.dialog_nodes), what).to.deep.equal(model.positions());
            }
            cases++;
        }), { numRuns: propertyRuns(200) });
        recordFigures("dialog-relinking-property", { cases, calls, rejected });
    });
});
