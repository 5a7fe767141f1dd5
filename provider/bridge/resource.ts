/** Base class of every resource: a `pulumi.dynamic.Resource` with its own type token. */
import * as pulumi from "@pulumi/pulumi";
import { URN_KEY } from "./creation-marker";
import { IGNORED_KEY, splitIgnoreChanges } from "./ignore-changes";
import { PACKED_KEY } from "./packing";
import { PREVIEW_KEY } from "./preview";
import { digestOutputKeys } from "./digests";
import { providerFor } from "./serializable-provider";
import type { ResourceSpec } from "./spec";

/** Type tokens become `pulumi-nodejs:dynamic/watson-assistant:<Type>`. */
export const RESOURCE_MODULE = "watson-assistant";

type Bag = Record<string, unknown>;

export abstract class WatsonResource extends pulumi.dynamic.Resource {
    /**
     * @param outputNames computed outputs the class exposes; they must be present (undefined) in
     *   the registered properties for Pulumi to create the output properties.
     * @param wire the spec's `packed` inputs, sent to the engine as one JSON string (packing.ts;
     *   listing URN_KEY sends the URN in it too), and its `digests`. The class still exposes each
     *   packed input as an output of its own (exposePacked). Every property the engine carries
     *   costs the program a few promises with captured stack traces, so a resource declared by
     *   the thousand packs all its inputs.
     */
    protected constructor(
        type: string,
        name: string,
        args: object,
        outputNames: readonly string[],
        opts?: pulumi.CustomResourceOptions,
        wire: Pick<ResourceSpec<any, any>, "packed" | "digests"> = {},
    ) {
        const packed = wire.packed ?? [];
        const token = `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${type}`;
        const ignored = splitIgnoreChanges(opts?.ignoreChanges, packed);
        const props: Bag = {};
        for (const output of outputNames) props[output] = undefined;
        // Stable facts for the creation marker (creation-marker.ts): the provider never sees the URN.
        const declared: Bag = { ...(args as Bag), [URN_KEY]: urnOf(name, token, opts?.parent) };
        if (ignored.packed.length > 0) declared[IGNORED_KEY] = ignored.packed;
        Object.assign(props, packed.length > 0 ? packArgs(declared, [...packed, IGNORED_KEY]) : declared);
        // The plugin prints plan summaries once per command (plan-reporter.ts): it needs to know a preview.
        if (pulumi.runtime.isDryRun()) props[PREVIEW_KEY] = true;
        const engineOpts = { ...opts, ...(ignored.packed.length > 0 ? { ignoreChanges: ignored.engine } : {}), hideDiffs: hiddenDiffs(wire, opts?.hideDiffs) };
        super(providerFor(type), name, props, engineOpts, RESOURCE_MODULE, type);
        const stored = lazily(() => (this as unknown as Record<string, pulumi.Output<unknown>>)[PACKED_KEY]
            .apply((text) => (typeof text === "string" ? JSON.parse(text) as Bag : undefined)));
        for (const property of packed) {
            if (property === URN_KEY) continue;
            const value = (args as Bag)[property];
            this.exposePacked(property, wire.digests?.[property] !== undefined
                ? () => pulumi.all([this.urn, value]).apply(([, resolved]) => resolved)
                : () => stored().apply((values) => values?.[property]));
        }
    }

    /**
     * `this[property]` for a packed input, once this resource's step is done: its value in the
     * stored packed text (outputs of an element resource hold it, as stored: ignoreChanges and
     * refresh show; the text is parsed once for all of them), or the declared value when outputs
     * keep digests of it (a Workspace's collections). Built on first read: most programs read few.
     */
    private exposePacked(property: string, build: () => pulumi.Output<unknown>): void {
        const output = lazily(build);
        Object.defineProperty(this, property, { enumerable: true, get: output });
    }
}

/**
 * Properties kept out of the CLI's diff display (`pulumi preview --diff`, the update's details):
 * the packed text, which the CLI would print whole as JSON with positional array diffs, and the
 * digests and hash that stand for it in outputs. The plan summary says what changed inside.
 */
function hiddenDiffs(wire: Pick<ResourceSpec<any, any>, "packed" | "digests">, declared: string[] | undefined): string[] | undefined {
    const digested = Object.keys(wire.digests ?? {});
    const hidden = [...(wire.packed?.length ? [PACKED_KEY] : []), ...(digested.length > 0 ? digestOutputKeys(digested) : [])];
    return hidden.length > 0 ? [...(declared ?? []), ...hidden] : declared;
}

/** `make()`'s result, made on the first call and kept. */
function lazily<T>(make: () => T): () => T {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
}

/** The URN the engine will give the resource: a plain string unless a parent's URN is needed. */
function urnOf(name: string, token: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
    return parent ? pulumi.createUrn(name, token, parent) : `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${token}::${name}`;
}

/**
 * `declared` with the `packed` properties replaced by their JSON text: computed at once when they
 * hold no Output or promise (the common case, and the cheapest for the engine's serializer),
 * otherwise once they resolve.
 */
function packArgs(declared: Bag, packed: readonly string[]): Bag {
    const rest: Bag = {};
    const picked: Bag = {};
    for (const [key, value] of Object.entries(declared)) {
        if (!packed.includes(key)) rest[key] = value;
        else if (value !== undefined) picked[key] = value;
    }
    const json = holdsPending(picked) ? pulumi.output(picked).apply((values) => JSON.stringify(values)) : JSON.stringify(picked);
    return { ...rest, [PACKED_KEY]: json };
}

function holdsPending(value: unknown): boolean {
    if (value === null || typeof value !== "object") return false;
    if (pulumi.Output.isInstance(value) || typeof (value as { then?: unknown }).then === "function") return true;
    return Object.values(value).some(holdsPending);
}
