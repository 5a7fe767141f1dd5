import { expect } from "chai";
import { describeSettings, resolveSettings, settingsSecrets } from "../../provider/config";

const URL = "https://api.us-south.assistant.watson.cloud.ibm.com/instances/abc";
const config = (values: Record<string, string>) => (key: string) => values[key];
const noExternal = () => ({});

describe("resolveSettings", () => {
    it("reads watson-assistant config first and infers IAM from an API key", () => {
        const s = resolveSettings(config({ url: `${URL}/`, apikey: "k1" }), { ASSISTANT_APIKEY: "env-key" }, noExternal);
        expect(s).to.deep.include({ url: URL, authType: "iam", apikey: "k1", versionV1: "2021-11-27", versionV2: "2024-08-25", disableSslVerification: false, learningOptOut: false });
        expect(s.retry.maxAttempts).to.be.greaterThan(1);
    });

    it("drops a trailing /v1 or /v2 from the service URL (request paths carry it), so calls never go to /v1/v1/...", () => {
        for (const suffix of ["/v1", "/v2/", "/V1"]) expect(resolveSettings(config({ url: `${URL}${suffix}` }), {}, noExternal).url).to.equal(URL);
        expect(resolveSettings(config({ url: "http://127.0.0.1:8080/v1" }), {}, noExternal).url).to.equal("http://127.0.0.1:8080");
    });

    it("falls back to IBM's environment variables", () => {
        const s = resolveSettings(config({}), { ASSISTANT_URL: URL, ASSISTANT_USERNAME: "u", ASSISTANT_PASSWORD: "p", ASSISTANT_DISABLE_SSL: "true", ASSISTANT_AUTH_URL: "https://iam.example" }, noExternal);
        expect(s).to.deep.include({ authType: "basic", username: "u", password: "p", disableSslVerification: true, iamUrl: "https://iam.example" });
        expect(resolveSettings(config({}), { ASSISTANT_URL: URL, ASSISTANT_BEARER_TOKEN: "t" }, noExternal).authType).to.equal("bearertoken");
        expect(resolveSettings(config({}), { ASSISTANT_URL: URL }, noExternal).authType).to.equal("noauth");
    });

    it("uses IBM's credentials file (external sources) when config and env give no credentials", () => {
        const s = resolveSettings(config({}), {}, (service) => (service === "assistant" ? { url: URL, apikey: "file-key", authUrl: "https://iam.test", disableSsl: false } : {}));
        expect(s).to.deep.include({ url: URL, authType: "iam", apikey: "file-key", iamUrl: "https://iam.test" });
    });

    it("accepts versions, timeouts, retries and opt-out from config", () => {
        const s = resolveSettings(config({ url: URL, authType: "noauth", versionV1: "2020-04-01", versionV2: "2023-06-15", timeoutMs: "5000", maxRetries: "0", learningOptOut: "true" }), {}, noExternal);
        expect(s).to.deep.include({ versionV1: "2020-04-01", versionV2: "2023-06-15", timeoutMs: 5000, learningOptOut: true });
        expect(s.retry.maxAttempts).to.equal(1);
    });

    it("explains what is missing or malformed", () => {
        expect(() => resolveSettings(config({}), {}, noExternal)).to.throw(/watson-assistant:url.*ASSISTANT_URL/);
        expect(() => resolveSettings(config({ url: URL, authType: "iam" }), {}, noExternal)).to.throw(/authType "iam" needs watson-assistant:apikey/);
        expect(() => resolveSettings(config({ url: URL, authType: "kerberos" }), {}, noExternal)).to.throw(/not supported/);
        expect(() => resolveSettings(config({ url: URL, versionV2: "24-08-25" }), {}, noExternal)).to.throw(/YYYY-MM-DD/);
        expect(() => resolveSettings(config({ url: "api.example.com" }), {}, noExternal)).to.throw(/http\(s\) URL/);
    });

    it("describes settings without secrets", () => {
        const s = resolveSettings(config({ url: URL, apikey: "very-secret-key", password: "pw-secret" }), {}, noExternal);
        const text = JSON.stringify(describeSettings(s));
        expect(text).not.to.contain("very-secret-key");
        expect(text).not.to.contain("pw-secret");
        expect(describeSettings(s)).to.include({ url: URL, authType: "iam", apikey: "[redacted]" });
    });

    it("keeps credentials written into the URL out of descriptions, secrets lists and errors", () => {
        const s = resolveSettings(config({ url: "https://user-x:pass-y@cp4d.example/assistant" }), {}, noExternal);
        expect(JSON.stringify(describeSettings(s))).not.to.match(/user-x|pass-y/);
        expect(settingsSecrets(s)).to.include.members(["user-x", "pass-y"]);
        expect(() => resolveSettings(config({ url: "user-x:pass-y@cp4d.example" }), {}, noExternal)).to.throw(/http\(s\) URL/)
            .with.property("message").that.does.not.match(/pass-y/);
    });
});
