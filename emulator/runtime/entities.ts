/**
 * Entity recognition: dictionary values (the value and its synonyms as whole words, any case),
 * fuzzy_match as "one edit away" for single words of 5+ letters, pattern values as JavaScript
 * regular expressions, the system entities of system-entities.ts, and contextual entities from
 * annotated examples (mentions).
 */
import { editDistance, normalize, wholeWords } from "./text";
import { SYSTEM_ENTITIES } from "./system-entities";
import type { LogMessage, RuntimeEntity, TrainingData } from "./types";

type EntityDef = NonNullable<TrainingData["entities"]>[number];

const FUZZY_MIN_LENGTH = 5;
const FUZZY_CONFIDENCE = 0.8;

function dictionaryMatches(entity: EntityDef, text: string): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const value of entity.values ?? []) {
        if ((value.type ?? "synonyms") !== "synonyms") continue;
        for (const term of [value.value, ...(value.synonyms ?? [])]) {
            if (term.trim() === "") continue;
            for (const match of text.matchAll(new RegExp(wholeWords(term), "giu"))) {
                found.push({ entity: entity.entity, location: [match.index!, match.index! + match[0].length], value: value.value, confidence: 1 });
            }
        }
    }
    return found;
}

function fuzzyMatches(entity: EntityDef, text: string, exact: RuntimeEntity[]): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const start = word.index!;
        const candidate = word[0].toLowerCase();
        if (candidate.length < FUZZY_MIN_LENGTH || exact.some((e) => e.location[0] <= start && start < e.location[1])) continue;
        for (const value of entity.values ?? []) {
            if ((value.type ?? "synonyms") !== "synonyms") continue;
            const near = [value.value, ...(value.synonyms ?? [])].some((term) => !/\s/.test(term.trim()) && term.length >= FUZZY_MIN_LENGTH && editDistance(candidate, term.toLowerCase()) === 1);
            if (near) {
                found.push({ entity: entity.entity, location: [start, start + word[0].length], value: value.value, confidence: FUZZY_CONFIDENCE });
                break;
            }
        }
    }
    return found;
}

function patternMatches(entity: EntityDef, text: string, log: LogMessage[]): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const value of entity.values ?? []) {
        if (value.type !== "patterns") continue;
        for (const pattern of value.patterns ?? []) {
            let regex: RegExp;
            try {
                regex = new RegExp(pattern, "gd");
            } catch {
                log.push({ level: "warn", code: "invalid_pattern", msg: `Pattern ${JSON.stringify(pattern)} of @${entity.entity}:${value.value} is not a valid JavaScript regular expression; skipped` });
                continue;
            }
            for (const match of text.matchAll(regex)) {
                if (match[0] === "") continue;
                const indices = (match as any).indices as ([number, number] | undefined)[];
                const groups = indices.slice(1).flatMap((location, i) => (location ? [{ group: `group_${i}`, location: [location[0], location[1]] as [number, number] }] : []));
                found.push({
                    entity: entity.entity,
                    location: [match.index!, match.index! + match[0].length],
                    value: value.value,
                    confidence: 1,
                    ...(groups.length > 0 ? { groups } : {}),
                });
            }
        }
    }
    return found;
}

/**
 * Contextual entities: an annotated example whose text around the mentions equals the input (after
 * normalisation) makes the input's text at those places a mention. Its value is the dictionary
 * value it spells, else the text itself.
 */
function contextualMatches(data: TrainingData, text: string): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const intent of data.intents ?? []) {
        for (const example of intent.examples ?? []) {
            const mentions = [...(example.mentions ?? [])].sort((a, b) => a.location[0] - b.location[0]);
            if (mentions.length === 0) continue;
            let source = "^\\s*";
            let cursor = 0;
            for (const mention of mentions) {
                source += literal(example.text.slice(cursor, mention.location[0])) + "(.+?)";
                cursor = mention.location[1];
            }
            source += literal(example.text.slice(cursor)) + "[^\\p{L}\\p{N}]*$";
            const match = new RegExp(source, "iud").exec(text);
            if (!match) continue;
            const indices = (match as any).indices as [number, number][];
            mentions.forEach((mention, i) => {
                const [start, end] = indices[i + 1];
                const spelled = normalize(text.slice(start, end));
                const entity = data.entities?.find((e) => e.entity === mention.entity);
                const value = entity?.values?.find((v) => [v.value, ...(v.synonyms ?? [])].some((term) => normalize(term) === spelled));
                found.push({ entity: mention.entity, location: [start, end], value: value?.value ?? text.slice(start, end), confidence: 1 });
            });
        }
    }
    return found;
}

/** Example text between mentions, matched loosely: any run of non-letters matches any other. */
function literal(part: string): string {
    return part
        .split(/[^\p{L}\p{N}]+/u)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^\\p{L}\\p{N}]+");
}

/** Within one entity, the longest mention wins where two overlap; different entities may overlap. */
function withoutOverlaps(found: RuntimeEntity[]): RuntimeEntity[] {
    const ordered = [...found].sort((a, b) => (b.location[1] - b.location[0]) - (a.location[1] - a.location[0]) || a.location[0] - b.location[0]);
    const kept: RuntimeEntity[] = [];
    for (const candidate of ordered) {
        const clash = kept.some((k) => k.entity === candidate.entity && k.location[0] < candidate.location[1] && candidate.location[0] < k.location[1]);
        if (!clash) kept.push(candidate);
    }
    return kept.sort((a, b) => a.location[0] - b.location[0] || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}

export function recognizeEntities(data: TrainingData, text: string, referenceMs: number, log: LogMessage[] = []): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const entity of data.entities ?? []) {
        const system = SYSTEM_ENTITIES[entity.entity];
        if (system) {
            found.push(...system(text, referenceMs));
            continue;
        }
        if (entity.entity.startsWith("sys-")) {
            log.push({ level: "info", code: "emulator_unsupported_system_entity", msg: `System entity @${entity.entity} is not recognized by the emulator` });
            continue;
        }
        const exact = [...dictionaryMatches(entity, text), ...patternMatches(entity, text, log)];
        found.push(...exact);
        if (entity.fuzzy_match) found.push(...fuzzyMatches(entity, text, exact));
    }
    found.push(...contextualMatches(data, text));
    return withoutOverlaps(found);
}
