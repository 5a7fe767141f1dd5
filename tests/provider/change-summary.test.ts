import { expect } from "chai";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ResourceOperations } from "../../provider/bridge/operations";
import { PlanReporter } from "../../provider/bridge/plan-reporter";
import { UNKNOWN } from "../../provider/values";
import { renderMarkdown } from "../../provider/change-summary/render";
import { parseArgs } from "../../provider/change-summary/cli-command";
import { tokenExchangeCall } from "../../provider/auth";
import type { ConnectionSettings } from "../../provider/config";
import { specFor } from "../../plugin/registry";

type Bag = Record<string, any>;

/** What the plugin would print for a Diff of `type` from stored `olds` to checked `news` (undefined: nothing). */
function printedDiff(type: string, id: string, olds: Bag, news: Bag): string | undefined {
    const out: string[] = [];
    const reporter = new PlanReporter(() => ({ write: (text) => out.push(text) }), (m) => out.push(`WARN ${m}`));
    reporter.diff(type, new ResourceOperations(specFor(type)), id, olds, news);
    return out.length > 0 ? out.join("") : undefined;
}

const say = (text: string) => ({ generic: [{ response_type: "text", values: [{ text }], selection_policy: "sequential" }] });

/** A stored workspace (outputs) and the same content declared again (inputs). */
function workspace(content: Bag): { olds: Bag; news: Bag } {
    const news = { name: "Support", language: "en", ...content };
    return { olds: { ...news, workspaceId: "ws-1", status: "Available" }, news };
}

const INTENTS = [
    { intent: "refund", examples: [{ text: "I want my money back" }, { text: "refund please" }] },
    { intent: "hours", description: "Opening hours", examples: [{ text: "when are you open" }] },
];
const NODES = [
    { dialogNode: "welcome", conditions: "welcome", output: say("Hello!") },
    { dialogNode: "bye", conditions: "#bye", previousSibling: "welcome", output: say("Goodbye") },
];

