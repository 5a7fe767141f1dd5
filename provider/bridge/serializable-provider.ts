/**
 * The provider object that `pulumi.dynamic.Resource` serializes into `__provider` for every
 * resource in state. Its methods capture nothing but two strings and `require` the package by
 * name at call time, so the serialized text stays under 3 KB, holds no credentials or machine
 * paths, and runs whatever version of the package is installed where the plugin runs.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** Resolved by the plugin from the program's folder upwards (node_modules). */
export const RUNTIME_MODULE = "pulumi-watson-assistant/dist/provider/bridge/runtime";

const cache = new Map<string, dynamic.ResourceProvider>();

export function providerFor(type: string): dynamic.ResourceProvider {
    let provider = cache.get(type);
    if (!provider) {
        provider = serializableProvider(type, RUNTIME_MODULE);
        cache.set(type, provider);
    }
    return provider;
}

function serializableProvider(type: string, runtimeModule: string): dynamic.ResourceProvider {
    return {
        configure: (req) => require(runtimeModule).configure(req),
        check: (olds, news) => require(runtimeModule).dispatch(type, "check", [olds, news]),
        diff: (id, olds, news) => require(runtimeModule).dispatch(type, "diff", [id, olds, news]),
        create: (inputs) => require(runtimeModule).dispatch(type, "create", [inputs]),
        read: (id, props) => require(runtimeModule).dispatch(type, "read", [id, props]),
        update: (id, olds, news) => require(runtimeModule).dispatch(type, "update", [id, olds, news]),
        delete: (id, props) => require(runtimeModule).dispatch(type, "delete", [id, props]),
    };
}
