// Secret handling, modelled on Pulumi's passphrase secrets provider: AES-256-GCM with a key derived
// from a passphrase (PBKDF2-SHA256) and a per-state-file salt; ciphertexts look like
// "v1:<nonce base64>:<ciphertext+tag base64>" and sit inside Pulumi's secret sigil object.
import * as crypto from "crypto";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The value the engine and plugin use for "not known yet" (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Fewer rounds than Pulumi's 1,000,000 so that every test's fresh state file stays quick. */
const STATE_KDF_ROUNDS = 100_000;
const PULUMI_CONFIG_KDF_ROUNDS = 1_000_000;

export interface EncryptedSecret { [SIG_KEY]: typeof SECRET_SIG; ciphertext: string }
export interface WrappedSecret { [SIG_KEY]: typeof SECRET_SIG; value: unknown }

export function isSigObject(value: unknown, sig: string): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && (value as Record<string, unknown>)[SIG_KEY] === sig;
}

export function isWrappedSecret(value: unknown): value is WrappedSecret {
    return isSigObject(value, SECRET_SIG) && "value" in value;
}

export function isEncryptedSecret(value: unknown): value is EncryptedSecret {
    return isSigObject(value, SECRET_SIG) && typeof value.ciphertext === "string";
}

export function wrapSecret(value: unknown): WrappedSecret {
    return { [SIG_KEY]: SECRET_SIG, value };
}

const keyCache = new Map<string, Buffer>();

function deriveKey(passphrase: string, salt: Buffer, rounds: number): Buffer {
    const cacheKey = `${rounds}:${salt.toString("base64")}:${crypto.createHash("sha256").update(passphrase).digest("hex")}`;
    let key = keyCache.get(cacheKey);
    if (!key) {
        key = crypto.pbkdf2Sync(passphrase, salt, rounds, 32, "sha256");
        keyCache.set(cacheKey, key);
    }
    return key;
}

function seal(key: Buffer, plaintext: string): string {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
}

function open(key: Buffer, ciphertext: string): string {
    const [version, nonce, body] = ciphertext.split(":");
    if (version !== "v1" || !nonce || !body) throw new Error("unrecognised secret ciphertext");
    const raw = Buffer.from(body, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    try {
        return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
    } catch {
        throw new Error("cannot decrypt secret: wrong passphrase?");
    }
}

/** Encrypts and decrypts secret values of one state file. */
export class SecretBox {
    private readonly key: Buffer;

    constructor(passphrase: string, readonly salt: string = crypto.randomBytes(16).toString("base64")) {
        this.key = deriveKey(passphrase, Buffer.from(salt, "base64"), STATE_KDF_ROUNDS);
    }

    encrypt(value: unknown): EncryptedSecret {
        return { [SIG_KEY]: SECRET_SIG, ciphertext: seal(this.key, JSON.stringify(value ?? null)) };
    }

    decrypt(secret: EncryptedSecret): unknown {
        return JSON.parse(open(this.key, secret.ciphertext));
    }
}

/**
 * Decrypts a `secure:` value of a Pulumi.<stack>.yaml written by the Pulumi CLI with the passphrase
 * provider (`encryptionsalt: v1:<salt>:<check ciphertext>`). Written from Pulumi's documented
 * scheme; not verified against a CLI-written file on this machine.
 */
export function decryptPulumiConfigValue(passphrase: string, encryptionSalt: string, secure: string): string {
    const [version, salt] = encryptionSalt.split(":");
    if (version !== "v1" || !salt) throw new Error(`unrecognised encryptionsalt "${encryptionSalt}"`);
    const key = deriveKey(passphrase, Buffer.from(salt, "base64"), PULUMI_CONFIG_KDF_ROUNDS);
    return open(key, secure);
}

/** The inverse of decryptPulumiConfigValue, for writing stack config files in tests. */
export function encryptPulumiConfigValue(passphrase: string, encryptionSalt: string, value: string): string {
    const [, salt] = encryptionSalt.split(":");
    return seal(deriveKey(passphrase, Buffer.from(salt, "base64"), PULUMI_CONFIG_KDF_ROUNDS), value);
}

/** A fresh `encryptionsalt` line value in Pulumi's shape (salt plus an encrypted check message). */
export function newPulumiEncryptionSalt(passphrase: string): string {
    const salt = crypto.randomBytes(8).toString("base64");
    const check = seal(deriveKey(passphrase, Buffer.from(salt, "base64"), PULUMI_CONFIG_KDF_ROUNDS), "pulumi");
    return `v1:${salt}:${check}`;
}
