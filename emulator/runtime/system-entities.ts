/**
 * @sys-number and @sys-date in a simple form (the service's system entities understand far more;
 * see emulator/README.md for the subset).
 */
import { wholeWords } from "./text";
import type { RuntimeEntity } from "./types";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

function collect(text: string, pattern: RegExp, toEntity: (match: RegExpExecArray) => RuntimeEntity | undefined): RuntimeEntity[] {
    const found: RuntimeEntity[] = [];
    for (const match of text.matchAll(pattern)) {
        const entity = toEntity(match as RegExpExecArray);
        if (entity) found.push(entity);
    }
    return found;
}

const span = (match: RegExpExecArray): [number, number] => [match.index, match.index + match[0].length];

/** Digits (optionally signed, with a decimal point; not joined to letters or hyphens, so not inside dates or codes) and the words zero to twelve. */
export function sysNumbers(text: string): RuntimeEntity[] {
    const digits = collect(text, /(?<![\p{L}\p{N}.\-])-?\d+(?:\.\d+)?(?![\p{L}\p{N}]|-\d)/gu, (match) => {
        const numeric = Number(match[0]);
        return { entity: "sys-number", location: span(match), value: String(numeric), confidence: 1, metadata: { numeric_value: numeric } };
    });
    const words = collect(text, new RegExp(NUMBER_WORDS.map(wholeWords).join("|"), "giu"), (match) => {
        const numeric = NUMBER_WORDS.indexOf(match[0].toLowerCase());
        return { entity: "sys-number", location: span(match), value: String(numeric), confidence: 1, metadata: { numeric_value: numeric } };
    });
    return [...digits, ...words];
}

const RELATIVE_DAYS: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };

function isoDate(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

/** ISO dates (2025-03-01) and today / tomorrow / yesterday relative to the reference time (UTC). */
export function sysDates(text: string, referenceMs: number): RuntimeEntity[] {
    const iso = collect(text, /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (match) => {
        const ms = Date.UTC(+match[1], +match[2] - 1, +match[3]);
        if (isoDate(ms) !== match[0]) return undefined;
        return { entity: "sys-date", location: span(match), value: match[0], confidence: 1, metadata: { calendar_type: "GREGORIAN" } };
    });
    const relative = collect(text, new RegExp(Object.keys(RELATIVE_DAYS).map(wholeWords).join("|"), "giu"), (match) => ({
        entity: "sys-date",
        location: span(match),
        value: isoDate(referenceMs + RELATIVE_DAYS[match[0].toLowerCase()] * 86_400_000),
        confidence: 1,
        metadata: { calendar_type: "GREGORIAN" },
    }));
    return [...iso, ...relative];
}

/** The system entities this runtime recognises, by entity name. */
export const SYSTEM_ENTITIES: Record<string, (text: string, referenceMs: number) => RuntimeEntity[]> = {
    "sys-number": (text) => sysNumbers(text),
    "sys-date": sysDates,
};
