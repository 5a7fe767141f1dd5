/**
 * The native floor: a provider plugin (package `benchfloor`, one type `benchfloor:index:Content`)
 * that does nothing but carry its content as ONE JSON string and compare it with the stored one,
 * served by the same gRPC server as the native plugin (provider/native/server.ts). What it costs
 * per `up` is what the engine costs for those bytes through a native plugin, with no provider work.
 */
import { serve, type NativeProvider } from "../../provider/native/server";
import type { DetailedDiff } from "../../provider/native/detailed-diff";

const floor: NativeProvider = {
    version: "0.0.1",
    schema: () => JSON.stringify({ name: "benchfloor", version: "0.0.1", resources: { "benchfloor:index:Content": { inputProperties: { content: { type: "string" } }, properties: { content: { type: "string" } } } } }),
    configure: () => undefined,
    check: (_target, _olds, news) => ({ inputs: news }),
    diff: (_target, _id, olds, news) => {
        const changes = olds.content !== news.content;
        return { changes, replaces: [], deleteBeforeReplace: false, detailedDiff: (changes ? { content: "update" } : {}) as DetailedDiff };
    },
    create: async (_target, news) => ({ id: "floor", outs: news }),
    read: async (_target, id, props, inputs) => ({ id, props, inputs }),
    update: async (_target, _id, _olds, news) => news,
    delete: async () => undefined,
};

if (require.main === module) serve(floor);
