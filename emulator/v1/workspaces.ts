/**
 * Whole workspaces: create, list, get (export / include_audit / sort=stable), update (replace or
 * append), delete, and the training status derived from timestamps.
 */
import type { Violations } from "../core/violations";
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import type { CounterexampleRecord, DialogNodeRecord, EntityRecord, IntentRecord, V1Context, WorkspaceRecord } from "./model";
import { findByKey } from "./collection";
import { parseCounterexamples } from "./counterexamples";
import { parseDialogNodes } from "./dialog-nodes";
import { validateDialogTree } from "./dialog-tree";
import { parseEntity } from "./entities";
import { parseIntent } from "./intents";
import { isoNow } from "../core/clock";
import { badRequest, conflict } from "../core/errors";
import { paginate, queryFlag } from "../core/pagination";
import { markChanged, requireWorkspace, type ViewFlags } from "./store";
import { at, bodyViolations, checkArray, checkBoolean, checkDescription, checkEnum, checkObject, checkText, listParser, requireBodyObject } from "./validation";
import { counterexampleView, dialogNodeView, entityView, intentView } from "./views";

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

export function statusOf(ctx: V1Context, workspace: WorkspaceRecord): string {
    return ctx.now() < workspace.training_until ? "Training" : "Available";
}

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

function requestFacts(req: EmulatorRequest): RequestFacts {
    const raw = req.headers["x-watson-learning-opt-out"];
    const header = Array.isArray(raw) ? raw[0] : raw;
    return { optOutHeader: header === undefined ? undefined : header.toLowerCase() === "true", versionDate: req.query.get("version") ?? undefined };
}

function applyScalars(workspace: WorkspaceRecord, scalars: ParsedBody["scalars"]): void {
    for (const [field, value] of Object.entries(scalars)) {
        if (field === "language") continue;
        if (value === undefined) delete (workspace as any)[field];
        else (workspace as any)[field] = value;
    }
    if (workspace.learning_opt_out === undefined) workspace.learning_opt_out = false;
}

// ---- cross-area operations ----------------------------------------------------------------------

export function createWorkspaceFromBody(ctx: V1Context, rawBody: unknown, request: RequestFacts = {}): any {
    const body = requireBodyObject(rawBody);
    const stamp = isoNow(ctx);
    const problems = bodyViolations();
    const parsed = parseWorkspaceBody(body, stamp, request.versionDate, problems);
    const nodes = parsed.collections.dialog_nodes ?? [];
    if (!problems.any) validateDialogTree(nodes, (i) => at("dialog_nodes", i), problems);
    problems.throwIfAny();
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
    return workspaceView(ctx, workspace, { export: false, audit: false });
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
export function updateWorkspaceFromBody(ctx: V1Context, workspaceId: string, rawBody: unknown, append: boolean, request: RequestFacts = {}): WorkspaceRecord {
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

export function exportWorkspaceJson(ctx: V1Context, workspaceId: string): any | undefined {
    const workspace = ctx.state.v1.workspaces[workspaceId];
    return workspace ? workspaceView(ctx, workspace, { export: true, audit: false }) : undefined;
}

// ---- views -------------------------------------------------------------------------------------

const byKey = <T>(keyOf: (item: T) => string) => (a: T, b: T) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
};

/** sort=stable: every collection alphabetically by its key (synonyms by text), for stable diffs. */
function sortStable(view: any): void {
    view.intents.sort(byKey((i: any) => i.intent));
    for (const intent of view.intents) intent.examples.sort(byKey((e: any) => e.text));
    view.entities.sort(byKey((e: any) => e.entity));
    for (const entity of view.entities) {
        entity.values.sort(byKey((v: any) => v.value));
        for (const value of entity.values) value.synonyms?.sort();
    }
    view.counterexamples.sort(byKey((c: any) => c.text));
    view.dialog_nodes.sort(byKey((n: any) => n.dialog_node));
}

export function workspaceView(ctx: V1Context, workspace: WorkspaceRecord, flags: ViewFlags, stable = false): any {
    const view: any = { name: workspace.name, description: workspace.description, language: workspace.language };
    for (const field of ["metadata", "learning_opt_out", "system_settings", "webhooks"] as const) {
        if (workspace[field] !== undefined) view[field] = workspace[field];
    }
    view.workspace_id = workspace.workspace_id;
    view.status = statusOf(ctx, workspace);
    if (view.name === undefined) delete view.name;
    if (view.description === undefined) delete view.description;
    if (flags.audit) {
        view.created = workspace.created;
        view.updated = workspace.updated;
    }
    if (flags.export) {
        view.intents = workspace.intents.map((i) => intentView(i, flags));
        view.entities = workspace.entities.map((e) => entityView(e, flags));
        view.dialog_nodes = workspace.dialog_nodes.map((n) => dialogNodeView(n, flags));
        view.counterexamples = workspace.counterexamples.map((c) => counterexampleView(c, flags));
        if (stable) sortStable(view);
    }
    return view;
}

// ---- handlers ----------------------------------------------------------------------------------

const workspaceSortKeys = {
    name: (w: WorkspaceRecord) => w.name ?? "",
    updated: (w: WorkspaceRecord) => w.updated,
};

/**
 * Create and update responses carry metadata.api_version (major v1, minor = the request's version
 * date), as the service fills it in (IBM's SDK tests expect it). It is added to the response only,
 * not stored, so GET and exports return the metadata exactly as sent.
 */
function withApiVersion(view: any, req: EmulatorRequest): any {
    const api_version = { major_version: "v1", minor_version: req.query.get("version") };
    return { ...view, metadata: { ...(view.metadata ?? {}), api_version } };
}

export function listWorkspaces(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const flags = { export: false, audit: queryFlag(req, "include_audit") };
    const page = paginate(Object.values(ctx.state.v1.workspaces), req, { sortKeys: workspaceSortKeys });
    return { status: 200, body: { workspaces: page.items.map((w) => workspaceView(ctx, w, flags)), pagination: page.pagination } };
}

export function createWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const created = createWorkspaceFromBody(ctx, req.body ?? {}, requestFacts(req));
    if (queryFlag(req, "include_audit")) {
        const workspace = ctx.state.v1.workspaces[created.workspace_id];
        created.created = workspace.created;
        created.updated = workspace.updated;
    }
    return { status: 201, body: withApiVersion(created, req) };
}

export function getWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = { export: queryFlag(req, "export"), audit: queryFlag(req, "include_audit") };
    const sort = req.query.get("sort");
    if (sort !== null && sort !== "" && sort !== "stable") throw badRequest(`Invalid sort value ${sort}; supported: stable`, "sort");
    return { status: 200, body: workspaceView(ctx, workspace, flags, sort === "stable") };
}

export function updateWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    const append = queryFlag(req, "append");
    const workspace = updateWorkspaceFromBody(ctx, req.params.workspace_id, req.body ?? {}, append, requestFacts(req));
    return { status: 200, body: withApiVersion(workspaceView(ctx, workspace, { export: false, audit: queryFlag(req, "include_audit") }), req) };
}

export function deleteWorkspace(req: EmulatorRequest, ctx: V1Context): EmulatorResponse {
    requireWorkspace(ctx, req.params.workspace_id);
    delete ctx.state.v1.workspaces[req.params.workspace_id];
    return { status: 200, body: {} };
}

