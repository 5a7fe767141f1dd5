/** Entities, their values (synonyms or patterns) and synonyms; enabling system entities. */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from "../core/types";
import { addByKey, findByKey, firstDuplicate, removeByKey, renameByKey } from "./collection";
import type { EntityRecord, SynonymRecord, ValueRecord, WorkspaceRecord } from "./model";
import { paginate } from "./pagination";
import { badRequest, conflict, isoNow, markChanged, notFound, requireWorkspace, viewFlags } from "./store";
import {
    Problems, at, checkArray, checkBoolean, checkDescription, checkEntityName, checkEnum, checkObject, checkPlainText,
    checkText, isSystemEntity, requireBodyObject,
} from "./validation";
import { entityView, synonymView, valueView } from "./views";

const VALUE_TYPES = ["synonyms", "patterns"] as const;
const MAX_PATTERNS = 5;

// ---- rules -------------------------------------------------------------------------------------

function parseSynonyms(raw: unknown, path: string, stamp: string, problems: Problems): SynonymRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const synonyms = list.map((item, i) => ({
        synonym: checkPlainText(item, at(path, i), 64, problems) as string, created: stamp, updated: stamp,
    }));
    const duplicate = firstDuplicate(synonyms, (s) => s.synonym);
    if (duplicate && duplicate.value !== undefined) problems.add(at(path, duplicate.index), `Duplicate synonym "${duplicate.value}"`);
    return synonyms;
}

function parsePatterns(raw: unknown, path: string, problems: Problems): string[] {
    const list = checkArray(raw, path, problems, MAX_PATTERNS) ?? [];
    return list.map((item, i) => {
        const pattern = checkText(item, at(path, i), { required: true, max: 512, notBlank: true }, problems);
        if (pattern !== undefined) {
            try {
                new RegExp(pattern);
            } catch {
                problems.add(at(path, i), `${at(path, i)} is not a valid regular expression`);
            }
        }
        return pattern as string;
    });
}

const present = (list: unknown) => Array.isArray(list) && list.length > 0;

/**
 * Decides a value's type and enforces "either synonyms or patterns, not both". Without `type`,
 * a value that brings patterns (and no synonyms) is a patterns value.
 */
function resolveValueType(body: Record<string, any>, current: ValueRecord["type"] | undefined, path: string, problems: Problems): ValueRecord["type"] {
    const explicit = checkEnum(body.type, at(path, "type"), VALUE_TYPES, problems) as ValueRecord["type"] | undefined;
    if (present(body.synonyms) && present(body.patterns)) {
        problems.add(at(path, "patterns"), "A value can have either synonyms or patterns (as indicated by type), but not both");
    }
    const type = explicit ?? (present(body.patterns) ? "patterns" : "synonyms" in body ? "synonyms" : current ?? "synonyms");
    if (type === "synonyms" && present(body.patterns)) {
        problems.add(at(path, "patterns"), "patterns are not allowed when type is synonyms");
    }
    if (type === "patterns" && present(body.synonyms)) {
        problems.add(at(path, "synonyms"), "synonyms are not allowed when type is patterns");
    }
    return type;
}

export function parseValue(raw: unknown, path: string, stamp: string, problems: Problems): ValueRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const type = resolveValueType(body, undefined, path, problems);
    const value: ValueRecord = {
        value: checkPlainText(body.value, at(path, "value"), 64, problems) as string,
        type,
        synonyms: type === "synonyms" ? parseSynonyms(body.synonyms, at(path, "synonyms"), stamp, problems) : [],
        created: stamp,
        updated: stamp,
    };
    if (type === "patterns") value.patterns = parsePatterns(body.patterns, at(path, "patterns"), problems);
    const metadata = checkObject(body.metadata, at(path, "metadata"), problems);
    if (metadata !== undefined) value.metadata = metadata;
    return value;
}

function parseValues(raw: unknown, path: string, stamp: string, problems: Problems): ValueRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const values = list.map((item, i) => parseValue(item, at(path, i), stamp, problems));
    const duplicate = firstDuplicate(values, (v) => v.value);
    if (duplicate && duplicate.value !== undefined) {
        problems.add(at(at(path, duplicate.index), "value"), `Duplicate entity value "${duplicate.value}"`);
    }
    return values;
}

/** An entity named after a system entity (`sys-number`) enables it; it has no values of its own. */
export function parseEntity(raw: unknown, path: string, stamp: string, problems: Problems): EntityRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const entity: EntityRecord = {
        entity: checkEntityName(body.entity, at(path, "entity"), problems) as string,
        values: parseValues(body.values, at(path, "values"), stamp, problems),
        created: stamp,
        updated: stamp,
    };
    if (entity.entity !== undefined && isSystemEntity(entity.entity) && entity.values.length > 0) {
        problems.add(at(path, "values"), `System entity ${entity.entity} cannot have values`);
    }
    const description = checkDescription(body.description, at(path, "description"), problems);
    if (description !== undefined) entity.description = description;
    const metadata = checkObject(body.metadata, at(path, "metadata"), problems);
    if (metadata !== undefined) entity.metadata = metadata;
    const fuzzy = checkBoolean(body.fuzzy_match, at(path, "fuzzy_match"), problems);
    if (fuzzy !== undefined) entity.fuzzy_match = fuzzy;
    return entity;
}

