import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MemoryStore } from "../../../../emulator/core/store/memory-store";
import { SqliteStore } from "../../../../emulator/core/store/sqlite-store";
import type { RecordStore } from "../../../../emulator/core/store/store";

/** The same contract for every RecordStore. */
function contract(name: string, open: () => RecordStore): void {
    describe(`${name} (RecordStore contract)`, () => {
        let store: RecordStore;
        beforeEach(() => (store = open()));
        afterEach(() => store.close());

        it("holds no record before the first write", () => {
            expect(store.readAll().size).to.equal(0);
        });

        it("returns what a batch put, text for text, keys with quotes and non-ASCII included", () => {
            store.write({ put: [['["v1","workspaces","ä \\"x\\""]', '{"keys":["name"]}'], ["b", "42"]], remove: [] });
            expect([...store.readAll()]).to.have.deep.members([['["v1","workspaces","ä \\"x\\""]', '{"keys":["name"]}'], ["b", "42"]]);
        });

        it("replaces a record put again under the same key and deletes removed keys", () => {
            store.write({ put: [["a", "1"], ["b", "2"], ["c", "3"]], remove: [] });
            store.write({ put: [["a", "10"]], remove: ["b", "not-there"] });
            expect(Object.fromEntries(store.readAll())).to.deep.equal({ a: "10", c: "3" });
        });

        it("leaves the records unchanged after an empty batch", () => {
            store.write({ put: [["a", "1"]], remove: [] });
            store.write({ put: [], remove: [] });
            expect(Object.fromEntries(store.readAll())).to.deep.equal({ a: "1" });
        });

        it("hands out a copy: changing what readAll returned changes no record", () => {
            store.write({ put: [["a", "1"]], remove: [] });
            store.readAll().set("a", "changed");
            expect(store.readAll().get("a")).to.equal("1");
        });
    });
}

describe("emulator record stores", () => {
    contract("MemoryStore", () => new MemoryStore());

    const dirs: string[] = [];
    const sqliteFile = () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wa-store-"));
        dirs.push(dir);
        return path.join(dir, "state.sqlite");
    };
    after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    contract("SqliteStore", () => new SqliteStore(sqliteFile()));

    describe("SqliteStore on disk", () => {
        it("gives a reopened database every record written before it was closed", () => {
            const file = sqliteFile();
            const first = new SqliteStore(file);
            first.write({ put: [["a", "1"], ["b", "2"]], remove: [] });
            first.write({ put: [["c", "3"]], remove: ["a"] });
            first.close();
            const second = new SqliteStore(file);
            try {
                expect(Object.fromEntries(second.readAll())).to.deep.equal({ b: "2", c: "3" });
            } finally {
                second.close();
            }
        });

        it("applies none of a batch that fails part-way", () => {
            const store = new SqliteStore(sqliteFile());
            try {
                store.write({ put: [["a", "1"]], remove: [] });
                // A null value breaks the table's NOT NULL rule after "b" was inserted in the same transaction.
                expect(() => store.write({ put: [["b", "2"], ["c", null as unknown as string]], remove: ["a"] })).to.throw();
                expect(Object.fromEntries(store.readAll())).to.deep.equal({ a: "1" });
            } finally {
                store.close();
            }
        });
    });
});
