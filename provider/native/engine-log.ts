/**
 * Info messages to the engine through its Log call, which the CLI shows as info diagnostics. A
 * native plugin's stdout reaches the CLI only as debug output (the engine promotes stdout lines
 * to info for the Node.js dynamic-provider plugin alone), so plan summaries go this way.
 */
import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";

/** The engine's address among the plugin's arguments: the one that is not a flag (`--logtostderr`, `-v=9`, ...). */
export function engineAddress(args: readonly string[]): string | undefined {
    return args.filter((arg) => !arg.startsWith("-")).pop();
}

/** A sink writing each text as one info message to the engine at `address`. */
export function engineInfoSink(address: string): (text: string) => void {
    let client: engineRpc.EngineClient | undefined;
    return (text) => {
        client ??= new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
        const request = new engineProto.LogRequest().setSeverity(engineProto.LogSeverity.INFO).setMessage(text);
        client.log(request, () => undefined);
    };
}