function setOrClear<T extends object>(record: T, body: Record<string, any>, field: keyof T & string, value: unknown): void {
    if (!(field in body)) return;
    if (value === undefined) delete (record as any)[field];
    else (record as any)[field] = value;
}

// ---- entities ----------------------------------------------------------------------------------

function requireEntity(workspace: WorkspaceRecord, name: string): EntityRecord {
    const entity = findByKey(workspace.entities, "entity", name);
    if (!entity) throw notFound(`Entity not found: ${name}`);
    return entity;
}

const entitySortKeys = { entity: (e: EntityRecord) => e.entity, updated: (e: EntityRecord) => e.updated };

export function listEntities(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const flags = viewFlags(req);
    const page = paginate(workspace.entities, req, { sortKeys: entitySortKeys });
    return { status: 200, body: { entities: page.items.map((e) => entityView(e, flags)), pagination: page.pagination } };
}

export function createEntity(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const entity = parseEntity(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    if (findByKey(workspace.entities, "entity", entity.entity)) {
        throw conflict(`Unique Violation: The entity "${entity.entity}" already exists`, "entity");
    }
    addByKey(workspace.entities, "entity", entity);
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: entityView(entity, { export: true, audit: viewFlags(req).audit }) };
}

export function getEntity(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    return { status: 200, body: entityView(requireEntity(workspace, req.params.entity), viewFlags(req)) };
}

/** Included fields replace; `values` replaces all values; `entity` renames. */
export function updateEntity(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const body = requireBodyObject(req.body);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const newName = "entity" in body ? checkEntityName(body.entity, "entity", problems) : undefined;
    const description = checkDescription(body.description, "description", problems);
    const metadata = checkObject(body.metadata, "metadata", problems);
    const fuzzy = checkBoolean(body.fuzzy_match, "fuzzy_match", problems);
    const values = "values" in body && body.values !== null ? parseValues(body.values, "values", stamp, problems) : undefined;
    const finalName = newName ?? entity.entity;
    if (isSystemEntity(finalName) && (values?.length ?? entity.values.length) > 0) {
        problems.add("values", `System entity ${finalName} cannot have values`);
    }
    problems.throwIfAny();
    if (newName !== undefined && newName !== entity.entity) {
        if (findByKey(workspace.entities, "entity", newName)) {
            throw conflict(`Unique Violation: The entity "${newName}" already exists`, "entity");
        }
        renameByKey(workspace.entities, "entity", entity, newName);
    }
    setOrClear(entity, body, "description", description);
    setOrClear(entity, body, "metadata", metadata);
    setOrClear(entity, body, "fuzzy_match", fuzzy);
    if (values) entity.values = values;
    entity.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: entityView(entity, { export: true, audit: viewFlags(req).audit }) };
}

export function deleteEntity(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    if (!removeByKey(workspace.entities, "entity", req.params.entity)) throw notFound(`Entity not found: ${req.params.entity}`);
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}

// ---- values ------------------------------------------------------------------------------------

function requireValue(entity: EntityRecord, text: string): ValueRecord {
    const value = findByKey(entity.values, "value", text);
    if (!value) throw notFound(`Value not found: ${text}`);
    return value;
}

const valueSortKeys = { value: (v: ValueRecord) => v.value, updated: (v: ValueRecord) => v.updated };

export function listValues(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const flags = viewFlags(req);
    const page = paginate(entity.values, req, { sortKeys: valueSortKeys });
    return { status: 200, body: { values: page.items.map((v) => valueView(v, flags)), pagination: page.pagination } };
}

export function createValue(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    if (isSystemEntity(entity.entity)) throw badRequest(`System entity ${entity.entity} cannot have values`, "value");
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const value = parseValue(requireBodyObject(req.body), "", stamp, problems);
    problems.throwIfAny();
    if (findByKey(entity.values, "value", value.value)) {
        throw conflict(`Unique Violation: The value "${value.value}" already exists in entity "${entity.entity}"`, "value");
    }
    addByKey(entity.values, "value", value);
    entity.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: valueView(value, { export: true, audit: viewFlags(req).audit }) };
}

export function getValue(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const value = requireValue(requireEntity(workspace, req.params.entity), req.params.value);
    return { status: 200, body: valueView(value, viewFlags(req)) };
}

