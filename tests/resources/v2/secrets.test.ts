/**
 * A provider's credentials through the engine path: the class marks them secret, so the state file
 * holds them only encrypted and the outputs never hold them at all.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Harness } from "../../../drivers/harness";
import { ConversationalSkillProvider } from "../../../resources/skill-provider";
import { startV2Fixture, type V2Fixture } from "./support";

const PROJECT_DIR = path.resolve(__dirname, "../../../examples/gitops-promotion");
const SECRET = "pr0vider-credential-value";

describe("ConversationalSkillProvider credentials through the engine path", function () {
    this.timeout(60_000);
    let fx: V2Fixture;
    let stateDir: string;
    before(async () => {
        fx = await startV2Fixture();
        stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-secrets-"));
    });
    after(async () => {
        await fx.emu.stop();
        fs.rmSync(stateDir, { recursive: true, force: true });
    });

    it("stores the credentials only encrypted, and outputs a secret hash instead of them", async () => {
        const h = new Harness({
            projectDir: PROJECT_DIR,
            stack: "secrets",
            stateDir,
            config: { "watson-assistant:url": fx.emu.url, "watson-assistant:authType": "noauth" },
            program: () => {
                const provider = new ConversationalSkillProvider("pro-code", {
                    providerId: "pro-code",
                    specification: { servers: [{ url: "https://skills.example.com" }] },
                    private: { authentication: { bearer: { token: { type: "value", value: SECRET } } } },
                });
                return { hash: provider.privateHash };
            },
        });
        try {
            const result = await h.up();
            expect(result.steps.map((s) => s.op)).to.include("create");
            expect(fs.readFileSync(h.statePath, "utf8")).not.to.include(SECRET);
            const stored = h.plainState().resources.find((r: any) => r.type.endsWith(":ConversationalSkillProvider")) as any;
            expect(stored.outputs).not.to.have.property("private");
            expect(stored.outputs.privateHash).to.match(/^[0-9a-f]{64}$/);
            expect(fs.readFileSync(h.statePath, "utf8"), "the hash is a secret output too").not.to.include(stored.outputs.privateHash);
            const again = await h.up();
            expect(again.steps.filter((s) => s.op !== "same")).to.deep.equal([]);
        } finally {
            await h.close();
        }
    });
});
