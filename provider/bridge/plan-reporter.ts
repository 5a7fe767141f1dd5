/**
 * Publishes the plan summary of each step the engine asks about: Diff of an existing resource
 * (update or replace) and Check of a new one (create). The engine checks a resource that it is
 * replacing a second time without old inputs; that check is not a create of its own, so the
 * inputs of replacements are remembered and their second check stays quiet. A summary that
 * cannot be built never fails the step: the reason goes to stderr instead. Each summary is
 * printed once per CLI command (showsPlan).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ResourceSummary } from "../change-summary/describe";
import { type PlanSinks, publishSummary } from "../change-summary/publish";
import type { PlannedChange, ResourceOperations } from "./operations";
import { HIDDEN_KEYS } from "./creation-marker";
import { servesPreview } from "./preview";
import { commandPlansNoChange, updateWasPreviewed } from "../change-summary/cli-command";
import { PROVIDER_KEY, sha256, withoutKeys } from "../values";

type Bag = Record<string, any>;

/** What the reporter needs of the operations (the plugin passes them in the wire shape, wire.ts). */
export type Planner = Pick<ResourceOperations<any, any>, "planChange" | "planCreate">;

export class PlanReporter {
    private readonly replacing = new Set<string>();

    /** Whether this process announced its once-per-run calls (the token exchange) yet. */
    private announcedRunCalls = false;

    /**
     * @param runCalls calls this process makes once, before its first API call (the token
     *   exchange): the first summary it prints lists them with its own.
     */
    constructor(
        private readonly sinks: () => PlanSinks,
        private readonly warn: (message: string) => void,
        private readonly runCalls: () => string[] = () => [],
        /** Whether this process shows the plan (the dynamic plugin's rule by default; the native plugin has its own). */
        private readonly shows: () => boolean = showsPlan,
    ) {}

    diff(type: string, ops: Planner, id: string, olds: Bag, news: Bag): dynamic.DiffResult {
        const plan = ops.planChange(id, olds, news);
        this.change(type, news, plan);
        return plan.result;
    }

    /** A diff planned by the caller (the native front door plans with the last deployment's inputs). */
    change(type: string, news: Bag, plan: PlannedChange): void {
        if ((plan.result.replaces ?? []).length > 0) this.replacing.add(fingerprint(type, news));
        this.publish(type, () => plan.summary?.());
    }

    /** After a successful check: a resource without old inputs is a create, unless it is a replacement's second check. */
    check(type: string, ops: Planner, olds: Bag | undefined, result: dynamic.CheckResult): void {
        if (!isNewResource(olds) || (result.failures ?? []).length > 0) return;
        if (this.replacing.delete(fingerprint(type, result.inputs ?? {}))) return;
        this.publish(type, () => ops.planCreate(result.inputs ?? {}));
    }

    private withRunCalls(summary: ResourceSummary): ResourceSummary {
        if (this.announcedRunCalls || !summary.lines.some((line) => line.trim() === "API calls:")) return summary;
        this.announcedRunCalls = true;
        return withCalls(summary, this.runCalls());
    }

    private publish(type: string, build: () => ResourceSummary | undefined): void {
        if (!this.shows()) return;
        try {
            const summary = build();
            if (summary) publishSummary(this.withRunCalls(summary), this.sinks());
        } catch (err) {
            this.warn(`plan summary of a ${type} unavailable: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
}

/** Check of a resource without old inputs: a create (or a replacement's second check). */
export function isNewResource(olds: Bag | undefined): boolean {
    return Object.keys(withoutKeys(olds ?? {}, [PROVIDER_KEY])).length === 0;
}

/** The summary's API calls preceded by the run's own, the first time a summary lists calls. */
function withCalls(summary: ResourceSummary, calls: string[]): ResourceSummary {
    const at = summary.lines.findIndex((line) => line.trim() === "API calls:");
    if (at < 0 || calls.length === 0) return summary;
    const indent = summary.lines[at].replace(/\S.*$/, "");
    const lines = [...summary.lines];
    lines.splice(at + 1, 0, ...calls.map((call) => `${indent}${indent}1 x ${call}`));
    return { ...summary, lines };
}

/**
 * Whether this process shows the plan (summaries, the connection probe, live-change notes): once
 * per CLI command, so in the preview of an `up` that has one (its update runs in another plugin
 * process), and never in a refresh or destroy, which make no planned change (cli-command.ts).
 */
export function showsPlan(): boolean {
    if (commandPlansNoChange()) return false;
    return servesPreview() || !updateWasPreviewed();
}

/** The declared inputs: a replacement's second check derives a creation marker of its own. */
function fingerprint(type: string, inputs: Bag): string {
    return `${type}:${sha256(withoutKeys(inputs, [PROVIDER_KEY, ...HIDDEN_KEYS]))}`;
}
