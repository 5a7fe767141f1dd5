/** Entities, their values (synonyms or patterns) and synonyms; enabling system entities. */
import type { Violations } from "../core/violations";
import { firstDuplicate } from "./collection";
import { type ElementKind, locate } from "./elements";
import type { EntityRecord, SynonymRecord, ValueRecord, WorkspaceRecord } from "./model";
import { badRequest } from "../core/errors";
import { setOrClear } from "./store";
import { at, bodyViolations, checkArray, checkBoolean, checkDescription, checkEntityName, checkEnum, checkObject, checkPlainText, checkText, isSystemEntity, listParser } from "./validation";
import { entityView, synonymView, valueView } from "./views";

const VALUE_TYPES = ["synonyms", "patterns"] as const;
const MAX_PATTERNS = 5;

// ---- rules -------------------------------------------------------------------------------------

function parseSynonyms(raw: unknown, path: string, stamp: string, problems: Violations): SynonymRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const synonyms = list.map((item, i) => ({
        synonym: checkPlainText(item, at(path, i), 64, problems) as string, created: stamp, updated: stamp,
    }));
    const duplicate = firstDuplicate(synonyms, (s) => s.synonym);
    if (duplicate && duplicate.value !== undefined) problems.add(at(path, duplicate.index), `Duplicate synonym "${duplicate.value}"`);
    return synonyms;
}

function parsePatterns(raw: unknown, path: string, problems: Violations): string[] {
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
 * Decides a value's type and enforces "either synonyms or patterns (as indicated by type), but not
 * both". `type` defaults to synonyms (§3.4), so patterns need `type: "patterns"`; an update without
 * `type` keeps the current one.
 */
function resolveValueType(body: Record<string, any>, current: ValueRecord["type"] | undefined, path: string, problems: Violations): ValueRecord["type"] {
    const explicit = checkEnum(body.type, at(path, "type"), VALUE_TYPES, problems) as ValueRecord["type"] | undefined;
    if (present(body.synonyms) && present(body.patterns)) {
        problems.add(at(path, "patterns"), "A value can have either synonyms or patterns (as indicated by type), but not both");
    }
    const type = explicit ?? current ?? "synonyms";
    if (type === "synonyms" && present(body.patterns)) {
        problems.add(at(path, "patterns"), "patterns are not allowed when type is synonyms");
    }
    if (type === "patterns" && present(body.synonyms)) {
        problems.add(at(path, "synonyms"), "synonyms are not allowed when type is patterns");
    }
    return type;
}

export function parseValue(raw: unknown, path: string, stamp: string, problems: Violations): ValueRecord {
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

const parseValues = listParser(parseValue, "value", "entity value");

/** An entity named after a system entity (`sys-number`) enables it; it has no values of its own. */
export function parseEntity(raw: unknown, path: string, stamp: string, problems: Violations): EntityRecord {
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

/** A synonym created on its own: the body is `{ synonym }`. */
function parseSynonym(raw: unknown, path: string, stamp: string, problems: Violations): SynonymRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return { synonym: checkPlainText(body.synonym, at(path, "synonym"), 64, problems) as string, created: stamp, updated: stamp };
}

// ---- the kinds (handlers/elements.ts serves them) ------------------------------------------------

export const entityKind: ElementKind<EntityRecord, WorkspaceRecord> = {
    noun: "entity",
    key: "entity",
    plural: "entities",
    hasSubelements: true,
    place: (workspace) => ({ list: workspace.entities, parent: workspace, owners: [] }),
    parse: parseEntity,
    view: entityView,
    /** Included fields replace; `values` replaces all values; `entity` renames. */
    update({ element: entity, body, stamp, rename }) {
        const problems = bodyViolations();
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
        rename(newName);
        setOrClear(entity, body, "description", description);
        setOrClear(entity, body, "metadata", metadata);
        setOrClear(entity, body, "fuzzy_match", fuzzy);
        if (values) entity.values = values;
    },
};

export const valueKind: ElementKind<ValueRecord, EntityRecord> = {
    noun: "value",
    key: "value",
    plural: "values",
    hasSubelements: true,
    place(workspace, params) {
        const entity = locate(entityKind, workspace, params).element;
        return { list: entity.values, parent: entity, owners: [entity] };
    },
    checkParent(entity) {
        if (isSystemEntity(entity.entity)) throw badRequest(`System entity ${entity.entity} cannot have values`, "value");
    },
    parse: parseValue,
    view: valueView,
    conflictSuffix: (entity) => ` in entity "${entity.entity}"`,
    /** `value` renames; `synonyms` / `patterns` replace the existing ones; `type` may switch kinds. */
    update({ element: value, body, stamp, rename }) {
        const problems = bodyViolations();
        const newText = "value" in body ? checkPlainText(body.value, "value", 64, problems) : undefined;
        const metadata = checkObject(body.metadata, "metadata", problems);
        const type = resolveValueType(body, value.type, "", problems);
        const synonyms = type === "synonyms" && "synonyms" in body ? parseSynonyms(body.synonyms, "synonyms", stamp, problems) : undefined;
        const patterns = type === "patterns" && "patterns" in body ? parsePatterns(body.patterns, "patterns", problems) : undefined;
        problems.throwIfAny();
        rename(newText);
        setOrClear(value, body, "metadata", metadata);
        if (type !== value.type) {
            value.synonyms = [];
            value.patterns = type === "patterns" ? [] : undefined;
            if (value.patterns === undefined) delete value.patterns;
            value.type = type;
        }
        if (synonyms) value.synonyms = synonyms;
        if (patterns) value.patterns = patterns;
    },
};

export const synonymKind: ElementKind<SynonymRecord, ValueRecord> = {
    noun: "synonym",
    key: "synonym",
    plural: "synonyms",
    place(workspace, params) {
        const { place: valuePlace, element: value } = locate(valueKind, workspace, params);
        return { list: value.synonyms, parent: value, owners: [value, ...valuePlace.owners] };
    },
    parse: parseSynonym,
    view: synonymView,
    conflictSuffix: (value) => ` in value "${value.value}"`,
    // A patterns value never holds synonyms, so checking after the 409 check changes no answer.
    beforeAdd(_, { parent: value }) {
        if (value.type === "patterns") throw badRequest(`Value "${value.value}" is of type patterns and cannot have synonyms`, "synonym");
    },
    /** `synonym` in the body renames the synonym. */
    update({ body, rename }) {
        const problems = bodyViolations();
        const newText = "synonym" in body ? checkPlainText(body.synonym, "synonym", 64, problems) : undefined;
        problems.throwIfAny();
        rename(newText);
    },
};
