/**
 * What the plugin calls: the generic operations with the engine's wire shape on both sides. Packed
 * properties (packing.ts) are unpacked before each operation and packed again in what goes back
 * (read inputs, outputs of packed properties that keep no digests, a partial failure's
 * properties). Digested properties (digests.ts) leave the outputs as digests and the hash of the
 * packed text: a no-op diff hashes the declared text and compares, so it never parses the
 * content. State that holds the content in its outputs (written before digests, or before
 * packing) is rewritten once, by an update that makes no API call. `ignoreChanges` paths into
 * packed inputs arrive inside the text (ignore-changes.ts) and check applies them.
 *
 * The engine gives diff only the stored outputs, but gives check the inputs of the last
 * deployment: check keeps them (by creation marker, in this process) for the diff that follows,
 * whose plan summary names what changed inside an element from them.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceOperations } from "./operations";
import type { CheckContext, OperationContext } from "./spec";
import { PartialFailure } from "./errors";
import { notePreview } from "./preview";
import { MARKER_KEY } from "./creation-marker";
import { CONTENT_HASH_KEY, contentHash } from "./digests";
import { applyIgnoreChanges, IGNORED_KEY } from "./ignore-changes";
import { isUnpackedState, pack, PACKED_KEY, unpack } from "./packing";
import { holdsDeployedInputs, withoutKeys } from "../values";
import { OVERWRITE_KEY, planNotes } from "./live-changes";
import { type FailureView, forEngine } from "../validation";

type Bag = Record<string, any>;

export class WireOperations {
    private readonly packed: readonly string[];
    /** Packed properties whose outputs keep the content (no digests declared). */
    private readonly packedOutputs: readonly string[];
    /** Inputs of the last deployment by creation marker, from check to the diff that follows. */
    private readonly previousInputs = new Map<string, Bag>();

    constructor(private readonly ops: ResourceOperations<any, any>) {
        this.packed = ops.packed;
        this.packedOutputs = this.packed.filter((name) => !ops.digesting.names.includes(name));
    }

    check(olds: Bag, declared: Bag, context: CheckContext): dynamic.CheckResult {
        const news = notePreview(declared);
        const result = this.checkPacked(olds, news, context);
        if (result.failures?.length) return { ...result, failures: forEngine(result.failures, this.failureView(news)) };
        const marker = result.inputs?.[MARKER_KEY];
        if (this.packed.length > 0 && typeof marker === "string" && !result.failures?.length && olds && PACKED_KEY in olds) {
            this.previousInputs.set(marker, olds);
        }
        return result;
    }

    private checkPacked(olds: Bag, news: Bag, context: CheckContext): dynamic.CheckResult {
        if (this.packed.length === 0) return this.ops.check(olds, news, context);
        let unpacked: Bag;
        try {
            unpacked = unpack(news, this.packed);
        } catch (err) {
            return { inputs: news, failures: [{ property: PACKED_KEY, reason: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` }] };
        }
        const previous = unpack(olds, this.packed);
        const ignored: string[] | undefined = unpacked[IGNORED_KEY];
        if (ignored) unpacked = this.ignoring(withoutKeys(unpacked, [IGNORED_KEY]), previous, ignored);
        const result = this.ops.check(previous, unpacked, context);
        if (result.failures?.length) return { inputs: news, failures: result.failures };
        // The declared text is stored as it came, unless ignoreChanges took values from the last deployment.
        return { inputs: pack(result.inputs ?? {}, this.packed, ignored ? undefined : news[PACKED_KEY]) };
    }

    /** How check failures of `news` are printed: what the engine holds as is, keys and labels of elements, secrets. */
    private failureView(news: Bag): FailureView {
        const spec = this.ops.spec;
        const secret = spec.writeOnly ?? [];
        const declared = Object.keys((spec.inputSchema as { properties?: object }).properties ?? {});
        let inputs = news;
        try {
            inputs = unpack(news, this.packed);
        } catch {
            // Not JSON: that is the failure, on the packed property itself.
        }
        return {
            inputs,
            shape: spec.summary,
            direct: (property) => declared.includes(property) && !this.packed.includes(property) && !secret.includes(property),
            secret,
        };
    }

    /** `news` with the ignored paths reset to the last deployment's values (a create has none to keep). */
    private ignoring(news: Bag, previous: Bag, paths: string[]): Bag {
        return holdsDeployedInputs(previous) ? applyIgnoreChanges(news, previous, paths) : news;
    }

    diff(olds: Bag, news: Bag): dynamic.DiffResult {
        const sides = this.compared(olds, news);
        return this.rewriting(sides, this.ops.diff(sides.olds, sides.news));
    }

    /** The diff and the plan summary (plan-reporter.ts) over the unpacked sides. */
    planChange(id: string | undefined, olds: Bag, news: Bag): ReturnType<ResourceOperations<any, any>["planChange"]> {
        const sides = this.compared(olds, news);
        const marker = news[MARKER_KEY];
        const kept = typeof marker === "string" ? this.previousInputs.get(marker) : undefined;
        if (kept) this.previousInputs.delete(marker);
        let previous: Bag | undefined;
        const plan = this.ops.planChange(id, sides.olds, sides.news, kept && (() => (previous ??= unpack(kept, this.packed))));
        const result = this.rewriting(sides, plan.result);
        return result === plan.result ? plan : { result, changed: plan.changed };
    }

    planCreate(news: Bag): ReturnType<ResourceOperations<any, any>["planCreate"]> {
        return this.ops.planCreate(unpack(news, this.packed));
    }

    /**
     * The two sides of a diff as the operations compare them. Declared text whose hash the outputs
     * keep (or, in outputs that keep the content, equal text) needs no reading: the packed
     * properties are left out of both sides (equal by construction).
     */
    private compared(olds: Bag, news: Bag): { olds: Bag; news: Bag; unpackedState: boolean } {
        if (this.packed.length === 0) return { olds, news, unpackedState: false };
        const text = news[PACKED_KEY];
        const outdated = this.holdsContent(olds);
        if (typeof text === "string" && typeof olds[CONTENT_HASH_KEY] === "string" && olds[CONTENT_HASH_KEY] === contentHash(text)) {
            return { olds: withoutKeys(olds, this.ops.digesting.outputKeys), news: withoutKeys(news, [PACKED_KEY]), unpackedState: outdated };
        }
        if (typeof olds[PACKED_KEY] === "string" && olds[PACKED_KEY] === text) {
            return { olds: withoutKeys(olds, [PACKED_KEY]), news: withoutKeys(news, [PACKED_KEY]), unpackedState: outdated };
        }
        return { olds: unpack(olds, this.packed), news: unpack(news, this.packed), unpackedState: outdated };
    }

    /** Outputs holding content that the current version keeps as digests (or nested, from before packing). */
    private holdsContent(olds: Bag): boolean {
        if (isUnpackedState(olds, this.packed)) return true;
        return this.packedOutputs.length < this.packed.length && typeof olds[PACKED_KEY] === "string";
    }

    /** Same content, but stored by an earlier version (nested, or whole): an update (no API call) rewrites it. */
    private rewriting(sides: { unpackedState: boolean }, result: dynamic.DiffResult): dynamic.DiffResult {
        return sides.unpackedState && !result.changes ? { ...result, changes: true } : result;
    }

    async create(ctx: OperationContext, news: Bag): Promise<dynamic.CreateResult> {
        const result = await this.packingFailures(() => this.ops.create(ctx, unpack(news, this.packed)));
        return { ...result, outs: this.packOut(result.outs) };
    }

    async read(ctx: OperationContext, id: string, olds: Bag): Promise<dynamic.ReadResult> {
        const result = await this.ops.read(ctx, id, unpack(olds, this.packed));
        return {
            ...result,
            ...(result.props ? { props: this.packOut(result.props) } : {}),
            ...(result.inputs ? { inputs: this.packed.length > 0 ? pack(result.inputs, this.packed) : result.inputs } : {}),
        };
    }

    async update(ctx: OperationContext, id: string, olds: Bag, news: Bag): Promise<dynamic.UpdateResult> {
        const [stored, declared] = [unpack(olds, this.packed), unpack(news, this.packed)];
        const result = this.restates(olds, news, stored, declared)
            ? this.ops.restate(stored, declared)
            : await this.packingFailures(() => this.ops.update(ctx, id, stored, declared));
        return { ...result, outs: this.packOut(result.outs) };
    }

    /** The plan's notes on changes made in the service since the last deploy (live-changes.ts). */
    async liveChangeNotes(ctx: OperationContext, type: string, id: string, olds: Bag, news: Bag): Promise<string[]> {
        const declared = unpack(news, this.packed);
        const changes = await this.ops.liveChanges(ctx, id, unpack(olds, this.packed), declared);
        return planNotes(type, id, changes, declared[OVERWRITE_KEY] === true);
    }

    /** Only the shape of the state changes (diff's `rewriting`): the outputs are rewritten, the service is not called. */
    restates(olds: Bag, news: Bag, stored = unpack(olds, this.packed), declared = unpack(news, this.packed)): boolean {
        return this.holdsContent(olds) && !this.ops.diff(stored, declared).changes;
    }

    delete(ctx: OperationContext, id: string, olds: Bag): Promise<void> {
        return this.ops.delete(ctx, id, unpack(olds, this.packed));
    }

    /** Outputs: packed properties that keep no digests go back packed (digested ones are digests by now). */
    private packOut(bag: Bag | undefined): Bag | undefined {
        return bag === undefined || this.packedOutputs.length === 0 ? bag : pack(bag, this.packedOutputs);
    }

    /** A partial failure's properties become state too: packed like outputs. */
    private async packingFailures<T>(work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (err) {
            if (!(err instanceof PartialFailure) || this.packedOutputs.length === 0) throw err;
            throw new PartialFailure(err.message, err.id, this.packOut(err.properties)!, err.cause);
        }
    }
}
