/**
 * Request credentials through ibm-cloud-sdk-core's authenticators, so every IBM auth type (and its
 * token caching and early refresh) behaves as in IBM's own SDKs. Only the headers are used: the
 * requests themselves go through node-fetch in the ApiClient.
 */
import {
    Authenticator,
    BasicAuthenticator,
    BearerTokenAuthenticator,
    CloudPakForDataAuthenticator,
    IamAuthenticator,
    NoAuthAuthenticator,
} from "ibm-cloud-sdk-core";
import { createHash } from "crypto";
import type { ConnectionSettings } from "./config";

export function createAuthenticator(settings: ConnectionSettings): Authenticator {
    const disableSslVerification = settings.disableSslVerification;
    switch (settings.authType) {
        case "iam":
            // The token manager posts to `<url>/identity/token`; url is the IAM base.
            return new IamAuthenticator({
                apikey: required(settings.apikey, "apikey"),
                ...(settings.iamUrl ? { url: settings.iamUrl } : {}),
                disableSslVerification,
            });
        case "bearertoken":
            return new BearerTokenAuthenticator({ bearerToken: required(settings.bearerToken, "bearerToken") });
        case "basic":
            return new BasicAuthenticator({
                username: required(settings.username, "username"),
                password: required(settings.password, "password"),
            });
        case "cp4d":
            return new CloudPakForDataAuthenticator({
                username: required(settings.username, "username"),
                ...(settings.password ? { password: settings.password } : { apikey: required(settings.apikey, "apikey") }),
                url: required(settings.iamUrl, "iamUrl"),
                disableSslVerification,
            });
        case "noauth":
            return new NoAuthAuthenticator();
    }
}

/** IBM's IAM, where an API key is exchanged when `iamUrl` is not set (IamAuthenticator's default). */
const DEFAULT_IAM_URL = "https://iam.cloud.ibm.com";

/**
 * The token exchange a client of these settings makes before its first API call (and again only
 * when the token expires), as a plan summary announces it; undefined for auth without tokens.
 */
export function tokenExchangeCall(settings: ConnectionSettings): string | undefined {
    const base = (url: string | undefined) => {
        const parsed = new URL(url ?? DEFAULT_IAM_URL);
        return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
    };
    if (settings.authType === "iam") return `POST ${base(settings.iamUrl)}/identity/token (the API key's token, once per run)`;
    if (settings.authType === "cp4d" && settings.iamUrl) return `POST ${base(settings.iamUrl)}/v1/authorize (the token, once per run)`;
    return undefined;
}

/** The headers one authenticator adds to a request (e.g. `Authorization: Bearer …`). */
export async function authHeaders(authenticator: Authenticator): Promise<Record<string, string>> {
    const request: { headers: Record<string, string> } = { headers: {} };
    await authenticator.authenticate(request);
    return request.headers;
}

/**
 * The credentials of one client. Token-based authenticators cache their token; `refresh()` drops
 * the cache (by building a new authenticator) so that a 401 leads to exactly one fresh exchange.
 */
export class AuthSession {
    private static readonly sessions = new Map<string, AuthSession>();
    private authenticator: Authenticator;

    /**
     * One session per distinct credentials in this process, so that the many short-lived clients
     * of a deployment share one IAM token instead of exchanging the key for each operation.
     */
    static shared(settings: ConnectionSettings): AuthSession {
        const id = sessionId(settings);
        let session = AuthSession.sessions.get(id);
        if (!session) {
            session = new AuthSession(settings);
            AuthSession.sessions.set(id, session);
        }
        return session;
    }

    constructor(private readonly settings: ConnectionSettings) {
        this.authenticator = createAuthenticator(settings);
    }

    get authType(): string {
        return this.settings.authType;
    }

    /** Whether a refresh can change anything (a static bearer token or basic pair cannot). */
    get canRefresh(): boolean {
        return this.settings.authType === "iam" || this.settings.authType === "cp4d";
    }

    authHeaders(): Promise<Record<string, string>> {
        return authHeaders(this.authenticator);
    }

    refresh(): void {
        this.authenticator = createAuthenticator(this.settings);
    }
}

/** A digest of what identifies the credentials (never the secrets themselves in clear). */
function sessionId(s: ConnectionSettings): string {
    const parts = [s.authType, s.iamUrl, s.apikey, s.bearerToken, s.username, s.password, String(s.disableSslVerification)];
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

function required(value: string | undefined, key: string): string {
    if (!value) throw new Error(`watson-assistant: ${key} is required for this authType.`);
    return value;
}
