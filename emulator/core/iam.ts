import { createHmac, randomBytes, timingSafeEqual } from "crypto";

const GRANT_APIKEY = "urn:ibm:params:oauth:grant-type:apikey";
const GRANT_REFRESH = "refresh_token";

function base64url(data: string | Buffer): string {
    return Buffer.from(data).toString("base64url");
}

function sameSecret(a: string, b: string): boolean {
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
}

export type TokenGrantResult =
    | { ok: true; body: Record<string, unknown> }
    | { ok: false; status: number; message: string };

/**
 * The emulator's IAM: issues JWT-shaped access tokens (HS256 over a per-process secret) for the
 * configured API key and checks them on API calls. Tokens do not survive a restart.
 */
export class IamIssuer {
    private readonly secret = randomBytes(32);
    private readonly refreshTokens = new Map<string, number>();

    constructor(
        private readonly apikey: string | undefined,
        private readonly ttlSeconds: number,
        private readonly now: () => number,
    ) {}

    /** Handles the form fields of POST /identity/token. */
    grant(form: Record<string, string>): TokenGrantResult {
        if (form.grant_type === GRANT_APIKEY) {
            if (!form.apikey) return { ok: false, status: 400, message: "Provided API key could not be found" };
            if (!this.apikey || !sameSecret(form.apikey, this.apikey)) {
                return { ok: false, status: 400, message: "Provided API key could not be found" };
            }
            return { ok: true, body: this.issue() };
        }
        if (form.grant_type === GRANT_REFRESH) {
            const expiresAt = form.refresh_token ? this.refreshTokens.get(form.refresh_token) : undefined;
            if (expiresAt === undefined || expiresAt <= this.now()) {
                return { ok: false, status: 400, message: "Provided refresh token is invalid or expired" };
            }
            this.refreshTokens.delete(form.refresh_token);
            return { ok: true, body: this.issue() };
        }
        return { ok: false, status: 400, message: `Unsupported grant_type "${form.grant_type ?? ""}"` };
    }

    /** Whether a bearer token was issued here, is untampered and not yet expired. */
    verify(token: string): { valid: true } | { valid: false; reason: string } {
        const parts = token.split(".");
        if (parts.length !== 3) return { valid: false, reason: "The access token is malformed" };
        const expected = this.sign(`${parts[0]}.${parts[1]}`);
        if (!sameSecret(parts[2], expected)) return { valid: false, reason: "The access token is invalid" };
        let payload: { exp?: number };
        try {
            payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
        } catch {
            return { valid: false, reason: "The access token is malformed" };
        }
        if (typeof payload.exp !== "number" || payload.exp * 1000 <= this.now()) {
            return { valid: false, reason: "The access token has expired" };
        }
        return { valid: true };
    }

    private issue(): Record<string, unknown> {
        const iat = Math.floor(this.now() / 1000);
        const exp = iat + this.ttlSeconds;
        const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" }));
        const payload = base64url(
            JSON.stringify({ iss: "watson-assistant-emulator", sub: "apikey", iat, exp, jti: randomBytes(8).toString("hex") }),
        );
        const accessToken = `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
        const refreshToken = randomBytes(24).toString("base64url");
        // Refresh tokens live much longer than access tokens, as IAM's do.
        this.refreshTokens.set(refreshToken, this.now() + Math.max(this.ttlSeconds, 3600) * 24 * 1000);
        return {
            access_token: accessToken,
            refresh_token: refreshToken,
            token_type: "Bearer",
            expires_in: this.ttlSeconds,
            expiration: exp,
            scope: "ibm openid",
        };
    }

    private sign(data: string): string {
        return createHmac("sha256", this.secret).update(data).digest("base64url");
    }
}

/** Checks the Authorization header of an API call in `apikey` mode; undefined means allowed. */
export function checkAuthorization(header: string | undefined, apikey: string | undefined, iam: IamIssuer): string | undefined {
    if (!header) return "Missing Authorization header";
    const [scheme, value = ""] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(value, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        const user = decoded.slice(0, colon);
        const password = decoded.slice(colon + 1);
        if (colon < 0 || user !== "apikey" || !apikey || !sameSecret(password, apikey)) return "Invalid API key";
        return undefined;
    }
    if (/^bearer$/i.test(scheme)) {
        const verdict = iam.verify(value);
        return verdict.valid ? undefined : verdict.reason;
    }
    return `Unsupported authorization scheme "${scheme}"`;
}
