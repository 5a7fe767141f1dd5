/**
 * google.protobuf.Struct straight between its wire bytes and plain JSON (protobufjs's Reader and
 * Writer), without google-protobuf's message objects: a 2 MB workspace arrives as a Struct two or
 * three times per step, and building a jspb Value per member, then converting it, was most of
 * the plugin's time in a no-op `up`. Same mapping as Struct.toJavaScript/fromJavaScript: null,
 * number, string, boolean, list and struct; undefined members are left out.
 *
 *   Struct    { map<string, Value> fields = 1 }         (entries: key = 1, value = 2)
 *   Value     { null = 1 | number = 2 | string = 3 | bool = 4 | struct = 5 | list = 6 }
 *   ListValue { repeated Value values = 1 }
 */
import { Reader, Writer } from "protobufjs/minimal";

type Json = null | number | string | boolean | Json[] | { [key: string]: Json };
type Bag = Record<string, any>;

const LEN = 2;
const FIXED64 = 1;
const VARINT = 0;
const tag = (field: number, wire: number) => (field << 3) | wire;

/** The members of the Struct whose bytes are `bytes`. */
export function decodeStruct(bytes: Uint8Array): Bag {
    const reader = Reader.create(bytes);
    return readStruct(reader, reader.len);
}

function readStruct(reader: Reader, end: number): Bag {
    const result: Bag = {};
    while (reader.pos < end) {
        const t = reader.uint32();
        if (t !== tag(1, LEN)) {
            reader.skipType(t & 7);
            continue;
        }
        const entryEnd = reader.uint32() + reader.pos;
        let key = "";
        let value: Json = null;
        while (reader.pos < entryEnd) {
            const et = reader.uint32();
            if (et === tag(1, LEN)) key = reader.string();
            else if (et === tag(2, LEN)) value = readValue(reader, reader.uint32() + reader.pos);
            else reader.skipType(et & 7);
        }
        result[key] = value;
    }
    return result;
}

function readValue(reader: Reader, end: number): Json {
    let value: Json = null;
    while (reader.pos < end) {
        const t = reader.uint32();
        switch (t) {
            case tag(1, VARINT): reader.uint32(); value = null; break;
            case tag(2, FIXED64): value = reader.double(); break;
            case tag(3, LEN): value = reader.string(); break;
            case tag(4, VARINT): value = reader.bool(); break;
            case tag(5, LEN): value = readStruct(reader, reader.uint32() + reader.pos); break;
            case tag(6, LEN): value = readList(reader, reader.uint32() + reader.pos); break;
            default: reader.skipType(t & 7);
        }
    }
    return value;
}

function readList(reader: Reader, end: number): Json[] {
    const values: Json[] = [];
    while (reader.pos < end) {
        const t = reader.uint32();
        if (t === tag(1, LEN)) values.push(readValue(reader, reader.uint32() + reader.pos));
        else reader.skipType(t & 7);
    }
    return values;
}

/** The wire bytes of a Struct holding `members` (undefined members left out). */
export function encodeStruct(members: Bag): Uint8Array {
    const writer = Writer.create();
    writeMembers(writer, members);
    return writer.finish();
}

/** Struct entries for `members`: appended to a Struct's bytes, they add or override those members. */
export function writeMembers(writer: Writer, members: Bag): void {
    for (const key of Object.keys(members)) {
        const value = members[key];
        if (value === undefined) continue;
        writer.uint32(tag(1, LEN)).fork();
        writer.uint32(tag(1, LEN)).string(key);
        writer.uint32(tag(2, LEN)).fork();
        writeValue(writer, value);
        writer.ldelim().ldelim();
    }
}

function writeValue(writer: Writer, value: unknown): void {
    switch (typeof value) {
        case "number": writer.uint32(tag(2, FIXED64)).double(value); return;
        case "string": writer.uint32(tag(3, LEN)).string(value); return;
        case "boolean": writer.uint32(tag(4, VARINT)).bool(value); return;
    }
    if (value === null || value === undefined) {
        writer.uint32(tag(1, VARINT)).uint32(0);
    } else if (Array.isArray(value)) {
        writer.uint32(tag(6, LEN)).fork();
        for (const item of value) {
            writer.uint32(tag(1, LEN)).fork();
            writeValue(writer, item);
            writer.ldelim();
        }
        writer.ldelim();
    } else if (typeof value === "object") {
        writer.uint32(tag(5, LEN)).fork();
        writeMembers(writer, value as Bag);
        writer.ldelim();
    } else {
        throw new Error(`a ${typeof value} cannot be sent to the engine`);
    }
}
