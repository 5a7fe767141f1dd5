/**
 * Whole-workspace rules: the body of a create or update (replace or append) checked completely
 * before anything changes, the records stored, and the training status. Take plain values and
 * return records; workspace-views.ts renders them and handlers/workspaces.ts serves them.
 */
import { isoNow } from "../core/clock";
import { conflict } from "../core/errors";
import type { Violations } from "../core/violations";
import { findByKey } from "./collection";
import { parseCounterexamples } from "./counterexamples";
import { parseDialogNodes } from "./dialog-nodes";
import { validateDialogTree } from "./dialog-tree";
import { parseEntity } from "./entities";
import { parseIntent } from "./intents";
import type { CounterexampleRecord, DialogNodeRecord, EntityRecord, IntentRecord, V1Context, WorkspaceRecord } from "./model";
import { markChanged, requireWorkspace } from "./store";
import { at, bodyViolations, checkArray, checkBoolean, checkDescription, checkEnum, checkObject, checkText, listParser, requireBodyObject } from "./validation";

/** `Processing` while an async write is pending, `Failed` when it failed, else `Training` or `Available`. */
export function statusOf(ctx: V1Context, workspace: WorkspaceRecord): string {
    if (workspace.pending) return "Processing";
    if (workspace.status_errors) return "Failed";
    return ctx.now() < workspace.training_until ? "Training" : "Available";
}

/**
 * Sensitivity levels: `auto`/`high` in the 2018-09-20 reference, six in IBM's current SDK models.
 * Which version added the four is not documented; every later version date takes all six.
 */
const SENSITIVITIES = ["auto", "high", "medium_high", "medium", "medium_low", "low"] as const;
const SENSITIVITIES_2018 = ["auto", "high"] as const;

/** What a create or update request says besides its body. */
export interface RequestFacts {
    /** X-Watson-Learning-Opt-Out, which overrides the body's learning_opt_out. */
    optOutHeader?: boolean;
    /** The request's `version`; absent for content that arrives through v2 (latest rules). */
    versionDate?: string;
}

/** A language code as the service takes it (lowercase, e.g. en, fr, zh-cn). */
const LANGUAGE = /^[a-z]{2}(-[a-z]{2,4})?$/;

// ---- body rules --------------------------------------------------------------------------------

/** The collections a body may carry, each with its natural key. */
const COLLECTIONS = {
    intents: { key: "intent", parse: listParser(parseIntent, "intent", "intent") },
    entities: { key: "entity", parse: listParser(parseEntity, "entity", "entity") },
    dialog_nodes: { key: "dialog_node", parse: parseDialogNodes },
    counterexamples: { key: "text", parse: parseCounterexamples },
} as const;
type CollectionName = keyof typeof COLLECTIONS;
const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

interface ParsedBody {
    /** Top-level scalar fields present in the body (undefined = clear). */
    scalars: Partial<Record<"name" | "description" | "language" | "metadata" | "learning_opt_out" | "system_settings" | "webhooks", unknown>>;
    collections: Partial<{ intents: IntentRecord[]; entities: EntityRecord[]; dialog_nodes: DialogNodeRecord[]; counterexamples: CounterexampleRecord[] }>;
}

function checkSystemSettings(raw: unknown, versionDate: string | undefined, problems: Violations): Record<string, any> | undefined {
    const settings = checkObject(raw, "system_settings", problems);
    if (!settings) return undefined;
    const tooling = checkObject(settings.tooling, "system_settings.tooling", problems);
    if (tooling) checkBoolean(tooling.store_generic_responses, "system_settings.tooling.store_generic_responses", problems);
    const disambiguation = checkObject(settings.disambiguation, "system_settings.disambiguation", problems);
    if (disambiguation) {
        checkBoolean(disambiguation.enabled, "system_settings.disambiguation.enabled", problems);
        const levels = versionDate !== undefined && versionDate <= "2018-09-20" ? SENSITIVITIES_2018 : SENSITIVITIES;
        checkEnum(disambiguation.sensitivity, "system_settings.disambiguation.sensitivity", levels, problems);
        checkText(disambiguation.prompt, "system_settings.disambiguation.prompt", {}, problems);
        checkText(disambiguation.none_of_the_above_prompt, "system_settings.disambiguation.none_of_the_above_prompt", {}, problems);
    }
    return settings;
}

