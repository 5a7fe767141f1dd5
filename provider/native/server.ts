/**
 * The gRPC side of the native plugin: the engine's ResourceProvider protocol served with the
 * generated stubs of @pulumi/pulumi/proto. @pulumi/pulumi/provider's own server sends no
 * detailed diff, drops the stack's config in Configure and old inputs in Diff, so this one
 * translates requests to a `NativeProvider` (plain JSON in and out) and nothing else. Methods it
 * leaves out (invoke, construct, call, ...) answer UNIMPLEMENTED, as grpc-js does by default.
 */
import * as grpc from "@grpc/grpc-js";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as statusProto from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CheckFailure } from "../validation";
import { PartialFailure } from "../bridge/errors";
import type { DetailedDiff, DiffKind } from "./detailed-diff";
import { withoutUndefined } from "../values";
import { EchoedStruct, type MethodStructs, type WiredRequest, type WiredResponse, wiredService } from "./wire-messages";

type Bag = Record<string, any>;

/** One resource call: its type token's type name and URN. */
export interface Target {
    type: string;
    urn: string;
}

export interface NativeDiff {
    changes: boolean;
    replaces: string[];
    deleteBeforeReplace: boolean;
    detailedDiff: DetailedDiff;
}

/** What the front door implements, in plain JSON (secrets arrive unwrapped: acceptSecrets is false). */
export interface NativeProvider {
    version: string;
    schema(): string;
    /** The stack's config of this package, by bare key (`url`). */
    configure(variables: Record<string, string>): void;
    /** `added`: when the checked inputs are the declared ones plus these members (the server then re-sends the request's own values). */
    check(target: Target, olds: Bag, news: Bag): { inputs: Bag; failures?: CheckFailure[]; added?: Bag };
    /** `oldInputs`: the last deployment's inputs, read only when needed (a large workspace's conversion is not free). */
    diff(target: Target, id: string, olds: Bag, news: Bag, oldInputs: () => Bag | undefined): NativeDiff;
    create(target: Target, news: Bag): Promise<{ id: string; outs: Bag }>;
    read(target: Target, id: string, props: Bag, inputs: Bag): Promise<{ id: string; props?: Bag; inputs?: Bag }>;
    update(target: Target, id: string, olds: Bag, news: Bag): Promise<Bag>;
    delete(target: Target, id: string, props: Bag): Promise<void>;
}

const KINDS: Record<DiffKind, providerProto.PropertyDiff.Kind> = {
    add: providerProto.PropertyDiff.Kind.ADD,
    addReplace: providerProto.PropertyDiff.Kind.ADD_REPLACE,
    delete: providerProto.PropertyDiff.Kind.DELETE,
    deleteReplace: providerProto.PropertyDiff.Kind.DELETE_REPLACE,
    update: providerProto.PropertyDiff.Kind.UPDATE,
    updateReplace: providerProto.PropertyDiff.Kind.UPDATE_REPLACE,
};

/** `urn:pulumi:stack::project::[parent$]pkg:module:Type::name` -> `Type`. */
export function typeOfUrn(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    const token = qualified.split("$").pop() ?? "";
    return token.split(":")[2] ?? token;
}

/** The signature key of a secret value in a protobuf Struct (the engine's wire form of secrets). */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** A secret's value (config args arrive as secrets even when the provider does not accept them). */
function unwrapSecret(value: unknown): unknown {
    return value && typeof value === "object" && SECRET_SIGNATURE in value ? (value as { value?: unknown }).value : value;
}

const plain = (struct: Struct | undefined): Bag => (struct ? (struct.toJavaScript() as Bag) : {});
const struct = (bag: Bag | undefined): Struct => Struct.fromJavaScript(withoutUndefined(bag ?? {}) as any);

function targetOf(req: { getUrn(): string; getType?(): string }): Target {
    const urn = req.getUrn();
    const token = req.getType?.() ?? "";
    return { urn, type: token ? token.split(":")[2] ?? token : typeOfUrn(urn) };
}

/** The Struct fields of the resource calls, by field number (provider.proto): decoded by wire-messages.ts, not by the stubs. */
const RESOURCE_CALL_STRUCTS: Record<string, MethodStructs> = {
    check: { request: { olds: 2, news: 3 }, response: { inputs: 1 } },
    diff: { request: { olds: 3, news: 4, oldInputs: 6 }, response: {} },
    create: { request: { properties: 2 }, response: { properties: 2 } },
    read: { request: { properties: 3, inputs: 4 }, response: { properties: 2, inputs: 3 } },
    update: { request: { olds: 3, news: 4, oldInputs: 8 }, response: { properties: 1 } },
    delete: { request: { properties: 3, oldInputs: 5 }, response: {} },
};

type Wired<M> = WiredRequest<M>;
const members = (req: Wired<unknown>, name: string): Bag => req.structs[name]?.value() ?? {};

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

/** A unary handler from an async function; errors become gRPC errors (a PartialFailure: ErrorResourceInitFailed). */
function unary<Req, Res>(work: (req: Req) => Res | Promise<Res>): Unary<Req, Res> {
    return (call, callback) => {
        Promise.resolve()
            .then(() => work(call.request))
            .then((res) => callback(null, res), (err) => callback(grpcError(err)));
    };
}

