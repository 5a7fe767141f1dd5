/** Intents and their examples (with contextual entity mentions): rules and handlers. */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { addByKey, findByKey, firstDuplicate, removeByKey, renameByKey } from "./collection";
import type { ExampleRecord, IntentRecord, Mention, WorkspaceRecord } from "./model";
import { paginate } from "./pagination";
import { conflict, isoNow, markChanged, notFound, requireWorkspace, viewFlags } from "./store";
import {
    Problems, at, checkArray, checkDescription, checkEntityName, checkIntentName, checkObject, checkPlainText, requireBodyObject,
} from "./validation";
import { exampleView, intentView } from "./views";

// ---- rules -------------------------------------------------------------------------------------

function parseMentions(raw: unknown, path: string, text: string | undefined, problems: Problems): Mention[] | undefined {
    const list = checkArray(raw, path, problems);
    if (!list) return undefined;
    return list.map((item, i) => {
        const itemPath = at(path, i);
        const mention = checkObject(item, itemPath, problems, true) ?? {};
        const entity = checkEntityName(mention.entity, at(itemPath, "entity"), problems);
        const location = mention.location;
        const locationPath = at(itemPath, "location");
        const valid = Array.isArray(location) && location.length === 2 && location.every((n) => Number.isInteger(n));
        if (!valid) {
            problems.add(locationPath, `${locationPath} must be an array of exactly 2 integers`);
        } else if (text !== undefined) {
            const [start, end] = location as number[];
            if (start < 0 || end <= start || end > text.length) {
                problems.add(locationPath, `${locationPath} [${start}, ${end}] must satisfy 0 <= start < end <= ${text.length} (the text length)`);
            }
        }
        return { entity: entity as string, location: valid ? [location[0], location[1]] : [0, 0] } as Mention;
    });
}

export function parseExample(raw: unknown, path: string, stamp: string, problems: Problems): ExampleRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const text = checkPlainText(body.text, at(path, "text"), 1024, problems);
    const mentions = parseMentions(body.mentions, at(path, "mentions"), text, problems);
    const example: ExampleRecord = { text: text as string, created: stamp, updated: stamp };
    if (mentions) example.mentions = mentions;
    return example;
}

export function parseExamples(raw: unknown, path: string, stamp: string, problems: Problems): ExampleRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const examples = list.map((item, i) => parseExample(item, at(path, i), stamp, problems));
    const duplicate = firstDuplicate(examples, (e) => e.text);
    if (duplicate && duplicate.value !== undefined) {
        problems.add(at(at(path, duplicate.index), "text"), `Duplicate example text "${duplicate.value}"`);
    }
    return examples;
}

export function parseIntent(raw: unknown, path: string, stamp: string, problems: Problems): IntentRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const intent: IntentRecord = {
        intent: checkIntentName(body.intent, at(path, "intent"), problems) as string,
        examples: parseExamples(body.examples, at(path, "examples"), stamp, problems),
        created: stamp,
        updated: stamp,
    };
    const description = checkDescription(body.description, at(path, "description"), problems);
    if (description !== undefined) intent.description = description;
    return intent;
}

// ---- intent handlers ---------------------------------------------------------------------------

function requireIntent(workspace: WorkspaceRecord, name: string): IntentRecord {
    const intent = findByKey(workspace.intents, "intent", name);
    if (!intent) throw notFound(`Intent not found: ${name}`);
    return intent;
}

const intentSortKeys = { intent: (i: IntentRecord) => i.intent, updated: (i: IntentRecord) => i.updated };

export function listIntents(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = viewFlags(req);
    const page = paginate(workspace.intents, req, { sortKeys: intentSortKeys });
    return { status: 200, body: { intents: page.items.map((i) => intentView(i, flags)), pagination: page.pagination } };
}

export function createIntent(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const intent = parseIntent(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    if (findByKey(workspace.intents, "intent", intent.intent)) {
        throw conflict(`Unique Violation: The intent "${intent.intent}" already exists`, "intent");
    }
    addByKey(workspace.intents, "intent", intent);
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: intentView(intent, { export: true, audit: viewFlags(req).audit }) };
}

