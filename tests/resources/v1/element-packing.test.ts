/**
 * Element resources registered from a program (provider/bridge/resource.ts): every input and the
 * resource's URN travel in one packed text, also for a resource under a component parent (whose
 * URN the program learns only once the parent is registered), and outputs read back typed.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Harness } from "../../../drivers/harness";
import { startEmulator, type RunningEmulator } from "watson-assistant-emulator";
import { URN_KEY } from "../../../provider/bridge/creation-marker";
import { PACKED_KEY } from "../../../provider/bridge/packing";
import { Entity } from "../../../resources/entity";
import { Intent } from "../../../resources/intent";
import { Workspace } from "../../../resources/workspace";
import { PROJECT_DIR } from "../../reliability/support/workspace-program";

class Catalog extends pulumi.ComponentResource {
    constructor(name: string, workspaceId: pulumi.Input<string>) {
        super("shop:index:Catalog", name, {}, {});
        new Entity(`${name}-sizes`, { workspaceId, entity: "size", values: [{ value: "small" }, { value: "large" }] }, { parent: this });
        this.registerOutputs({});
    }
}

describe("element resources registered by a program", function () {
    this.timeout(60_000);
    let emu: RunningEmulator;
    let stateDir: string;
    let h: Harness;
    before(async () => {
        emu = await startEmulator({ port: 0, auth: "none" });
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-packing-"));
        h = new Harness({
            projectDir: PROJECT_DIR, stack: "dev", stateDir,
            config: { "watson-assistant:url": emu.url, "watson-assistant:authType": "noauth" },
            program: async () => {
                const skill = new Workspace("skill", { name: "shop" });
                const hello = new Intent("hello", { workspaceId: skill.workspaceId, intent: "hello", examples: [{ text: "hi" }] });
                new Catalog("catalog", skill.workspaceId);
                return { helloExamples: hello.examples };
            },
        });
    });
    after(async () => {
        await h?.close();
        await emu.stop();
        fs.rmSync(stateDir, { recursive: true, force: true });
    });

    it("sends each element's inputs and its own URN in one text, with or without a parent, and reads outputs back", async () => {
        const result = await h.up();
        const elements = h.plainState().resources.filter((r) => /:(Intent|Entity)$/.test(r.type));
        expect(elements.map((r) => r.urn.split("::").pop()).sort()).to.deep.equal(["catalog-sizes", "hello"]);
        for (const element of elements) {
            expect(Object.keys(element.inputs ?? {}).sort()).to.deep.equal(["__creationMarker", "__owner", "__provider", PACKED_KEY]);
            expect(JSON.parse(String(element.inputs![PACKED_KEY]))[URN_KEY]).to.equal(element.urn);
        }
        expect(elements.find((r) => r.urn.endsWith("::catalog-sizes"))!.urn).to.include("shop:index:Catalog$");
        expect(result.outputs).to.deep.equal({ helloExamples: [{ text: "hi" }] });
    });
});
