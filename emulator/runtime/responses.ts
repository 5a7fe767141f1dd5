/**
 * Turning a node's `output` into response items: `output.generic` text responses with their
 * selection_policy (sequential, random, multiline), the older `output.text` form, and the
 * `$variable`, `@entity` and `<? expression ?>` references inside texts and context values.
 */
import { seededRandom } from "../core/prng";
import { evaluate, UnsupportedExpression, type ConditionScope } from "./conditions";
import type { LogMessage } from "./types";

export interface ResponseItem {
    response_type: string;
    [field: string]: unknown;
}

/** Per node and response index, how many times the response was given (for sequential / random). */
export type OutputCounters = Record<string, number>;

export interface RenderScope extends ConditionScope {
    counters: OutputCounters;
    log: LogMessage[];
}

function hash(text: string): number {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
}

function shorthand(reference: string, scope: ConditionScope): unknown {
    try {
        return evaluate(reference, scope);
    } catch {
        return undefined;
    }
}

/** Replaces `<? expr ?>`, `$name` and `@entity` inside a text; unknown references stay as written. */
export function interpolate(text: string, scope: RenderScope): string {
    const expressions = text.replace(/<\?([\s\S]*?)\?>/g, (whole, expression: string) => {
        try {
            const value = evaluate(expression.trim(), scope);
            return value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
        } catch (error) {
            const reason = error instanceof UnsupportedExpression ? error.message : String(error);
            scope.log.push({ level: "warn", code: "emulator_unsupported_expression", msg: `Expression ${whole} is not supported by the emulator (${reason}); left as written` });
            return whole;
        }
    });
    return expressions.replace(/[$@][\p{L}\p{N}_][\p{L}\p{N}_\-]*(?:\.[\p{L}\p{N}_]+)*/gu, (reference) => {
        const value = shorthand(reference, scope);
        return value === null || value === undefined ? reference : typeof value === "object" ? JSON.stringify(value) : String(value);
    });
}

/** A context value: a whole-string reference (`$x`, `@e`, `<? expr ?>`) keeps its type; other strings are interpolated. */
export function contextValue(value: unknown, scope: RenderScope): unknown {
    if (typeof value === "string") {
        const whole = /^<\?([\s\S]*?)\?>$/.exec(value.trim());
        if (whole) {
            try {
                return evaluate(whole[1].trim(), scope);
            } catch (error) {
                scope.log.push({ level: "warn", code: "emulator_unsupported_expression", msg: `Expression ${value} is not supported by the emulator (${(error as Error).message}); stored as text` });
                return value;
            }
        }
        if (/^[$@][\p{L}\p{N}_][\p{L}\p{N}_\-]*(?::[\p{L}\p{N}_\-]+)?$/u.test(value)) {
            const resolved = shorthand(value, scope);
            return resolved === undefined ? value : resolved;
        }
        return interpolate(value, scope);
    }
    if (Array.isArray(value)) return value.map((item) => contextValue(item, scope));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, contextValue(item, scope)]));
    }
    return value;
}

/** Picks the texts of one `values` list by its selection_policy (sequential cycles; random is seeded by node and count). */
function selectTexts(values: { text?: string }[], policy: string | undefined, counterKey: string, scope: RenderScope): string[] {
    const texts = values.map((v) => (typeof v?.text === "string" ? v.text : "")).filter((t) => t !== "");
    if (texts.length === 0) return [];
    if (policy === "multiline") return texts;
    const count = scope.counters[counterKey] ?? 0;
    scope.counters[counterKey] = count + 1;
    if (policy === "random") return [texts[Math.floor(seededRandom(hash(`${counterKey}#${count}`))() * texts.length)]];
    return [texts[count % texts.length]];
}

const SELECTION_FIELDS = ["values", "selection_policy", "delimiter"];

/** The response items of an `output` object of node `nodeId`. */
export function renderOutput(output: unknown, nodeId: string, scope: RenderScope): ResponseItem[] {
    if (output === null || typeof output !== "object") return [];
    const { generic, text } = output as { generic?: unknown; text?: unknown };
    const items: ResponseItem[] = [];
    if (Array.isArray(generic)) {
        generic.forEach((response: any, index: number) => {
            if (response?.response_type !== "text") {
                const rest = Object.fromEntries(Object.entries(response ?? {}).filter(([key]) => !SELECTION_FIELDS.includes(key)));
                items.push(rest as ResponseItem);
                return;
            }
            const texts = selectTexts(Array.isArray(response.values) ? response.values : [], response.selection_policy, `${nodeId}:${index}`, scope).map((t) => interpolate(t, scope));
            if (texts.length > 0) items.push({ response_type: "text", text: texts.join(response.delimiter ?? "\n") });
        });
    } else if (typeof text === "string") {
        items.push({ response_type: "text", text: interpolate(text, scope) });
    } else if (text !== null && typeof text === "object") {
        const legacy = text as { values?: string[]; selection_policy?: string };
        for (const chosen of selectTexts((Array.isArray(legacy.values) ? legacy.values : []).map((t) => ({ text: t })), legacy.selection_policy, `${nodeId}:text`, scope)) {
            items.push({ response_type: "text", text: interpolate(chosen, scope) });
        }
    }
    return items;
}
