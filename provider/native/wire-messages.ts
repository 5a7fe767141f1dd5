/**
 * The resource calls' requests and responses with their Struct fields (olds, news, properties,
 * inputs) taken out of google-protobuf: the rest of a message (urn, id, type, flags) still goes
 * through the generated stubs, while the Structs are decoded and encoded by struct-wire.ts, and
 * only when a handler asks for them. Protobuf allows a message's fields in any order, so a
 * response is the stub's bytes followed by its Struct fields.
 */
import type * as grpc from "@grpc/grpc-js";
import { Reader, Writer } from "protobufjs/minimal";
import { decodeStruct, encodeStruct } from "./struct-wire";

type Bag = Record<string, any>;

/** Field numbers of a message's Struct fields, by name (pulumi's provider.proto). */
export type StructFields = Readonly<Record<string, number>>;

/** A Struct field as it arrived: its bytes, decoded on the first `value()`. */
export class ReceivedStruct {
    private decoded?: Bag;
    constructor(readonly bytes: Uint8Array) {}
    value(): Bag {
        return (this.decoded ??= decodeStruct(this.bytes));
    }
}

/** A Struct to send: a received one sent back as it came, with `extra` members added or replaced. */
export class EchoedStruct {
    constructor(readonly received: ReceivedStruct, readonly extra: Bag) {}
}

export interface WiredRequest<M> {
    message: M;
    structs: Partial<Record<string, ReceivedStruct>>;
}

export interface WiredResponse<M> {
    message: M;
    structs?: Partial<Record<string, Bag | EchoedStruct>>;
}

interface Serializable {
    serializeBinary(): Uint8Array;
}

const LEN = 2;

/** `bytes` (a message) split into its Struct fields `fields` and the bytes of all its other fields. */
export function splitMessage(bytes: Uint8Array, fields: StructFields): { rest: Uint8Array; structs: Record<string, ReceivedStruct> } {
    const names = new Map(Object.entries(fields).map(([name, number]) => [number, name]));
    const reader = Reader.create(bytes);
    const rest: Uint8Array[] = [];
    const structs: Record<string, ReceivedStruct> = {};
    while (reader.pos < reader.len) {
        const start = reader.pos;
        const tag = reader.uint32();
        const name = names.get(tag >>> 3);
        if (name !== undefined && (tag & 7) === LEN) {
            structs[name] = new ReceivedStruct(reader.bytes());
        } else {
            reader.skipType(tag & 7);
            rest.push(bytes.subarray(start, reader.pos));
        }
    }
    return { rest: Buffer.concat(rest), structs };
}

/** A message's bytes: the stub's own, then each Struct field given. */
export function joinMessage(head: Uint8Array, fields: StructFields, structs: WiredResponse<unknown>["structs"] = {}): Buffer {
    const parts: Uint8Array[] = [head];
    for (const [name, number] of Object.entries(fields)) {
        const value = structs[name];
        if (value === undefined) continue;
        const body = value instanceof EchoedStruct ? [value.received.bytes, encodeStruct(value.extra)] : [encodeStruct(value)];
        const length = body.reduce((sum, part) => sum + part.length, 0);
        parts.push(Writer.create().uint32((number << 3) | LEN).uint32(length).finish(), ...body);
    }
    return Buffer.concat(parts);
}

/** Where a method's Struct fields are, in its request and its response. */
export interface MethodStructs {
    request: StructFields;
    response: StructFields;
}

/**
 * `definition` (a generated grpc-js service) with the methods named in `methods` taking
 * WiredRequests and answering WiredResponses; its other methods are left as generated.
 */
export function wiredService(definition: grpc.ServiceDefinition, methods: Readonly<Record<string, MethodStructs>>): grpc.ServiceDefinition {
    const result: Record<string, grpc.MethodDefinition<any, any>> = { ...definition };
    for (const [method, structs] of Object.entries(methods)) {
        const generated = definition[method] as grpc.MethodDefinition<any, any> & { requestType: { deserializeBinary(bytes: Uint8Array): unknown } };
        result[method] = {
            ...generated,
            requestDeserialize: (buffer: Buffer): WiredRequest<unknown> => {
                const { rest, structs: received } = splitMessage(buffer, structs.request);
                return { message: generated.requestType.deserializeBinary(rest), structs: received };
            },
            responseSerialize: (response: WiredResponse<Serializable>): Buffer =>
                joinMessage(response.message.serializeBinary(), structs.response, response.structs),
        };
    }
    return result as grpc.ServiceDefinition;
}