describe("plan summary: exact text", () => {
    const { olds } = workspace({ intents: INTENTS, dialogNodes: NODES });

    it("an added intent is listed with +, and planned as one create call", () => {
        const news = { ...workspace({}).news, dialogNodes: NODES, intents: [...INTENTS, { intent: "cancel", examples: [{ text: "cancel my order" }] }] };
        expect(printedDiff("Workspace", "ws-1", olds, news)).to.equal([
            'Workspace "Support" (ws-1): update',
            "  intents: 1 added",
            "    + intent #cancel",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/intents",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
    });

    it("a removed intent is listed with -, and planned as one delete call", () => {
        const news = { ...workspace({}).news, dialogNodes: NODES, intents: [INTENTS[0]] };
        expect(printedDiff("Workspace", "ws-1", olds, news)).to.equal([
            'Workspace "Support" (ws-1): update',
            "  intents: 1 removed",
            "    - intent #hours",
            "  API calls:",
            "    1 x DELETE /v1/workspaces/{workspace_id}/intents/{intent}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
    });

    it("a renamed intent reads as a rename, planned as one update at the old name", () => {
        const news = { ...workspace({}).news, dialogNodes: NODES, intents: [INTENTS[0], { ...INTENTS[1], intent: "opening_hours" }] };
        expect(printedDiff("Workspace", "ws-1", olds, news)).to.equal([
            'Workspace "Support" (ws-1): update',
            "  intents: 1 renamed",
            "    ~ intent #hours renamed to #opening_hours",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/intents/{intent}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
    });

    it("reordering intents, examples and entity values prints nothing", () => {
        const entities = [{ entity: "product", values: [{ value: "phone", synonyms: ["mobile", "cell"] }, { value: "tv" }] }];
        const before = workspace({ intents: INTENTS, entities, dialogNodes: NODES });
        const reordered = {
            ...before.news,
            intents: [INTENTS[1], { ...INTENTS[0], examples: [...INTENTS[0].examples].reverse() }],
            entities: [{ entity: "product", values: [{ value: "tv" }, { value: "phone", synonyms: ["cell", "mobile"] }] }],
            dialogNodes: [NODES[1], NODES[0]],
        };
        expect(printedDiff("Workspace", "ws-1", before.olds, reordered)).to.equal(undefined);
    });

    it("a field changed deep in a dialog node's output is named by its path, never by its text", () => {
        const news = { ...workspace({}).news, intents: INTENTS, dialogNodes: [{ ...NODES[0], output: say("Hi, how can I help?") }, NODES[1]] };
        const printed = printedDiff("Workspace", "ws-1", olds, news);
        expect(printed).to.equal([
            'Workspace "Support" (ws-1): update',
            "  dialogNodes: 1 changed",
            "    ~ dialog node welcome: output.generic[0].values[0].text",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
        expect(printed).not.to.contain("Hi, how can I help?");
    });

    it("an unchanged resource prints nothing", () => {
        const { news } = workspace({ intents: INTENTS, dialogNodes: NODES });
        expect(printedDiff("Workspace", "ws-1", olds, news)).to.equal(undefined);
        expect(printedDiff("Release", "a-1/3", { assistantId: "a-1", description: "v1", release: "3", status: "Available" }, { assistantId: "a-1", description: "v1" })).to.equal(undefined);
    });

    it("examples, synonyms and a moved node are summarized inside their element", () => {
        const before = workspace({
            intents: INTENTS,
            entities: [{ entity: "product", values: [{ value: "phone", synonyms: ["mobile"] }] }],
            dialogNodes: NODES,
        });
        const news = {
            ...before.news,
            intents: [{ ...INTENTS[0], examples: [{ text: "refund please" }, { text: "give me a refund" }, { text: "money back" }] }, INTENTS[1]],
            entities: [{ entity: "product", values: [{ value: "phone", synonyms: ["mobile", "cell phone"] }] }],
            dialogNodes: [{ ...NODES[0], previousSibling: "bye" }, { ...NODES[1], previousSibling: undefined }],
        };
        expect(printedDiff("Workspace", "ws-1", before.olds, news)).to.equal([
            'Workspace "Support" (ws-1): update',
            "  intents: 1 changed",
            "    ~ intent #refund: +2 examples, -1 example",
            "  entities: 1 changed",
            "    ~ entity @product: value phone +1 synonym",
            "  dialogNodes: 2 changed",
            "    ~ dialog node welcome: moved",
            "    ~ dialog node bye: moved",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/intents/{intent}",
            "    1 x POST /v1/workspaces/{workspace_id}/entities/{entity}",
            "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
    });

    it("a renamed dialog node reads as one rename: its children and followers are not moved", () => {
        const before = workspace({ dialogNodes: [{ dialogNode: "help" }, { dialogNode: "faq", previousSibling: "help" }, { dialogNode: "faq_1", parent: "help" }] });
        const news = { ...before.news, dialogNodes: [{ dialogNode: "support" }, { dialogNode: "faq", previousSibling: "support" }, { dialogNode: "faq_1", parent: "support" }] };
        expect(printedDiff("Workspace", "ws-1", before.olds, news)).to.equal([
            'Workspace "Support" (ws-1): update',
            "  dialogNodes: 1 renamed",
            "    ~ dialog node help renamed to support",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            "",
        ].join("\n"));
    });

    it("long element lists are cut with a count", () => {
        const before = workspace({ intents: [] });
        const news = { ...before.news, intents: Array.from({ length: 14 }, (_, i) => ({ intent: `topic_${i}` })) };
        const lines = printedDiff("Workspace", "ws-1", before.olds, news)!.split("\n");
        expect(lines.slice(1, 3)).to.deep.equal(["  intents: 14 added", "    + intent #topic_0"]);
        expect(lines.filter((l) => l.startsWith("    + intent"))).to.have.length(10);
        expect(lines).to.include("    ... 4 more");
        expect(lines).to.include("    14 x POST /v1/workspaces/{workspace_id}/intents");
    });

    it("settings are named, free-form values and header values never printed", () => {
        const before = workspace({ webhooks: [{ name: "hook", url: "https://hooks.example/a", headers: [{ name: "Authorization", value: "Bearer old-token" }] }] });
        const news = {
            ...before.news,
            description: "Answers billing questions",
            metadata: { owner: "team-a" },
            webhooks: [{ name: "hook", url: "https://hooks.example/a", headers: [{ name: "Authorization", value: "Bearer new-token" }] }],
        };
        const printed = printedDiff("Workspace", "ws-1", before.olds, news)!;
        expect(printed).to.equal([
            'Workspace "Support" (ws-1): update',
            "  changed: description, metadata, webhooks[0].headers[0].value",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}",
            "",
        ].join("\n"));
        for (const value of ["new-token", "old-token", "team-a", "Answers billing"]) expect(printed).not.to.contain(value);
    });

    it("the separate element resources name their own changes", () => {
        expect(printedDiff("Intent", "ws-1/refund",
            { workspaceId: "ws-1", intent: "refund", examples: [{ text: "a" }] },
            { workspaceId: "ws-1", intent: "refund", examples: [{ text: "b" }, { text: "c" }] })).to.equal([
            "Intent #refund (ws-1/refund): update",
            "  examples: +2 examples, -1 example",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/intents/{intent}",
            "",
        ].join("\n"));
        expect(printedDiff("Entity", "ws-1/product",
            { workspaceId: "ws-1", entity: "product", values: [{ value: "phone", synonyms: ["mobile"] }, { value: "tv" }] },
            { workspaceId: "ws-1", entity: "product", values: [{ value: "phone", synonyms: ["mobile", "cell"] }] })).to.equal([
            "Entity @product (ws-1/product): update",
            "  values: 1 removed, 1 changed",
            "    - value tv",
            "    ~ value phone: +1 synonym",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/entities/{entity}",
            "",
        ].join("\n"));
        expect(printedDiff("DialogNode", "ws-1/welcome",
            { workspaceId: "ws-1", dialogNode: "welcome", conditions: "welcome", output: say("Hi") },
            { workspaceId: "ws-2", dialogNode: "welcome", conditions: "welcome", output: say("Hi") })).to.equal([
            "DialogNode welcome (ws-1/welcome): replace (workspaceId changed)",
            "  changed: workspaceId ws-1 -> ws-2",
            "  API calls:",
            "    1 x POST /v1/workspaces/{workspace_id}/dialog_nodes",
            "    1 x DELETE /v1/workspaces/{workspace_id}/dialog_nodes/{dialog_node}",
            "",
        ].join("\n"));
    });

    it("a Skill names the actions that changed", () => {
        const actions = [{ action: "welcome", title: "Welcome", steps: [] }, { action: "hours", title: "Opening hours", steps: [] }];
        expect(printedDiff("Skill", "a-1/s-1",
            { assistantId: "a-1", skillId: "s-1", workspace: { actions }, status: "Available" },
            { assistantId: "a-1", skillId: "s-1", workspace: { actions: [{ ...actions[0], title: "Hello" }, { action: "bye", title: "Goodbye", steps: [] }] } })).to.equal([
            'Skill "s-1" (a-1/s-1): update',
            "  workspace.actions: 1 added, 1 removed, 1 changed",
            "    + action bye",
            "    - action hours",
            "    ~ action welcome: title",
            "  API calls:",
            "    1 x POST /v2/assistants/{assistant_id}/skills/{skill_id}",
            "    then GET /v2/assistants/{assistant_id}/skills/{skill_id} until Available",
            "",
        ].join("\n"));
    });

    it("a Release replaced for new content, and an EnvironmentDeployment of another release", () => {
        expect(printedDiff("Release", "a-1/1",
            { assistantId: "a-1", description: "content 1", triggers: ["h1"], release: "1", status: "Available" },
            { assistantId: "a-1", description: "content 2", triggers: ["h2"] })).to.equal([
            'Release "content 2" (a-1/1): replace (description, triggers changed)',
            "  changed: description, triggers[0]",
            "  API calls:",
            "    1 x GET /v2/assistants/{assistant_id}/releases (a release of an interrupted run is taken over)",
            "    1 x POST /v2/assistants/{assistant_id}/releases",
            "    then GET /v2/assistants/{assistant_id}/releases/{release} until Available",
            "    the replaced release: DELETE /v2/assistants/{assistant_id}/releases/{release} (none with retainOnDelete)",
            "",
        ].join("\n"));
        expect(printedDiff("EnvironmentDeployment", "a-1/env-live",
            { assistantId: "a-1", environment: "live", release: "1", targetEnvironmentId: "env-live", environmentType: "live" },
            { assistantId: "a-1", environment: "live", release: "2" })).to.equal([
            "EnvironmentDeployment live (a-1/env-live): update",
            "  changed: release 1 -> 2",
            "  API calls:",
            "    1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy",
            "",
        ].join("\n"));
    });
});

describe("plan summary: creates, replacements and the plan file", () => {
    function reporterInto(out: string[], planFile?: string): PlanReporter {
        return new PlanReporter(() => ({ write: (text) => out.push(text), planFile }), (m) => out.push(`WARN ${m}`));
    }

    it("a new resource's check prints its content and calls; values not known yet read as such", () => {
        const out: string[] = [];
        const reporter = reporterInto(out);
        const ops = new ResourceOperations(specFor("Workspace"));
        const news = { name: "Support", intents: INTENTS, dialogNodes: NODES, __provider: "p" };
        reporter.check("Workspace", ops, { __provider: "p" }, ops.check({}, news));
        const release = new ResourceOperations(specFor("Release"));
        reporter.check("Release", release, {}, release.check({}, { assistantId: "a-1", description: UNKNOWN, __provider: "p" }));
        expect(out.join("")).to.equal([
            'Workspace "Support": create',
            "  content: 2 intents, 2 dialog nodes",
            "  API calls:",
            "    1 x GET /v1/workspaces (a workspace of an interrupted run is finished instead)",
            "    1 x POST /v1/workspaces",
            "    then GET /v1/workspaces/{workspace_id} until training is done",
            'Release "(known later)": create',
            "  API calls:",
            "    1 x GET /v2/assistants/{assistant_id}/releases (a release of an interrupted run is taken over)",
            "    1 x POST /v2/assistants/{assistant_id}/releases",
            "    then GET /v2/assistants/{assistant_id}/releases/{release} until Available",
            "",
        ].join("\n"));
    });

    it("checks of existing resources and the engine's second check of a replacement print nothing more", () => {
        const out: string[] = [];
        const reporter = reporterInto(out);
        const ops = new ResourceOperations(specFor("Release"));
        const stored = { assistantId: "a-1", description: "v1", release: "1", status: "Available" };
        const checked = ops.check({ assistantId: "a-1", description: "v1" }, { assistantId: "a-1", description: "v2", __provider: "p" });
        reporter.check("Release", ops, { assistantId: "a-1", description: "v1" }, checked);
        expect(out).to.deep.equal([]);
        reporter.diff("Release", ops, "a-1/1", stored, checked.inputs);
        expect(out).to.have.length(1);
        reporter.check("Release", ops, {}, ops.check({}, { assistantId: "a-1", description: "v2", __provider: "p" }));
        expect(out).to.have.length(1);
    });

    it("appends one Markdown section per resource to the plan file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-file-"));
        const planFile = path.join(dir, "plan.md");
        const out: string[] = [];
        const reporter = reporterInto(out, planFile);
        const ops = new ResourceOperations(specFor("EnvironmentDeployment"));
        const stored = { assistantId: "a-1", environment: "live", release: "1", targetEnvironmentId: "e-1" };
        reporter.diff("EnvironmentDeployment", ops, "a-1/e-1", stored, { assistantId: "a-1", environment: "live", release: "2" });
        reporter.diff("EnvironmentDeployment", ops, "a-1/e-1", stored, { assistantId: "a-1", environment: "live", release: "1" });
        reporter.diff("EnvironmentDeployment", ops, "a-1/e-1", stored, { assistantId: "a-1", environment: "live", release: "3" });
        expect(fs.readFileSync(planFile, "utf8")).to.equal([
            "#### EnvironmentDeployment live (a-1/e-1): update",
            "",
            "```text",
            "  changed: release 1 -> 2",
            "  API calls:",
            "    1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy",
            "```",
            "",
            "#### EnvironmentDeployment live (a-1/e-1): update",
            "",
            "```text",
            "  changed: release 1 -> 3",
            "  API calls:",
            "    1 x POST /v2/assistants/{assistant_id}/releases/{release}/deploy",
            "```",
            "",
            "",
        ].join("\n"));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("keeps every section whole when several plugin processes append to one plan file at once", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-file-"));
        const planFile = path.join(dir, "plan.md");
        const publish = require.resolve("../../provider/change-summary/publish");
        // Each writer appends 200 sections of about 6 KB, all writers at the same time.
        const writer = (n: number) => `
            const { publishSummary } = require(${JSON.stringify(publish)});
            const lines = Array.from({ length: 120 }, (_, i) => "    ~ intent #writer_${n}_line_" + i + ": +1 example");
            for (let s = 0; s < 200; s++) publishSummary({ header: "Workspace w${n} section " + s, lines }, { write: () => {}, planFile: ${JSON.stringify(planFile)} });`;
        await Promise.all([1, 2, 3, 4].map((n) => new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", writer(n)], { stdio: "inherit" });
            child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${n} exited ${code}`))));
        })));
        const sections = fs.readFileSync(planFile, "utf8").split(/^(?=#### )/m);
        expect(sections).to.have.length(800);
        for (const section of sections) {
            const writer = /^#### Workspace w(\d) section \d+\n\n```text\n/.exec(section)?.[1];
            expect(writer, section.slice(0, 80)).to.be.a("string");
            const body = section.split("\n").filter((l) => l.startsWith("    ~"));
            expect(body).to.have.length(120);
            expect(body.every((l) => l.includes(`#writer_${writer}_`))).to.equal(true);
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("escapes Markdown in headings and fences bodies longer than any backtick run", () => {
        const text = renderMarkdown({ header: 'Workspace "a_*b*" (ws): update', lines: ["  + intent #x```y"] });
        expect(text).to.equal('#### Workspace "a\\_\\*b\\*" (ws): update\n\n````text\n  + intent #x```y\n````\n\n');
    });

    it("reads from the pulumi command line whether an update was previewed and whether the command plans changes", () => {
        expect(parseArgs(["--color", "never", "up", "--yes", "--non-interactive"])).to.deep.equal({ command: "up", skipsPreview: false });
        expect(parseArgs(["up", "--yes", "--skip-preview", "--stack", "dev"])).to.deep.equal({ command: "up", skipsPreview: true });
        expect(parseArgs(["up", "-yf"])).to.deep.equal({ command: "up", skipsPreview: true });
        expect(parseArgs(["refresh", "--yes"]).command).to.equal("refresh");
        expect(parseArgs(["preview", "--diff", "--", "up", "-f"])).to.deep.equal({ command: "preview", skipsPreview: false });
    });

    it("the first summary of a run announces the token exchange with its calls; later ones do not repeat it", () => {
        const out: string[] = [];
        const exchange = tokenExchangeCall({ authType: "iam", apikey: "k", iamUrl: "http://127.0.0.1:4545/" } as ConnectionSettings)!;
        expect(exchange).to.equal("POST http://127.0.0.1:4545/identity/token (the API key's token, once per run)");
        expect(tokenExchangeCall({ authType: "iam", apikey: "k" } as ConnectionSettings)).to.match(/^POST https:\/\/iam\.cloud\.ibm\.com\/identity\/token /);
        expect(tokenExchangeCall({ authType: "noauth" } as ConnectionSettings)).to.equal(undefined);
        const reporter = new PlanReporter(() => ({ write: (text) => out.push(text) }), (m) => out.push(`WARN ${m}`), () => [exchange]);
        const release = new ResourceOperations(specFor("Release"));
        for (const description of ["one", "two"]) reporter.check("Release", release, {}, release.check({}, { assistantId: "a-1", description, __provider: "p" }));
        expect(out[0]).to.contain(`  API calls:\n    1 x ${exchange}\n    1 x GET /v2/assistants/{assistant_id}/releases`);
        expect(out[1]).not.to.contain("identity/token");
    });
});
