import { expect } from "chai";
import { p, useEmulator } from "./client";

/** ~20 MB: 1,000 intents x 20 examples, 200 entities x 20 values x 5 synonyms, 2,000 dialog nodes. */
function largeWorkspace(): any {
    const filler = "lorem ipsum dolor sit amet ".repeat(40);
    const intents = Array.from({ length: 1000 }, (_, i) => ({
        intent: `intent_${i}`,
        description: `Intent number ${i}`,
        examples: Array.from({ length: 20 }, (_, j) => ({ text: `example ${j} of intent ${i} ${filler}`.slice(0, 960) })),
    }));
    const entities = Array.from({ length: 200 }, (_, i) => ({
        entity: `entity_${i}`,
        values: Array.from({ length: 20 }, (_, j) => ({ value: `value ${j}`, synonyms: Array.from({ length: 5 }, (_, k) => `syn ${j}-${k}`) })),
    }));
    const dialog_nodes = Array.from({ length: 2000 }, (_, i) => ({
        dialog_node: `node_${i}`,
        conditions: `#intent_${i % 1000}`,
        ...(i % 10 === 0 ? {} : { parent: `node_${i - (i % 10)}` }),
        ...(i % 10 > 1 ? { previous_sibling: `node_${i - 1}` } : {}),
        ...(i % 10 === 0 && i > 0 ? { previous_sibling: `node_${i - 10}` } : {}),
        output: { generic: [{ response_type: "text", values: [{ text: `Answer ${i} ${filler}`.slice(0, 800) }] }] },
    }));
    return { name: "large", language: "en", intents, entities, dialog_nodes, counterexamples: [{ text: "nope" }] };
}

describe("emulator v1: large workspaces", () => {
    const { call } = useEmulator();

    it("creates (asynchronously: it is over the 1.5 MB synchronous cap) and exports a 20 MB workspace with tens of thousands of examples", async () => {
        const body = largeWorkspace();
        expect(JSON.stringify(body).length).to.be.greaterThan(20_000_000);
        const created = await call("POST", "/v1/workspaces_async", body);
        expect(created.status, JSON.stringify(created.body).slice(0, 500)).to.equal(202);
        const exported = await call("GET", p`/v1/workspaces/${created.body.workspace_id}`, undefined, { export: true });
        expect(exported.body.intents).to.have.length(1000);
        expect(exported.body.intents[999].examples).to.have.length(20);
        expect(exported.body.dialog_nodes).to.have.length(2000);
        expect(exported.body.entities[0].values[0].synonyms).to.have.length(5);
        const example = await call("GET", p`/v1/workspaces/${created.body.workspace_id}/intents/intent_500/examples/${body.intents[500].examples[7].text}`);
        expect(example.status).to.equal(200);
    });
});
