/**
 * Malformed answers from the service (truncated JSON, HTML error pages from a proxy, empty or
 * unexpected 2xx bodies) give clear errors naming the method, the path, the status and a snippet
 * of what came back: never a crash inside the provider (TypeError) and never a silent success.
 */
import { expect } from "chai";
import { checked } from "../support/direct";
import { directSession } from "./support/direct-session";
import { startScriptedService, type ScriptedService } from "./support/scripted-service";

const NOT_FOUND = { status: 404, body: '{"error":"Resource not found","code":404,"errors":[{"message":"Resource not found"}]}' };
const HTML_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>upstream timed out</p></body></html>";

describe("reliability: malformed service responses", function () {
    this.timeout(30_000);
    let service: ScriptedService;
    before(async () => (service = await startScriptedService()));
    after(async () => service.close());

    const session = () => directSession({ url: service.url, authType: "noauth", maxRetries: "2" });
    async function failure(run: () => Promise<unknown>): Promise<Error> {
        const outcome = await run().then((value) => ({ value }), (error) => ({ error }));
        expect(outcome, "must fail, not succeed silently").to.have.property("error");
        const err = (outcome as { error: Error }).error;
        expect(err).to.be.instanceOf(Error);
        expect(`${err.message}`, "no crash inside the provider").not.to.match(/Cannot read prop|undefined is not|is not a function|Unexpected token|JSON at position/);
        return err;
    }

    it("a truncated JSON body on a read names GET, the path, the status and a snippet", async () => {
        service.script({ status: 200, body: '{"name":"ws","intents":[{"intent":"a"' });
        const workspace = session().resource("Workspace");
        const err = await failure(() => workspace.read("w1", { name: "ws", language: "en", workspaceId: "w1", intents: [] }));
        expect(err.message).to.include("GET /v1/workspaces/w1");
        expect(err.message).to.match(/200/);
        expect(err.message).to.include('{"name":"ws"');
    });

    it("an HTML error page on a create names POST, the path, the status and the page's text", async () => {
        service.script({ status: 502, body: HTML_PAGE, contentType: "text/html" });
        const intent = session().resource("Intent");
        const err = await failure(async () => intent.create(await checked(intent, { workspaceId: "w1", intent: "hello" })));
        expect(err.message).to.include("POST /v1/workspaces/w1/intents");
        expect(err.message).to.match(/502/);
        expect(err.message).to.match(/Bad Gateway/);
    });

    it("an HTML page with status 200 on an update is an error, not a success", async () => {
        // The update reads the element first (changes made in the service), then writes it.
        service.script({ status: 200, body: '{"intent":"hello"}' }, { status: 200, body: HTML_PAGE, contentType: "text/html" });
        const intent = session().resource("Intent");
        const olds = { workspaceId: "w1", intent: "hello" };
        const err = await failure(async () => intent.update("w1/hello", olds, await checked(intent, { ...olds, description: "new" }, olds)));
        expect(err.message).to.include("POST /v1/workspaces/w1/intents/hello");
        expect(err.message).to.match(/non-JSON|text\/html/);
    });

    it("an empty 201 body on a workspace create is an error, not a workspace without id", async () => {
        service.script({ status: 201, body: "" }, NOT_FOUND);
        const workspace = session().resource("Workspace");
        const err = await failure(async () => workspace.create(await checked(workspace, { name: "ws", waitForTraining: false })));
        expect(err.message).to.match(/workspace/i);
        expect(err.message).to.match(/POST \/v1\/workspaces|workspace_id/);
    });

    it("an unexpected {} body on a workspace create is an error, not a workspace without id", async () => {
        // Later requests get 404, so that a provider that goes on with an undefined id fails instead of polling.
        service.script({ status: 201, body: "{}" }, NOT_FOUND);
        const workspace = session().resource("Workspace");
        const err = await failure(async () => workspace.create(await checked(workspace, { name: "ws", waitForTraining: false })));
        expect(err.message).to.match(/POST \/v1\/workspaces|workspace_id/);
    });

    it("an unexpected {} body on an assistant create is an error naming the missing id", async () => {
        service.script({ status: 200, body: '{"assistants":[]}' }, { status: 201, body: "{}" }, { status: 200, body: '{"assistants":[]}' });
        const assistant = session().resource("Assistant");
        const err = await failure(async () => assistant.create(await checked(assistant, { name: "a" })));
        expect(err.message).to.match(/POST \/v2\/assistants|assistant_id/);
    });

    it("an empty body on a release create is an error naming the release route", async () => {
        service.script({ status: 200, body: '{"releases":[]}' }, { status: 202, body: "" }, NOT_FOUND);
        const release = session().resource("Release");
        const err = await failure(async () => release.create(await checked(release, { assistantId: "a1" })));
        expect(err.message).to.match(/\/v2\/assistants\/a1\/releases|release/);
    });

    it("a list page that is not an object with the expected items is an error, not an empty list", async () => {
        service.script({ status: 200, body: '"maintenance"' });
        const assistant = session().resource("Assistant");
        const err = await failure(() => assistant.read("a1", { name: "a", assistantId: "a1" }));
        expect(err.message).to.include("GET /v2/assistants");
    });

    it("a 400 HTML page from a proxy is final (not retried) and quotes the page", async () => {
        service.script({ status: 400, body: "<html><body>Request header or cookie too large</body></html>", contentType: "text/html" });
        const intent = session().resource("Intent");
        const err = await failure(async () => intent.create(await checked(intent, { workspaceId: "w1", intent: "hello" })));
        expect(err.message).to.match(/400/);
        expect(err.message).to.include("cookie too large");
        expect(service.requests).to.deep.equal(["POST /v1/workspaces/w1/intents"]);
    });
});