function grpcError(err: unknown): Partial<grpc.StatusObject> {
    const message = err instanceof Error ? err.message : String(err);
    const metadata = new grpc.Metadata();
    if (err instanceof PartialFailure) {
        const detail = new providerProto.ErrorResourceInitFailed();
        detail.setId(err.id);
        detail.setProperties(struct(err.properties));
        detail.setReasonsList(err.reasons);
        const any = new Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        const status = new statusProto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        status.addDetails(any);
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, details: message, metadata };
}

function service(provider: NativeProvider): grpc.UntypedServiceImplementation {
    return {
        getPluginInfo: unary(() => new pluginProto.PluginInfo().setVersion(provider.version)),
        getSchema: unary((req: providerProto.GetSchemaRequest) => {
            if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
            return new providerProto.GetSchemaResponse().setSchema(provider.schema());
        }),
        checkConfig: unary((req: providerProto.CheckRequest) => new providerProto.CheckResponse().setInputs(req.getNews())),
        // A config change never replaces the provider (that would replace every resource): the next call reads the new config.
        diffConfig: unary((req: providerProto.DiffRequest) => {
            const [olds, news] = [plain(req.getOldInputs() ?? req.getOlds()), plain(req.getNews())];
            const same = JSON.stringify(olds) === JSON.stringify(news);
            return new providerProto.DiffResponse().setChanges(same ? providerProto.DiffResponse.DiffChanges.DIFF_NONE : providerProto.DiffResponse.DiffChanges.DIFF_SOME);
        }),
        configure: unary((req: providerProto.ConfigureRequest) => {
            // Variables are keyed `<pkg>:config:<key>`; args (newer engines) by the bare key.
            const config: Record<string, string> = {};
            for (const [key, value] of req.getVariablesMap().toArray()) config[key.replace(/:config:/, ":").split(":").pop()!] = value;
            for (const [key, arg] of Object.entries(plain(req.getArgs()))) {
                const value = unwrapSecret(arg);
                if (value !== undefined && value !== null && !key.startsWith("__")) config[key] = typeof value === "string" ? value : JSON.stringify(value);
            }
            provider.configure(config);
            return new providerProto.ConfigureResponse().setAcceptsecrets(false).setAcceptresources(false).setSupportspreview(false);
        }),
        check: unary((req: Wired<providerProto.CheckRequest>): WiredResponse<providerProto.CheckResponse> => {
            const result = provider.check(targetOf(req.message), members(req, "olds"), members(req, "news"));
            const news = req.structs.news;
            const resp = new providerProto.CheckResponse();
            resp.setFailuresList((result.failures ?? []).map((f) => new providerProto.CheckFailure().setProperty(f.property).setReason(f.reason)));
            // Inputs that are the declared ones plus a few members go back as the bytes that came, those members appended.
            return { message: resp, structs: { inputs: result.added && news ? new EchoedStruct(news, result.added) : result.inputs } };
        }),
        diff: unary((req: Wired<providerProto.DiffRequest>): WiredResponse<providerProto.DiffResponse> => {
            const oldInputs = req.structs.oldInputs;
            const result = provider.diff(targetOf(req.message), req.message.getId(), members(req, "olds"), members(req, "news"), () => oldInputs?.value());
            const resp = new providerProto.DiffResponse()
                .setChanges(result.changes ? providerProto.DiffResponse.DiffChanges.DIFF_SOME : providerProto.DiffResponse.DiffChanges.DIFF_NONE)
                .setReplacesList(result.replaces)
                .setDeletebeforereplace(result.deleteBeforeReplace)
                .setDiffsList([...new Set(Object.keys(result.detailedDiff).map((path) => path.split(/[.[]/)[0]))])
                .setHasdetaileddiff(true);
            const map = resp.getDetaileddiffMap();
            for (const [path, kind] of Object.entries(result.detailedDiff)) map.set(path, new providerProto.PropertyDiff().setKind(KINDS[kind]).setInputdiff(true));
            return { message: resp };
        }),
        create: unary(async (req: Wired<providerProto.CreateRequest>): Promise<WiredResponse<providerProto.CreateResponse>> => {
            const { id, outs } = await provider.create(targetOf(req.message), members(req, "properties"));
            return { message: new providerProto.CreateResponse().setId(id), structs: { properties: outs } };
        }),
        read: unary(async (req: Wired<providerProto.ReadRequest>): Promise<WiredResponse<providerProto.ReadResponse>> => {
            const result = await provider.read(targetOf(req.message), req.message.getId(), members(req, "properties"), members(req, "inputs"));
            return { message: new providerProto.ReadResponse().setId(result.id), structs: { properties: result.props, inputs: result.inputs } };
        }),
        update: unary(async (req: Wired<providerProto.UpdateRequest>): Promise<WiredResponse<providerProto.UpdateResponse>> => {
            const outs = await provider.update(targetOf(req.message), req.message.getId(), members(req, "olds"), members(req, "news"));
            return { message: new providerProto.UpdateResponse(), structs: { properties: outs } };
        }),
        delete: unary(async (req: Wired<providerProto.DeleteRequest>): Promise<WiredResponse<Empty>> => {
            await provider.delete(targetOf(req.message), req.message.getId(), members(req, "properties"));
            return { message: new Empty() };
        }),
        cancel: unary(() => new Empty()),
        attach: unary(() => new Empty()),
    };
}

/** Serves `provider` on a free local port and prints the port: the plugin handshake the engine reads on stdout. */
export async function serve(provider: NativeProvider): Promise<void> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
    server.addService(wiredService(providerRpc.ResourceProviderService, RESOURCE_CALL_STRUCTS), service(provider));
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    process.stdout.write(`${port}\n`);
}