function checkWebhooks(raw: unknown, problems: Violations): unknown[] | undefined {
    const webhooks = checkArray(raw, "webhooks", problems);
    webhooks?.forEach((item, i) => {
        const path = at("webhooks", i);
        const webhook = checkObject(item, path, problems, true);
        if (!webhook) return;
        checkText(webhook.url, at(path, "url"), { required: true }, problems);
        checkText(webhook.name, at(path, "name"), { required: true, max: 64 }, problems);
        checkArray(webhook.headers, at(path, "headers"), problems);
    });
    return webhooks;
}

function parseWorkspaceBody(body: Record<string, any>, stamp: string, versionDate: string | undefined, problems: Violations): ParsedBody {
    const scalars: ParsedBody["scalars"] = {};
    const checks: Record<keyof ParsedBody["scalars"], (value: unknown) => unknown> = {
        name: (v) => checkText(v, "name", { max: 64, singleLine: true }, problems),
        description: (v) => checkDescription(v, "description", problems),
        language: (v) => checkText(v, "language", { pattern: LANGUAGE, patternMessage: "must be a language code such as en, fr or zh-cn" }, problems),
        metadata: (v) => checkObject(v, "metadata", problems),
        learning_opt_out: (v) => checkBoolean(v, "learning_opt_out", problems),
        system_settings: (v) => checkSystemSettings(v, versionDate, problems),
        webhooks: (v) => checkWebhooks(v, problems),
    };
    for (const [field, check] of Object.entries(checks) as [keyof ParsedBody["scalars"], (v: unknown) => unknown][]) {
        if (field in body) scalars[field] = check(body[field]);
    }
    const collections: ParsedBody["collections"] = {};
    for (const name of COLLECTION_NAMES) {
        if (body[name] === undefined || body[name] === null) continue;
        (collections as any)[name] = COLLECTIONS[name].parse(body[name], name, stamp, problems);
    }
    return { scalars, collections };
}

function applyScalars(workspace: WorkspaceRecord, scalars: ParsedBody["scalars"]): void {
    for (const [field, value] of Object.entries(scalars)) {
        if (field === "language") continue;
        if (value === undefined) delete (workspace as any)[field];
        else (workspace as any)[field] = value;
    }
    if (workspace.learning_opt_out === undefined) workspace.learning_opt_out = false;
}

/** Whether a body field is one of the four collections (the content an async create applies later). */
export const isCollection = (field: string): boolean => field in COLLECTIONS;

/** A whole create body, checked completely: one 400 names every problem. */
function parseCreateBody(body: Record<string, any>, stamp: string, versionDate: string | undefined): ParsedBody {
    const problems = bodyViolations();
    const parsed = parseWorkspaceBody(body, stamp, versionDate, problems);
    if (!problems.any) validateDialogTree(parsed.collections.dialog_nodes ?? [], (i) => at("dialog_nodes", i), problems);
    problems.throwIfAny();
    return parsed;
}

/** Checks a create body without storing anything (the async create checks before it accepts). */
export function checkWorkspaceBody(ctx: V1Context, rawBody: unknown, request: RequestFacts = {}): void {
    parseCreateBody(requireBodyObject(rawBody), isoNow(ctx), request.versionDate);
}

