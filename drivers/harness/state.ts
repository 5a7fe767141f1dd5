// The harness's state file: one JSON document per stack, holding every resource (in creation order)
// and the stack outputs. In memory, secret values are wrapped in Pulumi's secret sigil
// ({sig, value}); on disk the value is replaced by a ciphertext ({sig, ciphertext}).
import * as fs from "fs";
import * as path from "path";
import { PropertyMap } from "./plugin";
import { isEncryptedSecret, isWrappedSecret, SecretBox, wrapSecret } from "./secrets";

export interface StateResource {
    urn: string;
    type: string;
    name: string;
    /** Custom (provider-managed) resource; false for components. */
    custom: boolean;
    id: string;
    parent?: string;
    /** URNs this resource depended on when it was last registered. */
    dependencies: string[];
    /** Checked inputs, including the serialized provider in `__provider`. */
    inputs: PropertyMap;
    /** Provider outputs, including the `__provider` that Delete and Read will use. */
    outputs: PropertyMap;
    additionalSecretOutputs?: string[];
    deleteBeforeReplace?: boolean;
    retainOnDelete?: boolean;
    protect?: boolean;
    /** A replaced resource whose delete has not happened yet (the run failed before it). */
    pendingDelete?: boolean;
    /** Why the last create or update stopped half-way (ErrorResourceInitFailed); the next up updates it. */
    initErrors?: string[];
}

export interface StateFile {
    version: 1;
    project: string;
    stack: string;
    secretsProvider: { type: "passphrase"; salt: string };
    outputs: PropertyMap;
    resources: StateResource[];
}

export function emptyState(project: string, stack: string, salt: string): StateFile {
    return { version: 1, project, stack, secretsProvider: { type: "passphrase", salt }, outputs: {}, resources: [] };
}

export function readStateFile(file: string): StateFile | undefined {
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, "utf8")) as StateFile;
}

/** Writes atomically so a crash mid-write never leaves half a state file. */
export function writeStateFile(file: string, state: StateFile): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(state, null, 2) + "\n");
    fs.renameSync(temp, file);
}

/** Replaces wrapped secrets by ciphertexts, at any depth. */
export function encryptSecrets<T>(value: T, box: SecretBox): T {
    return mapSecrets(value, (v) => (isWrappedSecret(v) ? box.encrypt(v.value) : undefined)) as T;
}

/** Replaces ciphertexts by wrapped secrets, at any depth. */
export function decryptSecrets<T>(value: T, box: SecretBox): T {
    return mapSecrets(value, (v) => (isEncryptedSecret(v) ? wrapSecret(box.decrypt(v)) : undefined)) as T;
}

function mapSecrets(value: unknown, replace: (v: unknown) => unknown): unknown {
    const replaced = replace(value);
    if (replaced !== undefined) return replaced;
    if (Array.isArray(value)) return value.map((v) => mapSecrets(v, replace));
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = mapSecrets(v, replace);
        return out;
    }
    return value;
}

/** Removes secret wrappers at any depth: what the plugin (acceptSecrets=false) is sent. */
export function unwrapSecrets<T>(value: T): T {
    if (isWrappedSecret(value)) return unwrapSecrets(value.value) as T;
    if (Array.isArray(value)) return value.map((v) => unwrapSecrets(v)) as T;
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = unwrapSecrets(v);
        return out as T;
    }
    return value;
}

/** Top-level keys whose value is (or contains) a secret. */
export function secretKeys(props: PropertyMap): Set<string> {
    const keys = new Set<string>();
    for (const [k, v] of Object.entries(props)) if (containsSecret(v)) keys.add(k);
    return keys;
}

function containsSecret(value: unknown): boolean {
    if (isWrappedSecret(value) || isEncryptedSecret(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecret);
    if (typeof value === "object" && value !== null) return Object.values(value).some(containsSecret);
    return false;
}

/** Wraps the values of `keys` as secrets (secretness is tracked per top-level property, like the SDK). */
export function markSecret(props: PropertyMap, keys: Iterable<string>): PropertyMap {
    const out: PropertyMap = { ...props };
    for (const k of keys) {
        if (k in out && out[k] !== undefined && !isWrappedSecret(out[k])) out[k] = wrapSecret(unwrapSecrets(out[k]));
    }
    return out;
}