export function getIntent(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: intentView(requireIntent(workspace, req.params.intent), viewFlags(req)) };
}

/** Included fields replace; `examples` replaces all examples; `intent` renames. */
export function updateIntent(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const intent = requireIntent(workspace, req.params.intent);
    const body = requireBodyObject(req.body);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const newName = "intent" in body ? checkIntentName(body.intent, "intent", problems) : undefined;
    const description = checkDescription(body.description, "description", problems);
    const examples = "examples" in body && body.examples !== null ? parseExamples(body.examples, "examples", stamp, problems) : undefined;
    problems.throwIfAny();
    if (newName !== undefined && newName !== intent.intent) {
        if (findByKey(workspace.intents, "intent", newName)) {
            throw conflict(`Unique Violation: The intent "${newName}" already exists`, "intent");
        }
        renameByKey(workspace.intents, "intent", intent, newName);
    }
    if ("description" in body) {
        if (description === undefined) delete intent.description;
        else intent.description = description;
    }
    if (examples) intent.examples = examples;
    intent.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: intentView(intent, { export: true, audit: viewFlags(req).audit }) };
}

export function deleteIntent(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    if (!removeByKey(workspace.intents, "intent", req.params.intent)) throw notFound(`Intent not found: ${req.params.intent}`);
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}

// ---- example handlers --------------------------------------------------------------------------

function requireExample(intent: IntentRecord, text: string): ExampleRecord {
    const example = findByKey(intent.examples, "text", text);
    if (!example) throw notFound(`Example not found: ${text}`);
    return example;
}

const exampleSortKeys = { text: (e: ExampleRecord) => e.text, updated: (e: ExampleRecord) => e.updated };

export function listExamples(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const intent = requireIntent(workspace, req.params.intent);
    const flags = viewFlags(req, false);
    const page = paginate(intent.examples, req, { sortKeys: exampleSortKeys });
    return { status: 200, body: { examples: page.items.map((e) => exampleView(e, flags)), pagination: page.pagination } };
}

export function createExample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const intent = requireIntent(workspace, req.params.intent);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const example = parseExample(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    if (findByKey(intent.examples, "text", example.text)) {
        throw conflict(`Unique Violation: The example "${example.text}" already exists in intent "${intent.intent}"`, "text");
    }
    addByKey(intent.examples, "text", example);
    intent.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: exampleView(example, viewFlags(req, false)) };
}

export function getExample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const example = requireExample(requireIntent(workspace, req.params.intent), req.params.text);
    return { status: 200, body: exampleView(example, viewFlags(req, false)) };
}

/** `text` renames the example; `mentions` replaces its mentions (checked against the final text). */
export function updateExample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const intent = requireIntent(workspace, req.params.intent);
    const example = requireExample(intent, req.params.text);
    const body = requireBodyObject(req.body);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const newText = "text" in body ? checkPlainText(body.text, "text", 1024, problems) : undefined;
    const finalText = newText ?? example.text;
    const mentionsSource = "mentions" in body ? body.mentions : example.mentions;
    const mentions = parseMentions(mentionsSource, "mentions", finalText, problems);
    problems.throwIfAny();
    if (newText !== undefined && newText !== example.text) {
        if (findByKey(intent.examples, "text", newText)) {
            throw conflict(`Unique Violation: The example "${newText}" already exists in intent "${intent.intent}"`, "text");
        }
        renameByKey(intent.examples, "text", example, newText);
    }
    if (mentions) example.mentions = mentions;
    else delete example.mentions;
    example.updated = stamp;
    intent.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: exampleView(example, viewFlags(req, false)) };
}

export function deleteExample(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const intent = requireIntent(workspace, req.params.intent);
    if (!removeByKey(intent.examples, "text", req.params.text)) throw notFound(`Example not found: ${req.params.text}`);
    intent.updated = isoNow(ctx);
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}