/** `value` renames; `synonyms` / `patterns` replace the existing ones; `type` may switch kinds. */
export function updateValue(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const value = requireValue(entity, req.params.value);
    const body = requireBodyObject(req.body);
    const stamp = isoNow(ctx);
    const problems = new Problems();
    const newText = "value" in body ? checkPlainText(body.value, "value", 64, problems) : undefined;
    const metadata = checkObject(body.metadata, "metadata", problems);
    const type = resolveValueType(body, value.type, "", problems);
    const synonyms = type === "synonyms" && "synonyms" in body ? parseSynonyms(body.synonyms, "synonyms", stamp, problems) : undefined;
    const patterns = type === "patterns" && "patterns" in body ? parsePatterns(body.patterns, "patterns", problems) : undefined;
    problems.throwIfAny();
    if (newText !== undefined && newText !== value.value) {
        if (findByKey(entity.values, "value", newText)) {
            throw conflict(`Unique Violation: The value "${newText}" already exists in entity "${entity.entity}"`, "value");
        }
        renameByKey(entity.values, "value", value, newText);
    }
    setOrClear(value, body, "metadata", metadata);
    if (type !== value.type) {
        value.synonyms = [];
        value.patterns = type === "patterns" ? [] : undefined;
        if (value.patterns === undefined) delete value.patterns;
        value.type = type;
    }
    if (synonyms) value.synonyms = synonyms;
    if (patterns) value.patterns = patterns;
    value.updated = stamp;
    entity.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: valueView(value, { export: true, audit: viewFlags(req).audit }) };
}

export function deleteValue(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    if (!removeByKey(entity.values, "value", req.params.value)) throw notFound(`Value not found: ${req.params.value}`);
    entity.updated = isoNow(ctx);
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}

// ---- synonyms ----------------------------------------------------------------------------------

function requireSynonym(value: ValueRecord, text: string): SynonymRecord {
    const synonym = findByKey(value.synonyms, "synonym", text);
    if (!synonym) throw notFound(`Synonym not found: ${text}`);
    return synonym;
}

const synonymSortKeys = { synonym: (s: SynonymRecord) => s.synonym, updated: (s: SynonymRecord) => s.updated };

export function listSynonyms(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const value = requireValue(requireEntity(workspace, req.params.entity), req.params.value);
    const flags = viewFlags(req, false);
    const page = paginate(value.synonyms, req, { sortKeys: synonymSortKeys });
    return { status: 200, body: { synonyms: page.items.map((s) => synonymView(s, flags)), pagination: page.pagination } };
}

export function createSynonym(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const value = requireValue(entity, req.params.value);
    const body = requireBodyObject(req.body);
    const problems = new Problems();
    const text = checkPlainText(body.synonym, "synonym", 64, problems);
    problems.throwIfAny();
    if (value.type === "patterns") throw badRequest(`Value "${value.value}" is of type patterns and cannot have synonyms`, "synonym");
    if (findByKey(value.synonyms, "synonym", text!)) {
        throw conflict(`Unique Violation: The synonym "${text}" already exists in value "${value.value}"`, "synonym");
    }
    const stamp = isoNow(ctx);
    const synonym: SynonymRecord = { synonym: text!, created: stamp, updated: stamp };
    addByKey(value.synonyms, "synonym", synonym);
    value.updated = stamp;
    entity.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 201, body: synonymView(synonym, viewFlags(req, false)) };
}

export function getSynonym(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const value = requireValue(requireEntity(workspace, req.params.entity), req.params.value);
    return { status: 200, body: synonymView(requireSynonym(value, req.params.synonym), viewFlags(req, false)) };
}

/** `synonym` in the body renames the synonym. */
export function updateSynonym(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const value = requireValue(entity, req.params.value);
    const synonym = requireSynonym(value, req.params.synonym);
    const body = requireBodyObject(req.body);
    const problems = new Problems();
    const newText = "synonym" in body ? checkPlainText(body.synonym, "synonym", 64, problems) : undefined;
    problems.throwIfAny();
    if (newText !== undefined && newText !== synonym.synonym) {
        if (findByKey(value.synonyms, "synonym", newText)) {
            throw conflict(`Unique Violation: The synonym "${newText}" already exists in value "${value.value}"`, "synonym");
        }
        renameByKey(value.synonyms, "synonym", synonym, newText);
    }
    const stamp = isoNow(ctx);
    synonym.updated = stamp;
    value.updated = stamp;
    entity.updated = stamp;
    markChanged(ctx, workspace, stamp);
    return { status: 200, body: synonymView(synonym, viewFlags(req, false)) };
}

export function deleteSynonym(req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse {
    const workspace = requireWorkspace(ctx, req.params.workspace_id);
    const entity = requireEntity(workspace, req.params.entity);
    const value = requireValue(entity, req.params.value);
    if (!removeByKey(value.synonyms, "synonym", req.params.synonym)) throw notFound(`Synonym not found: ${req.params.synonym}`);
    value.updated = isoNow(ctx);
    entity.updated = value.updated;
    markChanged(ctx, workspace);
    return { status: 200, body: {} };
}
