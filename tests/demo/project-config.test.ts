import { expect } from "chai";
import * as path from "path";
import { projectConfigDefaults } from "../../scripts/demo/project-config";

describe("quick-start project config (Pulumi.yaml)", () => {
    it("points the program at an emulator on 127.0.0.1:4545 and sets every key the program requires", () => {
        expect(projectConfigDefaults(path.resolve(__dirname, "../.."))).to.deep.include({
            "watson-assistant:url": "http://127.0.0.1:4545",
            assistantName: "Quick-start assistant",
            liveRelease: "latest",
        });
        expect(projectConfigDefaults(path.resolve(__dirname, "../..")).greeting).to.be.a("string").that.is.not.empty;
    });
});
