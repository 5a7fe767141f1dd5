/** A diff with what it is made of: the changed input properties, and the plan summary to show (built on demand). */
export interface PlannedChange {
    result: dynamic.DiffResult;
    changed: string[];
    summary?: () => ResourceSummary;
}

/**
 * The generic half of every resource: check, diff, create, read, update and delete implemented
 * once over a ResourceSpec. Inputs arrive as the engine sends them (`__provider` included); the
 * spec's functions see clean camelCase inputs and return outputs; this file decides what the
 * engine stores.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { type CheckFailure, compileInputSchema } from "../validation";
import { isNotFound } from "../http/errors";
import { describeChange, type ResourceSummary } from "../change-summary/describe";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2 } from "../config";
import type { CheckContext, LiveChanges, OperationContext, ResourceSpec } from "./spec";
import { conflictError, driftWarning, NO_CHANGES, OVERWRITE_KEY } from "./live-changes";
import { creationMarker, HIDDEN_KEYS, MARKER_KEY, URN_KEY } from "./creation-marker";
import { OWNER_KEY, ownerOf } from "./ownership";
import { Digesting } from "./digests";
import { INSTANCE_KEY, requireSameInstance, serviceInstanceOf } from "./service-instance";
import { describeFailure, PartialFailure } from "./errors";
import {
    containsUnknown, deepEqual, hashKey, isUnknownAt, PROVIDER_KEY, sha256, withoutKeys, withoutUndefined,
} from "../values";

type Bag = Record<string, any>;

const DEFAULT_CHECK_CONTEXT: CheckContext = { versionV1: DEFAULT_VERSION_V1, versionV2: DEFAULT_VERSION_V2 };

export class ResourceOperations<I extends object, O extends object> {
    private readonly validate: (value: unknown) => CheckFailure[];
    private readonly inputNames: string[];
    private readonly writeOnly: string[];

    /** Inputs the engine carries packed into one JSON string (packing.ts). */
    readonly packed: readonly string[];
    /** Collections whose outputs keep digests, not the content (digests.ts). */
    readonly digesting: Digesting;

    constructor(readonly spec: ResourceSpec<I, O>) {
        this.packed = spec.packed ?? [];
        this.digesting = new Digesting((spec.digests ?? {}) as Record<string, any>, this.packed);
        this.validate = compileInputSchema(spec.inputSchema);
        this.inputNames = Object.keys((spec.inputSchema as { properties?: object }).properties ?? {});
        this.writeOnly = spec.writeOnly ?? [];
    }

    /** Schema and rule checks; never calls the API. Failures on values not known yet are deferred. */
    check(olds: Bag, news: Bag, context: CheckContext = DEFAULT_CHECK_CONTEXT): dynamic.CheckResult {
        const inputs = this.inputsOf(news);
        const hasUnknowns = containsUnknown(inputs);
        let failures = this.validate(inputs);
        if (failures.length === 0 || !hasUnknowns) {
            failures = failures.concat(this.spec.check?.(inputs, context) ?? []);
        }
        const previous = this.inputsOf(olds ?? {});
        if (Object.keys(previous).length > 0 && this.spec.checkTransition) {
            failures = failures.concat(this.spec.checkTransition(previous as I, inputs));
        } else if (Object.keys(previous).length === 0 && this.spec.checkCreate) {
            failures = failures.concat(this.spec.checkCreate(inputs));
        }
        if (hasUnknowns) failures = failures.filter((f) => !isUnknownAt(inputs, f.property));
        if (failures.length > 0) return { inputs: news, failures: dedupe(failures) };
        const normalized = this.spec.normalize && !hasUnknowns ? this.spec.normalize(inputs) : inputs;
        const marker = creationMarker(olds ?? {}, news, this.spec.replaceOn);
        const owner = ownerOf(news[URN_KEY]);
        return { inputs: { ...normalized, ...withoutUndefined({ [MARKER_KEY]: marker, [OWNER_KEY]: owner }), [PROVIDER_KEY]: news[PROVIDER_KEY] } };
    }

    /** Compares the declared inputs with the stored outputs, property by property. */
    diff(olds: Bag, news: Bag): dynamic.DiffResult {
        return this.planChange(undefined, olds, news).result;
    }

    /**
     * The diff and, when something changes, the plan summary of the update or replacement.
     * `previous`: the inputs of the last deployment, when known (they name changes inside elements).
     */
    planChange(id: string | undefined, olds: Bag, news: Bag, previous?: () => Bag | undefined): PlannedChange {
        const stored = this.digesting.stored(olds);
        const changed = this.changedProperties(stored, news);
        const result = this.diffOf(changed, stored, news);
        const shape = this.spec.summary;
        if (!result.changes || !shape) return { result, changed };
        // Outputs of an earlier version hold the content itself: the best previous declaration.
        if (stored !== olds && !previous) previous = () => olds;
        const replaces = result.replaces ?? [];
        // Built when shown: most processes that diff (an update after its preview) never print it.
        const summary = () => describeChange(shape, {
            action: replaces.length > 0 ? "replace" : "update",
            id, olds: this.inputsOf(stored), news: this.inputsOf(news), changed, replaces,
            previous: previous && (() => { const p = previous!(); return p && this.inputsOf(p); }),
        });
        return { result, changed, summary };
    }

    /** The plan summary of a create from checked inputs. */
    planCreate(news: Bag): ResourceSummary | undefined {
        if (!this.spec.summary) return undefined;
        return describeChange(this.spec.summary, { action: "create", olds: {}, news: this.inputsOf(news), changed: [], replaces: [] });
    }

    private diffOf(changed: string[], olds: Bag, news: Bag): dynamic.DiffResult {
        const replaces = new Set(changed.filter((p) => (this.spec.replaceOn as string[]).includes(p)));
        if (changed.length > 0 && this.spec.replaceWhen && !containsUnknown(news)) {
            for (const p of this.spec.replaceWhen(olds as O, this.inputsOf(news))) replaces.add(p);
        }
        return {
            changes: changed.length > 0,
            replaces: [...replaces],
            deleteBeforeReplace: replaces.size > 0 && this.spec.deleteBeforeReplace === true,
        };
    }

    /** Input properties that differ; `olds` as `stored()` gives them. */
    changedProperties(olds: Bag, news: Bag): string[] {
        return this.inputNames.filter((name) => {
            if (this.digesting.names.includes(name)) return this.digesting.changed(name, olds, news);
            if (this.writeOnly.includes(name)) {
                const declared = news[name];
                if (containsUnknown(declared)) return true;
                const stored = olds[hashKey(name)];
                return (declared === undefined ? undefined : sha256(declared)) !== stored;
            }
            if (containsUnknown(news[name])) return true;
            // Same program, same order: most properties are equal as they are; canonical forms
            // (sorting, defaults) only for the rest.
            if (deepEqual(olds[name] ?? undefined, news[name] ?? undefined)) return false;
            return !deepEqual(this.canonical(name, olds[name]), this.canonical(name, news[name]));
        });
    }

    async create(ctx: OperationContext, news: Bag): Promise<dynamic.CreateResult> {
        const inputs = this.inputsOf(news);
        try {
            const marker = news[MARKER_KEY] as string | undefined;
            const { id, outs } = await this.spec.create({ ...ctx, creationMarker: marker, owner: news[OWNER_KEY] }, inputs);
            return { id, outs: { ...this.outputs(inputs, outs), ...this.hiddenOutputs(ctx, {}, news) } };
        } catch (err) {
            throw describeFailure(this.spec.type, "create", undefined, this.completePartial(err, news, this.hiddenOutputs(ctx, {}, news)));
        }
    }

    async read(ctx: OperationContext, id: string, olds: Bag): Promise<dynamic.ReadResult> {
        this.requireInstance(ctx, id, olds);
        try {
            const result = await this.spec.read({ ...ctx, owner: olds[OWNER_KEY] }, id, this.digesting.stored(withoutKeys(olds, [PROVIDER_KEY, ...HIDDEN_KEYS])) as O);
            if (!result) return { id: "" };
            // The creation marker stays with the object through refreshes (see creation-marker.ts).
            const marker = withoutUndefined({ [MARKER_KEY]: olds[MARKER_KEY] });
            const props = this.digesting.outputs({ ...this.storedHashes(olds), ...withoutKeys(result.outs as Bag, this.writeOnly), ...this.hiddenOutputs(ctx, olds, {}) }, olds);
            if (!result.inputs) return { id, props: withoutUndefined(props) };
            // A read returns the inputs it can see live; the other declared ones stay as deployed.
            const declared = Object.fromEntries(this.inputNames.filter((name) => !this.writeOnly.includes(name) && name in olds).map((name) => [name, olds[name]]));
            return { id, props: withoutUndefined(props), inputs: withoutUndefined({ ...declared, ...withoutKeys(result.inputs as Bag, this.writeOnly), ...marker }) };
        } catch (err) {
            if (isNotFound(err)) return { id: "" };
            throw describeFailure(this.spec.type, "read", id, err);
        }
    }

    async update(ctx: OperationContext, id: string, olds: Bag, news: Bag): Promise<dynamic.UpdateResult> {
        this.requireInstance(ctx, id, olds);
        const inputs = this.inputsOf(news);
        try {
            const hidden = this.hiddenOutputs(ctx, olds, news);
            // Never a silent overwrite (live-changes.ts).
            const changes = await this.liveChanges(ctx, id, olds, news);
            if (changes.drift.length > 0) ctx.log(driftWarning(this.spec.type, id, changes.drift));
            if (changes.conflicts.length > 0 && (inputs as Bag)[OVERWRITE_KEY] !== true) throw conflictError(this.spec.type, id, changes.conflicts);
            const outs = await this.spec.update({ ...ctx, owner: hidden[OWNER_KEY] }, id, this.digesting.stored(withoutKeys(olds, [PROVIDER_KEY, ...HIDDEN_KEYS])) as O, inputs);
            return { outs: { ...this.outputs(inputs, outs), ...hidden } };
        } catch (err) {
            throw describeFailure(this.spec.type, "update", id, this.completePartial(err, news, this.hiddenOutputs(ctx, olds, news)));
        }
    }

    /** What changed in the service since the last deploy, against `news` (live-changes.ts); none when the spec does not say. */
    async liveChanges(ctx: OperationContext, id: string, olds: Bag, news: Bag): Promise<LiveChanges> {
        if (!this.spec.liveChanges) return NO_CHANGES;
        const stored = this.digesting.stored(withoutKeys(olds, [PROVIDER_KEY, ...HIDDEN_KEYS])) as O;
        return this.spec.liveChanges({ ...ctx, owner: news[OWNER_KEY] ?? olds[OWNER_KEY] }, id, stored, this.inputsOf(news));
    }

    /** The update of a resource whose content is unchanged but stored in an earlier shape: outputs rewritten from the stored ones, no API call. */
    restate(olds: Bag, news: Bag): dynamic.UpdateResult {
        const outs = this.outputs(this.inputsOf(news), withoutKeys(olds, [PROVIDER_KEY, ...HIDDEN_KEYS]) as O);
        return { outs: { ...outs, ...this.hiddenOutputs({}, olds, news) } };
    }

    /**
     * What every stored state keeps besides the outputs: the creation marker the object carries, its
     * service instance (the settings' one, else the stored one) and its owner (the URN's, else the stored one).
     */
    private hiddenOutputs(ctx: Partial<Pick<OperationContext, "settings">>, olds: Bag, news: Bag): Bag {
        return withoutUndefined({
            [MARKER_KEY]: olds[MARKER_KEY] ?? news[MARKER_KEY],
            [INSTANCE_KEY]: instanceOf(ctx) ?? olds[INSTANCE_KEY],
            [OWNER_KEY]: news[OWNER_KEY] ?? olds[OWNER_KEY],
        });
    }

    async delete(ctx: OperationContext, id: string, olds: Bag): Promise<void> {
        this.requireInstance(ctx, id, olds);
        try {
            await this.spec.delete({ ...ctx, owner: olds[OWNER_KEY] }, id, withoutKeys(olds, [PROVIDER_KEY]) as O);
        } catch (err) {
            if (isNotFound(err)) return;
            throw describeFailure(this.spec.type, "delete", id, err);
        }
    }

    /** The stored object must live in the instance the settings point at (service-instance.ts). */
    requireInstance(ctx: Pick<OperationContext, "settings">, id: string | undefined, olds: Bag): void {
        requireSameInstance(this.spec.type, id, olds[INSTANCE_KEY], instanceOf(ctx));
    }

    private canonical(name: string, value: unknown): unknown {
        if (value === undefined || value === null) return undefined;
        return this.spec.canonical ? this.spec.canonical(name as keyof I & string, value) : value;
    }

    private inputsOf(news: Bag): I {
        return withoutKeys(news, [PROVIDER_KEY, ...HIDDEN_KEYS]) as I;
    }

    /** What the engine stores: the inputs (minus write-only ones, kept as hashes) and the computed outputs. */
    private outputs(inputs: I, outs: O): O {
        const stored: Bag = withoutKeys(inputs as Bag, this.writeOnly);
        for (const name of this.writeOnly) {
            const value = (inputs as Bag)[name];
            if (value !== undefined) stored[hashKey(name)] = sha256(value);
        }
        return withoutUndefined(this.digesting.outputs({ ...stored, ...withoutKeys(outs as Bag, this.writeOnly) })) as O;
    }

    private storedHashes(olds: Bag): Bag {
        return Object.fromEntries(this.writeOnly.map(hashKey).filter((k) => k in olds).map((k) => [k, olds[k]]));
    }

    /**
     * A partial failure's outputs are stored like a success's: no secrets, no undefined members,
     * and the serialized provider (`__provider`, from the inputs), which the plugin server adds to a
     * success's outputs but not to an error's: without it refresh and destroy cannot load the provider.
     */
    private completePartial(err: unknown, news: Bag, hidden: Bag): unknown {
        if (!(err instanceof PartialFailure)) return err;
        const props = withoutUndefined(this.digesting.outputs({
            ...withoutKeys(err.properties, this.writeOnly), ...hidden, [PROVIDER_KEY]: news[PROVIDER_KEY],
        }));
        return new PartialFailure(err.message, err.id, props, err.cause);
    }
}

/** The instance of the settings (none for a context without settings, as unit tests build). */
const instanceOf = (ctx: Partial<Pick<OperationContext, "settings">>) => (ctx.settings?.url ? serviceInstanceOf(ctx.settings.url) : undefined);

function dedupe(failures: CheckFailure[]): CheckFailure[] {
    const seen = new Set<string>();
    return failures.filter((f) => {
        const key = `${f.property}\u0000${f.reason}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
