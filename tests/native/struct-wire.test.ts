import { expect } from "chai";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { decodeStruct, encodeStruct } from "../../provider/native/struct-wire";
import { EchoedStruct, joinMessage, ReceivedStruct, splitMessage } from "../../provider/native/wire-messages";

const sample = {
    name: "Größen – 尺寸 ✓",
    count: 42,
    ratio: -0.125,
    big: 2 ** 53 - 1,
    on: true,
    off: false,
    none: null,
    empty: {},
    list: [],
    intents: [
        { intent: "hello", examples: [{ text: "hi" }, { text: "hey there" }], description: "" },
        { intent: "bye", examples: [{ text: "bye" }], metadata: { nested: [1, "two", null, [false, { deep: {} }]] } },
    ],
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
};

describe("native plugin: Struct wire codec", () => {
    it("decodes what google-protobuf encodes, member for member", () => {
        const bytes = Struct.fromJavaScript(sample as any).serializeBinary();
        expect(decodeStruct(bytes)).to.deep.equal(sample);
    });

    it("encodes what google-protobuf decodes, member for member", () => {
        expect(Struct.deserializeBinary(encodeStruct(sample)).toJavaScript()).to.deep.equal(sample);
    });

    it("leaves undefined members out and sends undefined list items as null, as JSON would", () => {
        const decoded = decodeStruct(encodeStruct({ kept: 1, dropped: undefined, list: [undefined, 2] }));
        expect(decoded).to.deep.equal({ kept: 1, list: [null, 2] });
    });

    it("splits a request into its Struct fields and the stub's other fields", () => {
        const request = new providerProto.CheckRequest()
            .setUrn("urn:pulumi:dev::p::watson-assistant:index:Intent::hello")
            .setType("watson-assistant:index:Intent")
            .setOlds(Struct.fromJavaScript({ intent: "old" }))
            .setNews(Struct.fromJavaScript(sample as any));
        const { rest, structs } = splitMessage(request.serializeBinary(), { olds: 2, news: 3 });
        const message = providerProto.CheckRequest.deserializeBinary(rest);
        expect(message.getUrn()).to.equal(request.getUrn());
        expect(message.getType()).to.equal(request.getType());
        expect(message.hasNews()).to.equal(false);
        expect(structs.olds?.value()).to.deep.equal({ intent: "old" });
        expect(structs.news?.value()).to.deep.equal(sample);
    });

    it("joins a response whose echoed Struct gains and overrides members", () => {
        const received = new ReceivedStruct(Struct.fromJavaScript({ intent: "hello", description: "old" }).serializeBinary());
        const failure = new providerProto.CheckFailure().setProperty("examples").setReason("too many");
        const head = new providerProto.CheckResponse().setFailuresList([failure]).serializeBinary();
        const bytes = joinMessage(head, { inputs: 1 }, { inputs: new EchoedStruct(received, { description: "new", __urn: "u" }) });
        const response = providerProto.CheckResponse.deserializeBinary(bytes);
        expect(response.getInputs()?.toJavaScript()).to.deep.equal({ intent: "hello", description: "new", __urn: "u" });
        expect(response.getFailuresList().map((f) => f.getReason())).to.deep.equal(["too many"]);
    });

    it("sends no Struct field that was not given, and an empty Struct when one is empty", () => {
        const bytes = joinMessage(new providerProto.ReadResponse().setId("x").serializeBinary(), { properties: 2, inputs: 3 }, { properties: {} });
        const response = providerProto.ReadResponse.deserializeBinary(bytes);
        expect(response.getId()).to.equal("x");
        expect(response.hasProperties()).to.equal(true);
        expect(response.hasInputs()).to.equal(false);
    });
});
