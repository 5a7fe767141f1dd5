/**
 * The emulator's floors (ARCHITECTURE.md, emulator/README.md "Layout"), checked on the import
 * graph of emulator/: the core never imports an API area, v1 never imports v2, rules never see
 * HTTP, only the error factory builds an ApiProblem, and no import cycle exists.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { importCycles, importGraph, reachable } from "./support/import-graph";

const ROOT = path.resolve(__dirname, "../../emulator");
const graph = importGraph(ROOT);

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isCore = under("core");
const isArea = (file: string) => ["v1", "v2", "runtime"].some((area) => under(area)(file));
/** Where requests and responses are seen: the areas' handlers and route tables, and the core's HTTP modules. */
const HTTP_CORE = ["core/http-types.ts", "core/server.ts", "core/router.ts", "core/body.ts", "core/pagination.ts", "core/customer-id.ts", "core/admin.ts"];
const isHttp = (file: string) =>
    HTTP_CORE.includes(file) || /^(v1|v2)\/(handlers\/|routes\.ts$|admin-routes\.ts$)/.test(file);
const HTTP_MODULES = ["http", "https", "net"];

/** "a.ts -> b.ts" for every import of `file` that `forbidden` rejects. */
function offending(files: string[], forbidden: (target: string) => boolean): string[] {
    return files.flatMap((file) => graph.local.get(file)!.filter(forbidden).map((target) => `${file} -> ${target}`));
}

describe("emulator floors (import graph)", () => {
    it("reads a graph of the whole emulator (sanity: the core, both areas and the runtime are in it)", () => {
        expect(graph.files).to.include.members(["core/server.ts", "v1/workspaces.ts", "v2/assistants.ts", "runtime/dialog.ts", "state.ts"]);
    });

    it("the core imports only the core: no API area, no runtime, not the state type above the areas", () => {
        expect(offending(graph.files.filter(isCore), (target) => !isCore(target))).to.deep.equal([]);
    });

    it("the runtime imports no API area and no HTTP", () => {
        const runtime = graph.files.filter(under("runtime"));
        expect(offending(runtime, (target) => under("v1")(target) || under("v2")(target) || isHttp(target))).to.deep.equal([]);
    });

    it("v1 never imports v2 (a v2 dialog skill uses the v1 rules, not the other way round)", () => {
        expect(offending(graph.files.filter(under("v1")), under("v2"))).to.deep.equal([]);
    });

    it("rule, model and view files of the areas reach no HTTP module, directly or through others", () => {
        const rules = graph.files.filter((file) => isArea(file) && !isHttp(file));
        expect(rules.length).to.be.greaterThan(30);
        const seeingHttp = rules.flatMap((file) => {
            const reached = [...reachable(graph, file)].filter(isHttp);
            const node = graph.external.get(file)!.filter((name) => HTTP_MODULES.includes(name));
            return reached.length + node.length > 0 ? [`${file} reaches ${[...reached, ...node].join(", ")}`] : [];
        });
        expect(seeingHttp).to.deep.equal([]);
    });

    it("handlers are reached only from the route tables (nothing below them calls a handler)", () => {
        const handlers = (file: string) => /^(v1|v2)\/handlers\//.test(file);
        const callers = graph.files.filter((file) => !handlers(file) && !/^(v1|v2)\/(routes|admin-routes)\.ts$/.test(file));
        expect(offending(callers, handlers)).to.deep.equal([]);
    });

    it("has no import cycle", () => {
        expect(importCycles(graph)).to.deep.equal([]);
    });

    it("builds every ApiProblem in the error factory (core/errors.ts) only", () => {
        const constructing = graph.files.filter(
            (file) => file !== "core/errors.ts" && /new ApiProblem\b/.test(fs.readFileSync(path.join(ROOT, file), "utf8")),
        );
        expect(constructing).to.deep.equal([]);
    });
});
