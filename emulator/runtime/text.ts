/** Text normalisation shared by the classifier and the entity matcher. */

/** Lower case, every run of punctuation or whitespace becomes one space, trimmed. */
export function normalize(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
}

export function tokens(text: string): string[] {
    const normalized = normalize(text);
    return normalized === "" ? [] : normalized.split(" ");
}

/** A regular-expression source matching `term` as whole words, case-insensitively (flags "giu"). */
export function wholeWords(term: string): string {
    const escaped = term.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    return `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`;
}

/** Levenshtein distance, for the fuzzy_match approximation (short words only, so O(n*m) is fine). */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
