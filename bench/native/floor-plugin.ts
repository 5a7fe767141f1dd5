/**
 * The native floors: a provider plugin (package `benchfloor`) that does no provider work, served by
 * the same gRPC server as the native plugin (provider/native/server.ts). Two resource types:
 * - `benchfloor:index:Content` carries its content as ONE JSON string and compares it with the
 *   stored one: what the engine costs for those bytes through a native plugin;
 * - `benchfloor:index:Nested` takes the very inputs the native plugin's resource takes (nested
 *   objects and arrays) and compares them as canonical JSON: what the engine and the program's SDK
 *   cost for the declaration the user writes, so that ours / this floor is the provider's own cost.
 * Both return their inputs as outputs.
 */
import { serve, type NativeProvider } from "../../provider/native/server";
import type { DetailedDiff } from "../../provider/native/detailed-diff";
import { stableJson } from "../../provider/values";

type Bag = Record<string, unknown>;

const CONTENT = { inputProperties: { content: { type: "string" } }, properties: { content: { type: "string" } } };
// Properties are left undeclared: the engine does not read them, and the floor accepts any inputs.
const NESTED = { inputProperties: {}, properties: {} };

/** Top-level properties whose canonical JSON differs (key order ignored, as a real diff would). */
function changedProperties(olds: Bag, news: Bag): string[] {
    const names = new Set([...Object.keys(olds), ...Object.keys(news)]);
    return [...names].filter((name) => stableJson(olds[name]) !== stableJson(news[name]));
}

export const floor: NativeProvider = {
    version: "0.0.1",
    schema: () => JSON.stringify({ name: "benchfloor", version: "0.0.1", resources: { "benchfloor:index:Content": CONTENT, "benchfloor:index:Nested": NESTED } }),
    configure: () => undefined,
    check: (_target, _olds, news) => ({ inputs: news }),
    diff: (target, _id, olds, news) => {
        const changed = target.type === "Nested" ? changedProperties(olds, news) : olds.content !== news.content ? ["content"] : [];
        const detailedDiff: DetailedDiff = Object.fromEntries(changed.map((name) => [name, "update"]));
        return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false, detailedDiff };
    },
    create: async (_target, news) => ({ id: "floor", outs: news }),
    read: async (_target, id, props, inputs) => ({ id, props, inputs }),
    update: async (_target, _id, _olds, news) => news,
    delete: async () => undefined,
};

if (require.main === module) serve(floor);
