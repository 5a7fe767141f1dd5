/**
 * Reads the engine's event log (`pulumi up --event-log <file>`: one JSON engine event per line) into
 * the step the engine took per resource, so tests can compare the real engine's plan with the
 * harness's and assert what happened without parsing the CLI's human output.
 */
import * as fs from "fs";

export interface EngineStep {
    urn: string;
    /** Resource name: the last segment of the URN. */
    name: string;
    type: string;
    /**
     * What the engine did to the resource: create, update, delete, same, read, refresh, ... A
     * replacement (the engine's create-replacement, replace and delete-replaced steps) is `replace`.
     */
    op: string;
    /** The engine's own step ops for this resource, in order (e.g. create-replacement, replace, delete-replaced). */
    ops: string[];
    /** Properties whose change forced a replacement (from the step metadata). */
    keys?: string[];
    /** Top-level properties the diff reported as changed. */
    diffs?: string[];
    /** Property paths of the provider's detailed diff (native providers), e.g. `intents[0].examples`, with their kind. */
    detailedDiff?: Record<string, string>;
    /** Set when the step failed. */
    failed?: boolean;
}

interface StepMetadata {
    op: string;
    urn: string;
    type: string;
    keys?: string[];
    diffs?: string[];
    detailedDiff?: Record<string, { diffKind: string }>;
}

interface EngineEvent {
    sequence?: number;
    resourcePreEvent?: { metadata: StepMetadata; planning?: boolean };
    resOutputsEvent?: { metadata: StepMetadata; planning?: boolean };
    resOpFailedEvent?: { metadata: StepMetadata };
    diagnosticEvent?: { urn?: string; message: string; severity: string };
}

export function nameOfUrn(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The engine's events, in order. An absent file (the CLI died before writing one) is no events. */
export function readEvents(file: string): EngineEvent[] {
    if (!fs.existsSync(file)) return [];
    return fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim() !== "").flatMap((line) => {
        try {
            return [JSON.parse(line) as EngineEvent];
        } catch {
            return []; // a torn last line from a killed CLI
        }
    });
}

const REPLACEMENT_OPS = new Set(["create-replacement", "replace", "delete-replaced"]);

/**
 * One entry per resource, in the order the engine first stepped it; the stack itself and provider
 * resources (the default pulumi-nodejs provider, which the engine updates whenever config changes)
 * are left out.
 */
export function stepsOf(events: EngineEvent[]): EngineStep[] {
    const steps = new Map<string, EngineStep>();
    const record = (meta: StepMetadata, failed = false) => {
        if (meta.type === "pulumi:pulumi:Stack" || meta.type.startsWith("pulumi:providers:")) return;
        const step = steps.get(meta.urn) ?? { urn: meta.urn, name: nameOfUrn(meta.urn), type: meta.type, op: meta.op, ops: [] };
        if (step.ops[step.ops.length - 1] !== meta.op) step.ops.push(meta.op);
        step.op = REPLACEMENT_OPS.has(meta.op) ? "replace" : meta.op;
        if (meta.keys?.length) step.keys = meta.keys;
        if (meta.diffs?.length) step.diffs = meta.diffs;
        if (meta.detailedDiff) step.detailedDiff = Object.fromEntries(Object.entries(meta.detailedDiff).map(([path, d]) => [path, d.diffKind]));
        if (failed) step.failed = true;
        steps.set(meta.urn, step);
    };
    for (const event of events) {
        if (event.resourcePreEvent) record(event.resourcePreEvent.metadata);
        else if (event.resOutputsEvent) record(event.resOutputsEvent.metadata);
        else if (event.resOpFailedEvent) record(event.resOpFailedEvent.metadata, true);
    }
    return [...steps.values()];
}

/** Diagnostic messages (what providers log, errors), without the CLI's colour codes. */
export function diagnosticsOf(events: EngineEvent[]): { urn?: string; severity: string; message: string }[] {
    return events.flatMap((e) => e.diagnosticEvent
        // eslint-disable-next-line no-control-regex
        ? [{ urn: e.diagnosticEvent.urn, severity: e.diagnosticEvent.severity, message: e.diagnosticEvent.message.replace(/<\{%[^%]*%\}>/g, "").replace(/\u001b\[[0-9;]*m/g, "") }]
        : []);
}
