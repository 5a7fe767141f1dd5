import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startV2Fixture, type V2Fixture } from "./support";
import { actionsContent, cutAndDeploy, deployedAssistant, type Deployed } from "./conversation-support";

const CASES = [
    { name: "greeting", input: "hello", expect: { intent: "greeting", text: "Hello! How can I help?" } },
    { name: "opening hours", input: "when are you open", expect: { intent: "opening_hours", textMatches: "9 to 5" } },
];

const ORDER_FLOW = `cases:
  - name: order flow
    turns:
      - input: where is my order
        expect:
          intent: order_status
          context: { topic: orders }
      - input: it is 42 fast
        expect:
          entities: [{ entity: shipping, value: express }]
          context: { orderNumber: 42 }
          text: Order 42 ships express.
`;

describe("ConversationTest resource", function () {
    this.timeout(60_000);
    let fx: V2Fixture;
    let dir: string;
    let deployed: Deployed;
    before(async () => {
        fx = await startV2Fixture();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "conversation-test-"));
    });
    after(async () => {
        await fx.emu.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
        await fx.emu.reset();
        deployed = await deployedAssistant(fx);
    });

    const file = (name: string, text: string) => {
        const target = path.join(dir, name);
        fs.writeFileSync(target, text);
        return target;
    };
    const args = (extra: Record<string, unknown> = {}) => ({ assistantId: deployed.assistantId, environment: "live", release: deployed.release, cases: CASES, ...extra });
    const failureOf = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a failure"); }, (e: Error) => e);

    it("runs cases from code and from a YAML file (a session for turns) and outputs counts, per-case results and the release tested", async () => {
        const casesFile = file("orders.yaml", ORDER_FLOW);
        const { outs } = await fx.create("ConversationTest", args({ casesFile }));
        expect(outs).to.include({ passed: 3, failed: 0, accuracy: 1, releaseTested: deployed.release });
        expect(outs.results.map((r: any) => [r.name, r.passed])).to.deep.equal([["greeting", true], ["opening hours", true], ["order flow", true]]);
        const logs = (await fx.api(`/v2/assistants/${outs.testedEnvironmentId}/logs`)).logs as any[];
        expect(logs.map((l) => l.request.input.text)).to.deep.equal(["hello", "when are you open", "where is my order", "it is 42 fast"]);
        expect(logs.every((l) => l.request.input.options.debug === true)).to.equal(true);
        expect(new Set(logs.slice(2).map((l) => l.session_id)).size).to.equal(1);
        expect(fx.emu.stats().byRoute["DELETE /v2/assistants/{assistant_id}/sessions/{session_id}"]).to.equal(1);
    });

    it("below the threshold fails with a table of the failing cases (expected vs got) and the service's log messages, and writes JUnit XML", async () => {
        const junitPath = path.join(dir, "reports", "junit.xml");
        const wrong = [...CASES, { name: "refund", input: "refund please", expect: { intent: "refund", text: "Refunds take 5 days." } }];
        const error = await failureOf(fx.create("ConversationTest", args({ cases: wrong, threshold: 0.9, junitPath })));
        const lines = error.message.split("\n");
        expect(lines[0]).to.equal(`create ConversationTest failed: conversation tests on environment "live" (release 1): 2 of 3 passed (66.7%), below the threshold of 90.0%`);
        expect(lines.slice(1, 5)).to.deep.equal([
            "  case    turn  check   expected              got",
            "  ------  ----  ------  --------------------  ------",
            "  refund  1     intent  refund                (none)",
            "  refund  1     text    Refunds take 5 days.  (none)",
        ]);
        expect(lines[5]).to.equal("service log messages of the failing cases:");
        expect(lines[6]).to.match(/^ {2}refund, turn 1: No dialog node condition matched .* \[warn\]$/);
        const xml = fs.readFileSync(junitPath, "utf8");
        expect(xml).to.match(/<testsuite name="[^"]+" tests="3" failures="1" errors="0">/);
        expect(xml).to.include(`<testcase classname="${deployed.assistantId} live" name="greeting"/>`);
        expect(xml).to.include("turn 1 intent: expected refund, got (none)");

        const { outs } = await fx.create("ConversationTest", args({ cases: wrong, threshold: 0.5 }));
        expect(outs).to.include({ passed: 2, failed: 1 });
        expect(outs.results[2].failures).to.deep.equal([
            { turn: 1, check: "intent", expected: "refund", got: "(none)" },
            { turn: 1, check: "text", expected: "Refunds take 5 days.", got: "(none)" },
        ]);
    });

    it("nothing runs when neither release nor cases changed; an edited cases file, new cases or a new release run the tests again", async () => {
        const casesFile = file("changing.yaml", ORDER_FLOW);
        const created = await fx.create("ConversationTest", args({ casesFile }));
        const test = created.resource;
        const diffWith = async (news: Record<string, unknown>) => (await test.diff(created.id, created.outs, (await test.check(news, created.outs)).inputs)).changes;
        expect(await diffWith(args({ casesFile }))).to.equal(false);
        expect(await diffWith(args({ casesFile, junitPath: "elsewhere.xml" }))).to.equal(false);
        expect(await diffWith(args({ casesFile, cases: CASES.slice(0, 1) }))).to.equal(true);
        expect(await diffWith(args({ casesFile, release: "2" }))).to.equal(true);
        fs.writeFileSync(casesFile, ORDER_FLOW.replace("orderNumber: 42", "orderNumber: 43"));
        expect(await diffWith(args({ casesFile }))).to.equal(true);
    });

    it("a failing test passes after a content fix is released and deployed: the update runs the tests again", async () => {
        const expectHours = [{ name: "hours", input: "when are you open", expect: { text: "We are open 8 to 6." } }];
        const test = fx.resource("ConversationTest");
        const first = await test.check(args({ cases: expectHours }));
        const error = await failureOf(test.create(first.inputs));
        expect(error.message).to.match(/hours +1 +text +We are open 8 to 6\. +We are open 9 to 5\./);

        await fx.create("Skill", { assistantId: deployed.assistantId, skillId: deployed.actionSkillId, workspace: actionsContent("We are open 8 to 6.") });
        const fixed = await cutAndDeploy(fx, deployed.assistantId);
        const next = await test.check(args({ cases: expectHours, release: fixed }));
        const { outs } = await test.create(next.inputs);
        expect(outs).to.include({ passed: 1, failed: 0, releaseTested: "2" });
    });

    it("fails when the environment does not run the release under test", async () => {
        const test = fx.resource("ConversationTest");
        const { inputs } = await test.check(args({ release: "7" }));
        const error = await failureOf(test.create(inputs));
        expect(error.message).to.equal(
            'create ConversationTest failed: environment "live" (release 1) does not run release 7, the release under test: deploy it there first ' +
                "(give this test the EnvironmentDeployment's release output, or dependsOn it)",
        );
    });

    it("a bad cases file fails at check with the file and line; so do bad cases in code", async () => {
        const test = fx.resource("ConversationTest");
        const syntax = file("syntax.yaml", "cases:\n  - name: a\n   input: hello\n");
        expect((await test.check(args({ casesFile: syntax }))).failures).to.deep.equal([
            { property: "casesFile", reason: `${syntax}:3: bad indentation of a sequence entry` },
        ]);
        const shape = file("shape.yaml", "cases:\n  - name: ok\n    input: hello\n    expect: { intent: greeting }\n  - name: bad\n    input: hi\n    expect:\n      intnet: greeting\n");
        expect((await test.check(args({ casesFile: shape }))).failures).to.deep.equal([
            { property: "casesFile", reason: `${shape}:8: cases[1].expect.intnet is not a known property; did you mean "intent"?` },
        ]);
        const json = file("cases.json", '{\n  "cases": [\n    { "name": "x", "input": "hi" }\n  ]\n}\n');
        expect((await test.check(args({ casesFile: json }))).failures).to.deep.equal([
            { property: "casesFile", reason: `${json}:3: cases[0].expect is required (a case has input and expect, or turns)` },
        ]);
        const missing = path.join(dir, "missing.yaml");
        expect((await test.check(args({ casesFile: missing }))).failures).to.deep.equal([{ property: "casesFile", reason: `cannot read ${missing}: ENOENT` }]);
        const inCode = await test.check(args({ cases: [CASES[0], CASES[0], { name: "re", input: "x", expect: { textMatches: "(" } }] }));
        expect(inCode.failures).to.deep.equal([
            { property: "cases[1].name", reason: 'duplicate case name "greeting" (also case 0)' },
            { property: "cases[2].expect.textMatches", reason: "is not a valid regular expression: Invalid regular expression: /(/: Unterminated group" },
        ]);
    });
});
