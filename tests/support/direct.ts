/**
 * Drives a resource type's operations in-process, the way the plugin would, against a given
 * service URL: quick tests of resource behaviour without spawning the plugin server. Engine-path
 * behaviour (serialization, gRPC) is covered by the harness tests.
 */
import { checkContext, operationContext, operationsFor } from "../../plugin/runtime";
import type { OperationContext } from "../../provider/bridge/spec";
import { PROVIDER_KEY } from "../../provider/values";

export interface DirectResource {
    check(news: Record<string, any>, olds?: Record<string, any>): Promise<{ inputs?: any; failures?: { property: string; reason: string }[] }>;
    diff(id: string, olds: Record<string, any>, news: Record<string, any>): Promise<{ changes?: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }>;
    create(inputs: Record<string, any>): Promise<{ id: string; outs: any }>;
    read(id: string, props: Record<string, any>): Promise<{ id?: string; props?: any; inputs?: any }>;
    update(id: string, olds: Record<string, any>, news: Record<string, any>): Promise<{ outs?: any }>;
    delete(id: string, props: Record<string, any>): Promise<void>;
}

/** `config` holds `watson-assistant:*` keys without the namespace, e.g. `{ url: emu.url }`. */
export function directResource(
    type: string,
    config: Record<string, string>,
    env: NodeJS.ProcessEnv = {},
    log: (message: string) => void = () => undefined,
): DirectResource {
    return driveOperations(type, config, () => operationContext((key) => config[key], env, log));
}

/** The one direct driver: `type`'s operations, each call with the context `context()` gives. */
export function driveOperations(type: string, config: Record<string, string>, context: () => OperationContext): DirectResource {
    const ops = operationsFor(type);
    const withProvider = (bag: Record<string, any>) => ({ ...bag, [PROVIDER_KEY]: "test" });
    return {
        check: async (news, olds = {}) => ops.check(olds, withProvider(news), checkContext((key) => config[key])),
        diff: async (_id, olds, news) => ops.diff(olds, news),
        create: async (inputs) => ops.create(context(), inputs) as Promise<{ id: string; outs: any }>,
        read: async (id, props) => ops.read(context(), id, props),
        update: async (id, olds, news) => ops.update(context(), id, olds, news),
        delete: async (id, props) => ops.delete(context(), id, props),
    };
}

/** Checks inputs (failing loudly on check failures) and returns what the engine would pass on. */
export async function checked(resource: DirectResource, inputs: object, olds: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const { inputs: out, failures } = await resource.check(inputs as Record<string, unknown>, olds);
    if (failures?.length) throw new Error(`unexpected check failures: ${JSON.stringify(failures)}`);
    return out;
}
