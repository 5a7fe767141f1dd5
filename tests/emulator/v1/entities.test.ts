import { expect } from "chai";
import { createWorkspace, errorPaths, p, useEmulator } from "./client";

describe("emulator v1: entities, values and synonyms", () => {
    const { call } = useEmulator();
    let ws: string;
    beforeEach(async () => {
        ws = await createWorkspace(call, {
            entities: [{ entity: "size", values: [{ value: "large", synonyms: ["big", "huge"] }, { value: "small" }] }],
        });
    });

    it("creates, gets, lists, updates and deletes an entity", async () => {
        const created = await call("POST", p`/v1/workspaces/${ws}/entities`, { entity: "topping", fuzzy_match: true, values: [{ value: "ham" }] });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ entity: "topping", fuzzy_match: true, values: [{ value: "ham", type: "synonyms", synonyms: [] }] });
        expect((await call("GET", p`/v1/workspaces/${ws}/entities/topping`)).body).to.deep.equal({ entity: "topping", fuzzy_match: true });
        const list = await call("GET", p`/v1/workspaces/${ws}/entities`, undefined, { export: true, sort: "entity" });
        expect(list.body.entities.map((e: any) => e.entity)).to.deep.equal(["size", "topping"]);
        expect(list.body.entities[0].values[0].synonyms).to.deep.equal(["big", "huge"]);
        const updated = await call("POST", p`/v1/workspaces/${ws}/entities/topping`, { description: "Toppings", fuzzy_match: false });
        expect(updated.body).to.include({ description: "Toppings", fuzzy_match: false });
        expect(updated.body.values).to.have.length(1);
        expect((await call("DELETE", p`/v1/workspaces/${ws}/entities/topping`)).body).to.deep.equal({});
        expect((await call("GET", p`/v1/workspaces/${ws}/entities/topping`)).status).to.equal(404);
    });

    it("renaming an entity keeps its values; updating with values replaces them all", async () => {
        await call("POST", p`/v1/workspaces/${ws}/entities/size`, { entity: "dimension" });
        const renamed = await call("GET", p`/v1/workspaces/${ws}/entities/dimension`, undefined, { export: true });
        expect(renamed.body.values.map((v: any) => v.value)).to.deep.equal(["large", "small"]);
        await call("POST", p`/v1/workspaces/${ws}/entities/dimension`, { values: [{ value: "medium" }] });
        const replaced = await call("GET", p`/v1/workspaces/${ws}/entities/dimension`, undefined, { export: true });
        expect(replaced.body.values).to.deep.equal([{ value: "medium", type: "synonyms", synonyms: [] }]);
    });

    it("creating sys-number enables the system entity; other sys- names are 400", async () => {
        const enabled = await call("POST", p`/v1/workspaces/${ws}/entities`, { entity: "sys-number" });
        expect(enabled.status).to.equal(201);
        expect((await call("GET", p`/v1/workspaces/${ws}/entities/sys-number`)).status).to.equal(200);
        const unknown = await call("POST", p`/v1/workspaces/${ws}/entities`, { entity: "sys-pizza" });
        expect(unknown.status).to.equal(400);
        expect(errorPaths(unknown)).to.deep.equal(["entity"]);
        const withValues = await call("POST", p`/v1/workspaces/${ws}/entities`, { entity: "sys-date", values: [{ value: "x" }] });
        expect(errorPaths(withValues)).to.deep.equal(["values"]);
        expect((await call("POST", p`/v1/workspaces/${ws}/entities/sys-number/values`, { value: "x" })).status).to.equal(400);
    });

    it("refuses invalid entity names and value fields with a 400 naming the field's path", async () => {
        const cases: [unknown, string][] = [
            [{ entity: "has.dot" }, "entity"],
            [{ entity: "e".repeat(65) }, "entity"],
            [{ entity: "ok", description: "a\nb" }, "description"],
            [{ entity: "ok", fuzzy_match: "yes" }, "fuzzy_match"],
            [{ entity: "ok", values: [{ value: "v".repeat(65) }] }, "values[0].value"],
            [{ entity: "ok", values: [{ value: " " }] }, "values[0].value"],
            [{ entity: "ok", values: [{ value: "v", synonyms: ["s".repeat(65)] }] }, "values[0].synonyms[0]"],
            [{ entity: "ok", values: [{ value: "v", synonyms: ["a", "a"] }] }, "values[0].synonyms[1]"],
            [{ entity: "ok", values: [{ value: "v" }, { value: "v" }] }, "values[1].value"],
            [{ entity: "ok", values: [{ value: "v", type: "regex" }] }, "values[0].type"],
            [{ entity: "ok", values: [{ value: "v", type: "patterns", patterns: ["(unclosed"] }] }, "values[0].patterns[0]"],
            [{ entity: "ok", values: [{ value: "v", type: "patterns", patterns: ["a", "b", "c", "d", "e", "f"] }] }, "values[0].patterns"],
            [{ entity: "ok", values: [{ value: "v", type: "patterns", patterns: ["p".repeat(513)] }] }, "values[0].patterns[0]"],
            [{ entity: "ok", values: [{ value: "v", type: "synonyms", patterns: ["a"] }] }, "values[0].patterns"],
            [{ entity: "ok", values: [{ value: "v", type: "patterns", synonyms: ["a"] }] }, "values[0].synonyms"],
        ];
        for (const [body, path] of cases) {
            const reply = await call("POST", p`/v1/workspaces/${ws}/entities`, body);
            expect(reply.status, JSON.stringify(body)).to.equal(400);
            expect(errorPaths(reply), JSON.stringify(body)).to.include(path);
        }
    });

    it("values: create (patterns), get, list, rename, replace synonyms, switch type, delete; 409 on duplicates", async () => {
        const base = p`/v1/workspaces/${ws}/entities/size/values`;
        const created = await call("POST", base, { value: "code", type: "patterns", patterns: ["\\d+"] });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ value: "code", type: "patterns", patterns: ["\\d+"] });
        expect((await call("POST", base, { value: "code" })).status).to.equal(409);
        expect((await call("GET", `${base}/large`)).body).to.deep.equal({ value: "large", type: "synonyms" });
        expect((await call("GET", `${base}/large`, undefined, { export: true })).body.synonyms).to.deep.equal(["big", "huge"]);
        const list = await call("GET", base, undefined, { export: true, page_limit: 1 });
        expect(list.body.values).to.have.length(1);
        expect(list.body.pagination.next_url).to.be.a("string");
        await call("POST", `${base}/large`, { synonyms: ["grand"] });
        expect((await call("GET", `${base}/large`, undefined, { export: true })).body.synonyms).to.deep.equal(["grand"]);
        await call("POST", `${base}/large`, { value: "xl" });
        expect((await call("GET", `${base}/xl`, undefined, { export: true })).body.synonyms).to.deep.equal(["grand"]);
        expect((await call("POST", `${base}/xl`, { value: "small" })).status).to.equal(409);
        const switched = await call("POST", `${base}/xl`, { type: "patterns", patterns: ["x+"] });
        expect(switched.body).to.deep.equal({ value: "xl", type: "patterns", patterns: ["x+"] });
        expect((await call("DELETE", `${base}/xl`)).body).to.deep.equal({});
        expect((await call("GET", `${base}/xl`)).status).to.equal(404);
    });

    it("synonyms: create, get, list, rename, delete; 409 on duplicates; 400 on a patterns value", async () => {
        const base = p`/v1/workspaces/${ws}/entities/size/values/large/synonyms`;
        const created = await call("POST", base, { synonym: "massive" });
        expect(created.status).to.equal(201);
        expect(created.body).to.deep.equal({ synonym: "massive" });
        expect((await call("POST", base, { synonym: "big" })).status).to.equal(409);
        expect(errorPaths(await call("POST", base, { synonym: "a\tb" }))).to.deep.equal(["synonym"]);
        const list = await call("GET", base, undefined, { sort: "synonym", include_audit: true });
        expect(list.body.synonyms.map((s: any) => s.synonym)).to.deep.equal(["big", "huge", "massive"]);
        expect(list.body.synonyms[0]).to.have.keys("synonym", "created", "updated");
        expect((await call("GET", `${base}/big`)).body).to.deep.equal({ synonym: "big" });
        expect((await call("POST", `${base}/big`, { synonym: "bigger" })).body).to.deep.equal({ synonym: "bigger" });
        expect((await call("POST", `${base}/bigger`, { synonym: "huge" })).status).to.equal(409);
        expect((await call("DELETE", `${base}/bigger`)).body).to.deep.equal({});
        expect((await call("GET", `${base}/bigger`)).status).to.equal(404);
        await call("POST", p`/v1/workspaces/${ws}/entities/size/values`, { value: "code", type: "patterns", patterns: ["\\d"] });
        expect((await call("POST", p`/v1/workspaces/${ws}/entities/size/values/code/synonyms`, { synonym: "x" })).status).to.equal(400);
    });
});
