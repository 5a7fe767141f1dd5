/**
 * The native front door: the generic operations (bridge/operations.ts) of each spec, served to the
 * engine as a provider of its own instead of through `__provider`. Inputs arrive nested, as the
 * program declared them (nothing is packed: there is no Node.js SDK per resource to spare, and the
 * engine applies `ignoreChanges` itself); the resource's URN comes with every request, so the
 * creation marker needs no hidden input from the program. Everything else (check rules, diff,
 * digests in outputs, the planner, partial failures) is the dynamic path's, unchanged.
 */
import { ResourceOperations } from "../bridge/operations";
import type { CheckContext, OperationContext, ResourceSpec } from "../bridge/spec";
import { URN_KEY } from "../bridge/creation-marker";
import { deepEqual, withoutUndefined } from "../values";
import { detailedDiff } from "./detailed-diff";
import { restoreDroppedNulls } from "./dropped-nulls";
import type { PlanReporter } from "../bridge/plan-reporter";
import type { NativeDiff, NativeProvider, Target } from "./server";

type Bag = Record<string, any>;

export interface NativeProviderOptions {
    version: string;
    schema(): string;
    specFor(type: string): ResourceSpec<any, any>;
    /** Connection and version dates from the provider's config (full keys), resolved per call. */
    operationContext(getConfig: (key: string) => string | undefined): OperationContext;
    checkContext(getConfig: (key: string) => string | undefined): CheckContext;
    /** Publishes plan summaries of creates and diffs (bridge/plan-reporter.ts), reading the provider's config. */
    planReporter?(getConfig: (key: string) => string | undefined): PlanReporter;
}

/**
 * A spec as the native front door runs it: its `nestedDigests` digested as well (inputs arrive
 * nested here, so outputs keep digests of those collections instead of a second nested copy).
 */
export function nativeSpec<I extends object, O extends object>(spec: ResourceSpec<I, O>): ResourceSpec<I, O> {
    return spec.nestedDigests ? { ...spec, digests: { ...spec.digests, ...spec.nestedDigests } } : spec;
}

export class NativeResourceProvider implements NativeProvider {
    readonly version: string;
    private config: Record<string, string> = {};
    private readonly operations = new Map<string, ResourceOperations<any, any>>();
    private readonly getConfig = (key: string) => this.config[key];
    private readonly reporter?: PlanReporter;

    constructor(private readonly options: NativeProviderOptions) {
        this.version = options.version;
        this.reporter = options.planReporter?.(this.getConfig);
    }

    schema(): string {
        return this.options.schema();
    }

    configure(variables: Record<string, string>): void {
        this.config = { ...variables };
    }

    private ops(type: string): ResourceOperations<any, any> {
        let ops = this.operations.get(type);
        if (!ops) this.operations.set(type, (ops = new ResourceOperations(this.options.specFor(type))));
        return ops;
    }

    private context(): OperationContext {
        return this.options.operationContext(this.getConfig);
    }

    check(target: Target, olds: Bag, news: Bag): ReturnType<NativeProvider["check"]> {
        // Null members Pulumi YAML could not send keep the last inputs' value (dropped-nulls.ts).
        const given = restoreDroppedNulls(olds, stringsAsDeclared(this.options.specFor(target.type).inputSchema, news));
        const declared = { ...given, [URN_KEY]: target.urn };
        const ops = this.ops(target.type);
        const result = ops.check(olds, declared, this.options.checkContext(this.getConfig));
        this.reporter?.check(target.type, ops, olds, result);
        const inputs = withoutUndefined(result.inputs ?? news) as Bag;
        return { inputs, failures: result.failures, added: sameDeclared(news, inputs) ? addedMembers(news, inputs) : undefined };
    }

    diff(target: Target, id: string, olds: Bag, news: Bag, lastInputs: () => Bag | undefined): NativeDiff {
        const plan = this.ops(target.type).planChange(id, olds, news, lastInputs);
        this.reporter?.change(target.type, news, plan);
        const replaces = plan.result.replaces ?? [];
        return {
            changes: plan.result.changes === true,
            replaces,
            deleteBeforeReplace: plan.result.deleteBeforeReplace === true,
            detailedDiff: plan.changed.length === 0 ? {} : detailedDiff(plan.changed, replaces, lastInputs(), news, this.options.specFor(target.type).summary),
        };
    }

    async create(target: Target, news: Bag): Promise<{ id: string; outs: Bag }> {
        const result = await this.ops(target.type).create(this.context(), news);
        return { id: result.id, outs: result.outs ?? {} };
    }

    async read(target: Target, id: string, props: Bag): Promise<{ id: string; props?: Bag; inputs?: Bag }> {
        const result = await this.ops(target.type).read(this.context(), id, props);
        return { id: result.id ?? "", props: result.props, inputs: result.inputs };
    }

    async update(target: Target, id: string, olds: Bag, news: Bag): Promise<Bag> {
        return (await this.ops(target.type).update(this.context(), id, olds, news)).outs ?? {};
    }

    delete(target: Target, id: string, props: Bag): Promise<void> {
        return this.ops(target.type).delete(this.context(), id, props);
    }
}

/**
 * Top-level inputs declared as strings given as numbers or booleans become strings: Pulumi YAML
 * hands a config value such as `release: "2"` to the engine as the number 2.
 */
function stringsAsDeclared(inputSchema: object, news: Bag): Bag {
    const properties = (inputSchema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
    let result = news;
    for (const [name, value] of Object.entries(news)) {
        if (properties[name]?.type === "string" && (typeof value === "number" || typeof value === "boolean")) result = { ...result, [name]: String(value) };
    }
    return result;
}

/** Whether the checked inputs hold every declared member unchanged (check may only add: the creation marker). */
function sameDeclared(news: Bag, inputs: Bag): boolean {
    return Object.keys(news).every((key) => key in inputs && deepEqual(news[key], inputs[key]));
}

function addedMembers(news: Bag, inputs: Bag): Bag {
    return Object.fromEntries(Object.entries(inputs).filter(([key]) => !(key in news)));
}
