/**
 * What the plugin calls: the generic operations with the engine's wire shape on both sides. Packed
 * properties (packing.ts) are unpacked before each operation and packed again in what goes back
 * (outputs, read inputs, a partial failure's properties). A no-op diff compares the packed text
 * alone, so it never parses the content; state written before packing is rewritten once, by an
 * update that makes no API call.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceOperations } from "./operations";
import type { CheckContext, OperationContext } from "./spec";
import { PartialFailure } from "./errors";
import { isUnpackedState, pack, PACKED_KEY, unpack } from "./packing";
import { withoutKeys } from "../values";

type Bag = Record<string, any>;

export class WireOperations {
    private readonly packed: readonly string[];

    constructor(private readonly ops: ResourceOperations<any, any>) {
        this.packed = ops.packed;
    }

    check(olds: Bag, news: Bag, context: CheckContext): dynamic.CheckResult {
        if (this.packed.length === 0) return this.ops.check(olds, news, context);
        let unpacked: Bag;
        try {
            unpacked = unpack(news, this.packed);
        } catch (err) {
            return { inputs: news, failures: [{ property: PACKED_KEY, reason: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` }] };
        }
        const result = this.ops.check(unpack(olds, this.packed), unpacked, context);
        if (result.failures?.length) return { inputs: news, failures: result.failures };
        return { inputs: pack(result.inputs ?? {}, this.packed, news[PACKED_KEY]) };
    }

    diff(olds: Bag, news: Bag): dynamic.DiffResult {
        const sides = this.compared(olds, news);
        return this.rewriting(sides, this.ops.diff(sides.olds, sides.news));
    }

    /** The diff and the plan summary (plan-reporter.ts) over the unpacked sides. */
    planChange(id: string | undefined, olds: Bag, news: Bag): ReturnType<ResourceOperations<any, any>["planChange"]> {
        const sides = this.compared(olds, news);
        const plan = this.ops.planChange(id, sides.olds, sides.news);
        const result = this.rewriting(sides, plan.result);
        return result === plan.result ? plan : { result };
    }

    planCreate(news: Bag): ReturnType<ResourceOperations<any, any>["planCreate"]> {
        return this.ops.planCreate(unpack(news, this.packed));
    }

    /**
     * The two sides of a diff as the operations compare them. Equal packed text needs no reading:
     * the packed properties are left out of both sides (equal by construction).
     */
    private compared(olds: Bag, news: Bag): { olds: Bag; news: Bag; unpackedState: boolean } {
        if (this.packed.length === 0) return { olds, news, unpackedState: false };
        if (typeof olds[PACKED_KEY] === "string" && olds[PACKED_KEY] === news[PACKED_KEY]) {
            return { olds: withoutKeys(olds, [PACKED_KEY]), news: withoutKeys(news, [PACKED_KEY]), unpackedState: false };
        }
        return { olds: unpack(olds, this.packed), news: unpack(news, this.packed), unpackedState: isUnpackedState(olds, this.packed) };
    }

    /** Same content, but stored nested by a version before packing: an update (no API call) rewrites it packed. */
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
            ...(result.inputs ? { inputs: this.packOut(result.inputs) } : {}),
        };
    }

    async update(ctx: OperationContext, id: string, olds: Bag, news: Bag): Promise<dynamic.UpdateResult> {
        const result = await this.packingFailures(() => this.ops.update(ctx, id, unpack(olds, this.packed), unpack(news, this.packed)));
        return { ...result, outs: this.packOut(result.outs) };
    }

    delete(ctx: OperationContext, id: string, olds: Bag): Promise<void> {
        return this.ops.delete(ctx, id, unpack(olds, this.packed));
    }

    private packOut(bag: Bag | undefined): Bag | undefined {
        return bag === undefined || this.packed.length === 0 ? bag : pack(bag, this.packed);
    }

    /** A partial failure's properties become state too: packed like outputs. */
    private async packingFailures<T>(work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (err) {
            if (!(err instanceof PartialFailure) || this.packed.length === 0) throw err;
            throw new PartialFailure(err.message, err.id, this.packOut(err.properties)!, err.cause);
        }
    }
}
