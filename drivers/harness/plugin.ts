// Spawns the real dynamic-provider plugin server (what the CLI's pulumi-resource-pulumi-nodejs shim
// runs) and drives it over gRPC with the engine's requests.
import { ChildProcess, spawn } from "child_process";
import * as grpc from "@grpc/grpc-js";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as statusProto from "@pulumi/pulumi/proto/status_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export type PropertyMap = Record<string, unknown>;

export interface CheckFailure { property: string; reason: string }
export interface CheckResult { inputs: PropertyMap; failures: CheckFailure[] }
export type DiffChanges = "none" | "some" | "unknown";
export interface DiffResult { changes: DiffChanges; replaces: string[]; deleteBeforeReplace: boolean }
export interface ReadResult { id: string; properties: PropertyMap; inputs?: PropertyMap }

/** A provider error; `partial` is set when create made the object but failed to initialize it. */
export class ProviderCallError extends Error {
    constructor(
        message: string,
        readonly providerMessage: string,
        readonly partial?: { id: string; properties: PropertyMap },
    ) {
        super(message);
    }
}

const pluginEntry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");

export interface PluginStartOptions {
    cwd: string;
    project: string;
    stack: string;
    env?: Record<string, string>;
}

export class PluginServer {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: providerRpc.ResourceProviderClient,
        private readonly stderr: () => string,
        private readonly stdout: () => string,
    ) {}

    static async start(options: PluginStartOptions): Promise<PluginServer> {
        const child = spawn(process.execPath, [pluginEntry, "127.0.0.1:1"], {
            cwd: options.cwd,
            env: {
                ...process.env,
                PULUMI_NODEJS_PROJECT: options.project,
                PULUMI_NODEJS_STACK: options.stack,
                ...options.env,
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", (chunk: Buffer) => {
            stderr = (stderr + chunk.toString()).slice(-20_000);
        });
        // After the port line, stdout is what the CLI shows as info (plan summaries).
        let output = "";
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            const onData = (chunk: Buffer) => {
                stdout += chunk.toString();
                const newline = stdout.indexOf("\n");
                if (newline >= 0) {
                    child.stdout!.off("data", onData);
                    // Keep draining stdout so console.log in providers never blocks the plugin.
                    output = stdout.slice(newline + 1);
                    child.stdout!.on("data", (more: Buffer) => { output += more.toString(); });
                    resolve(Number(stdout.slice(0, newline).trim()));
                }
            };
            child.stdout!.on("data", onData);
            child.once("exit", (code) => reject(new Error(`plugin server exited (${code}) before printing its port: ${stderr}`)));
            child.once("error", reject);
        });
        const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new PluginServer(child, client, () => stderr, () => output);
    }

    /** What the plugin wrote to stderr (provider console.error output, stack traces). */
    get errorOutput(): string {
        return this.stderr();
    }

    /** What the plugin wrote to stdout after its port: the Pulumi CLI shows each line as info. Complete after close(). */
    get standardOutput(): string {
        return this.stdout();
    }

    async configure(config: Record<string, string>): Promise<void> {
        const req = new providerProto.ConfigureRequest();
        for (const [key, value] of Object.entries(config)) req.getVariablesMap().set(key, value);
        // The server reads only args and hangs if they are missing, so always send a Struct.
        req.setArgs(Struct.fromJavaScript(config as never));
        req.setAcceptsecrets(false);
        req.setAcceptresources(false);
        await this.call("Configure", (cb) => this.client.configure(req, cb));
    }

    async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
        const req = new providerProto.CheckRequest();
        req.setUrn(urn);
        req.setOlds(toStruct(olds));
        req.setNews(toStruct(news));
        const resp = await this.call<providerProto.CheckResponse>("Check", (cb) => this.client.check(req, cb));
        return {
            inputs: (resp.getInputs()?.toJavaScript() ?? {}) as PropertyMap,
            failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
        };
    }

    async diff(urn: string, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<DiffResult> {
        const req = new providerProto.DiffRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setOlds(toStruct(olds));
        req.setNews(toStruct(news));
        req.setOldInputs(toStruct(oldInputs));
        const resp = await this.call<providerProto.DiffResponse>("Diff", (cb) => this.client.diff(req, cb));
        const changes = resp.getChanges();
        const Changes = providerProto.DiffResponse.DiffChanges;
        return {
            changes: changes === Changes.DIFF_SOME ? "some" : changes === Changes.DIFF_NONE ? "none" : "unknown",
            replaces: resp.getReplacesList(),
            deleteBeforeReplace: resp.getDeletebeforereplace(),
        };
    }

    async create(urn: string, properties: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
        const req = new providerProto.CreateRequest();
        req.setUrn(urn);
        req.setProperties(toStruct(properties));
        const resp = await this.call<providerProto.CreateResponse>("Create", (cb) => this.client.create(req, cb));
        return { id: resp.getId(), properties: (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap };
    }

    async update(urn: string, id: string, olds: PropertyMap, news: PropertyMap, oldInputs: PropertyMap): Promise<PropertyMap> {
        const req = new providerProto.UpdateRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setOlds(toStruct(olds));
        req.setNews(toStruct(news));
        req.setOldInputs(toStruct(oldInputs));
        const resp = await this.call<providerProto.UpdateResponse>("Update", (cb) => this.client.update(req, cb));
        return (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap;
    }

    async delete(urn: string, id: string, properties: PropertyMap, oldInputs: PropertyMap): Promise<void> {
        const req = new providerProto.DeleteRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setProperties(toStruct(properties));
        req.setOldInputs(toStruct(oldInputs));
        await this.call("Delete", (cb) => this.client.delete(req, cb));
    }

    async read(urn: string, id: string, properties: PropertyMap, inputs: PropertyMap): Promise<ReadResult> {
        const req = new providerProto.ReadRequest();
        req.setUrn(urn);
        req.setId(id);
        req.setProperties(toStruct(properties));
        req.setInputs(toStruct(inputs));
        const resp = await this.call<providerProto.ReadResponse>("Read", (cb) => this.client.read(req, cb));
        const inputsStruct = resp.getInputs();
        return {
            id: resp.getId(),
            properties: (resp.getProperties()?.toJavaScript() ?? {}) as PropertyMap,
            inputs: inputsStruct ? (inputsStruct.toJavaScript() as PropertyMap) : undefined,
        };
    }

    async close(): Promise<void> {
        this.client.close();
        if (this.child.exitCode !== null || this.child.signalCode !== null) return;
        // "close" comes after the exit and after stdout and stderr are drained.
        await new Promise<void>((resolve) => {
            this.child.once("close", () => resolve());
            this.child.kill();
        });
    }

    private call<T>(method: string, invoke: (cb: (err: grpc.ServiceError | null, resp: T) => void) => void): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            invoke((err, resp) => {
                if (err) reject(toProviderError(method, err));
                else resolve(resp);
            });
        });
    }
}

function toStruct(value: PropertyMap): Struct {
    return Struct.fromJavaScript(value as never);
}

function toProviderError(method: string, err: grpc.ServiceError): ProviderCallError {
    const providerMessage = err.details || err.message;
    return new ProviderCallError(`${method} failed: ${providerMessage}`, providerMessage, partialCreate(err));
}

/** Decodes ErrorResourceInitFailed (the object exists but failed to initialize) from the error metadata. */
function partialCreate(err: grpc.ServiceError): { id: string; properties: PropertyMap } | undefined {
    const raw = err.metadata?.get("grpc-status-details-bin")?.[0];
    if (!raw) return undefined;
    const status = statusProto.Status.deserializeBinary(new Uint8Array(raw as Buffer));
    for (const detail of status.getDetailsList()) {
        if (!detail.getTypeName().endsWith("ErrorResourceInitFailed")) continue;
        const failed = providerProto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
        return { id: failed.getId(), properties: (failed.getProperties()?.toJavaScript() ?? {}) as PropertyMap };
    }
    return undefined;
}