/** Checks a whole-workspace body (POST /v1/workspaces, a v2 dialog skill) and stores the new workspace. */
export function createWorkspace(ctx: V1Context, rawBody: unknown, request: RequestFacts = {}): WorkspaceRecord {
    const body = requireBodyObject(rawBody);
    const stamp = isoNow(ctx);
    const parsed = parseCreateBody(body, stamp, request.versionDate);
    const nodes = parsed.collections.dialog_nodes ?? [];
    const workspace: WorkspaceRecord = {
        workspace_id: ctx.newId(),
        language: (parsed.scalars.language as string | undefined) ?? "en",
        learning_opt_out: false,
        intents: parsed.collections.intents ?? [],
        entities: parsed.collections.entities ?? [],
        dialog_nodes: nodes,
        counterexamples: parsed.collections.counterexamples ?? [],
        created: stamp,
        updated: stamp,
        training_until: 0,
    };
    applyScalars(workspace, parsed.scalars);
    if (request.optOutHeader !== undefined) workspace.learning_opt_out = request.optOutHeader;
    markChanged(ctx, workspace, stamp);
    ctx.state.v1.workspaces[workspace.workspace_id] = workspace;
    return workspace;
}

/** Keeps `created` of elements that survive a replace (matched by natural key). */
function carryCreated<T extends { created: string }>(previous: T[], next: T[], key: keyof T): void {
    for (const item of next) {
        const old = findByKey(previous, key, item[key] as unknown as string);
        if (old) item.created = old.created;
    }
}

/**
 * append=false: each included collection replaces the existing one, omitted ones stay.
 * append=true: included elements are added; an element whose key already exists is a 409.
 * Nothing changes unless the whole body is valid.
 */
export function updateWorkspace(ctx: V1Context, workspaceId: string, rawBody: unknown, append: boolean, request: RequestFacts = {}): WorkspaceRecord {
    const workspace = requireWorkspace(ctx, workspaceId);
    const body = requireBodyObject(rawBody);
    const stamp = isoNow(ctx);
    const problems = bodyViolations();
    const parsed = parseWorkspaceBody(body, stamp, request.versionDate, problems);
    const language = parsed.scalars.language;
    if ("language" in parsed.scalars && language !== undefined && language !== workspace.language) {
        problems.add("language", `The language of a workspace cannot be changed (it is ${workspace.language})`);
    }
    problems.throwIfAny();

    const finals: Record<string, any[]> = {};
    for (const name of COLLECTION_NAMES) {
        const incoming = parsed.collections[name] as any[] | undefined;
        if (!incoming) continue;
        const key = COLLECTIONS[name].key as any;
        const existing = workspace[name] as any[];
        if (append) {
            incoming.forEach((item, i) => {
                if (findByKey(existing, key, item[key])) {
                    throw conflict(`Unique Violation: ${name} element "${item[key]}" already exists`, at(at(name, i), key));
                }
            });
            finals[name] = [...existing, ...incoming];
        } else {
            carryCreated(existing, incoming, key);
            finals[name] = incoming;
        }
    }
    if (finals.dialog_nodes) {
        const offset = append ? workspace.dialog_nodes.length : 0;
        validateDialogTree(finals.dialog_nodes, (i) => (i >= offset ? at("dialog_nodes", i - offset) : "dialog_nodes"), problems);
        problems.throwIfAny();
    }
    for (const [name, list] of Object.entries(finals)) (workspace as any)[name] = list;
    applyScalars(workspace, parsed.scalars);
    if (request.optOutHeader !== undefined) workspace.learning_opt_out = request.optOutHeader;
    markChanged(ctx, workspace, stamp);
    return workspace;
}

/** Deletes a workspace; a missing one is a no-op. */
export function deleteWorkspace(ctx: V1Context, workspaceId: string): void {
    delete ctx.state.v1.workspaces[workspaceId];
}

/** `Training` or `Available`; `Non Existent` when there is no such workspace. */
export function workspaceStatus(ctx: V1Context, workspaceId: string): string {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    return workspace ? statusOf(ctx, workspace) : "Non Existent";
}
