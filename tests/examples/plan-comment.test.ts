/**
 * examples/ci/plan-comment.sh with a stand-in `pulumi` on PATH that plays the provider's part
 * (appending a section to WATSON_ASSISTANT_PLAN_FILE for one stack, nothing for the other): the
 * script's own logic, i.e. one heading per stack, the plan file emptied between stacks, and the
 * no-change line. The real provider's sections are tested in tests/provider/.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLES_DIR } from "./support";

const SCRIPT = path.join(EXAMPLES_DIR, "ci/plan-comment.sh");

describe("examples/ci/plan-comment.sh", () => {
    it("gathers each stack's plan sections under a heading, and says when a stack has none", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-comment-"));
        const bin = path.join(dir, "bin");
        fs.mkdirSync(bin);
        fs.writeFileSync(path.join(bin, "pulumi"), [
            "#!/usr/bin/env bash",
            'echo "$*" >> "$CALLS"',
            '[ "$3" = dev ] && printf \'#### Workspace "Support" (ws-1): update\\n\\n```text\\n  intents: 1 added\\n```\\n\\n\' >> "$WATSON_ASSISTANT_PLAN_FILE"',
            "exit 0",
        ].join("\n"), { mode: 0o755 });
        const calls = path.join(dir, "calls.txt");
        const comment = path.join(dir, "comment.md");
        const run = spawnSync("bash", [SCRIPT, "dev", "prod"], {
            cwd: dir, encoding: "utf8",
            env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CALLS: calls, COMMENT_FILE: comment, PR_NUMBER: "" },
        });
        expect(run.status, run.stderr).to.equal(0);
        expect(fs.readFileSync(calls, "utf8")).to.equal([
            "preview --stack dev --non-interactive --color never",
            "preview --stack prod --non-interactive --color never",
            "",
        ].join("\n"));
        const expected = [
            "## watsonx Assistant plan",
            "",
            "### Stack `dev`",
            "",
            '#### Workspace "Support" (ws-1): update',
            "",
            "```text",
            "  intents: 1 added",
            "```",
            "",
            "",
            "### Stack `prod`",
            "",
            "No change to watsonx Assistant content.",
            "",
            "",
        ].join("\n");
        expect(fs.readFileSync(comment, "utf8")).to.equal(expected);
        expect(run.stdout).to.equal(expected);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
