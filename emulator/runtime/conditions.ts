/**
 * The subset of the dialog expression language (SpEL) that real skills use most. Supported:
 * `#intent`, `@entity`, `@entity:value`, `@entity:(value with spaces)`, `$variable` (with `.field`
 * paths), `input.text`, `anything_else`, `welcome`, `conversation_start`, `irrelevant`, `true`,
 * `false`, `null`, numbers, 'strings' and "strings", `&&` `||` `!` (also `and` `or` `not`),
 * `== != > < >= <=` and parentheses. Anything else throws UnsupportedExpression, which the dialog
 * turns into a `log_messages` warning and a false condition.
 */
import type { Understanding } from "./types";

export class UnsupportedExpression extends Error {}

export interface ConditionScope {
    understanding: Understanding;
    /** The dialog's context variables ($name). */
    variables: Record<string, unknown>;
    /** The first turn of a conversation (welcome, conversation_start). */
    firstTurn: boolean;
}

/** An entity reference keeps "was it found" apart from its value, so `@n` is true even when n is 0. */
class EntityRef {
    constructor(public readonly present: boolean, public readonly value: unknown) {}
}

type Value = unknown;

interface Token {
    kind: "op" | "num" | "str" | "ref" | "word" | "paren";
    text: string;
    value?: unknown;
}

const TOKEN = new RegExp(
    [
        String.raw`(?<space>\s+)`,
        String.raw`(?<op>&&|\|\||==|!=|>=|<=|>|<|!)`,
        String.raw`(?<paren>[()])`,
        String.raw`(?<num>-?\d+(?:\.\d+)?)`,
        String.raw`(?<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`,
        String.raw`(?<ref>[#@$][\p{L}\p{N}_\-.]*(?::\([^)]*\)|:[\p{L}\p{N}_\-]+)?)`,
        String.raw`(?<word>[A-Za-z_][\w.]*)`,
    ].join("|"),
    "uy",
);

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.length) {
        const at = TOKEN.lastIndex;
        const match = TOKEN.exec(source);
        if (!match?.groups) throw new UnsupportedExpression(`unsupported syntax at "${source.slice(at, at + 20)}"`);
        const [kind, text] = Object.entries(match.groups).find(([, v]) => v !== undefined)!;
        if (kind === "space") continue;
        if (kind === "str") tokens.push({ kind: "str", text, value: text.slice(1, -1).replace(/\\(.)/g, "$1") });
        else if (kind === "num") tokens.push({ kind: "num", text, value: Number(text) });
        else tokens.push({ kind: kind as Token["kind"], text });
    }
    return tokens;
}

export function truthy(value: Value): boolean {
    if (value instanceof EntityRef) return value.present;
    return value !== null && value !== undefined && value !== false && value !== "";
}

function plain(value: Value): unknown {
    return value instanceof EntityRef ? value.value : value;
}

function asNumber(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
    return undefined;
}

function compare(op: string, left: Value, right: Value): boolean {
    const a = plain(left);
    const b = plain(right);
    const x = asNumber(a);
    const y = asNumber(b);
    const numeric = x !== undefined && y !== undefined;
    if (op === "==" || op === "!=") {
        const equal = numeric ? x === y : (a ?? null) === (b ?? null) || (a != null && b != null && String(a) === String(b));
        return op === "==" ? equal : !equal;
    }
    if (a == null || b == null) return false;
    const [l, r] = numeric ? [x, y] : [String(a), String(b)];
    return op === ">" ? l > r : op === "<" ? l < r : op === ">=" ? l >= r : l <= r;
}

class Parser {
    private position = 0;
    constructor(private readonly tokens: Token[], private readonly scope: ConditionScope) {}

    parse(): Value {
        const value = this.or();
        if (this.position < this.tokens.length) throw new UnsupportedExpression(`unexpected "${this.tokens[this.position].text}"`);
        return value;
    }

    private peek(): Token | undefined {
        return this.tokens[this.position];
    }

    private accept(...texts: string[]): string | undefined {
        const token = this.peek();
        if (token && (token.kind === "op" || token.kind === "word") && texts.includes(token.text)) {
            this.position++;
            return token.text;
        }
        return undefined;
    }

    private or(): Value {
        let value = this.and();
        while (this.accept("||", "or", "OR")) {
            const right = this.and();
            value = truthy(value) || truthy(right);
        }
        return value;
    }

    private and(): Value {
        let value = this.not();
        while (this.accept("&&", "and", "AND")) {
            const right = this.not();
            value = truthy(value) && truthy(right);
        }
        return value;
    }

    private not(): Value {
        if (this.accept("!", "not", "NOT")) return !truthy(this.not());
        return this.comparison();
    }

    private comparison(): Value {
        const left = this.primary();
        const op = this.accept("==", "!=", ">=", "<=", ">", "<");
        return op ? compare(op, left, this.primary()) : left;
    }

    private primary(): Value {
        const token = this.tokens[this.position++];
        if (!token) throw new UnsupportedExpression("the expression ends too early");
        if (token.kind === "paren" && token.text === "(") {
            const value = this.or();
            const close = this.tokens[this.position++];
            if (close?.text !== ")") throw new UnsupportedExpression("missing )");
            return value;
        }
        if (token.kind === "num" || token.kind === "str") return token.value;
        if (token.kind === "ref") return reference(token.text, this.scope);
        if (token.kind === "word") return word(token.text, this.scope);
        throw new UnsupportedExpression(`unexpected "${token.text}"`);
    }
}

function word(text: string, scope: ConditionScope): Value {
    switch (text) {
        case "true":
        case "anything_else":
            return true;
        case "false":
            return false;
        case "null":
            return null;
        case "welcome":
            // Documented: true on the first turn only if the request carries no user input.
            return scope.firstTurn && scope.understanding.text.trim() === "";
        case "conversation_start":
            return scope.firstTurn;
        case "irrelevant":
            return scope.understanding.irrelevant;
        case "input.text":
            return scope.understanding.text;
        default:
            throw new UnsupportedExpression(`"${text}" is not in the emulated subset`);
    }
}

function reference(text: string, scope: ConditionScope): Value {
    const sigil = text[0];
    const body = text.slice(1);
    if (sigil === "#") return scope.understanding.intents[0]?.intent === body;
    if (sigil === "$") {
        const [name, ...path] = body.split(".");
        let value: unknown = scope.variables[name];
        for (const field of path) value = value !== null && typeof value === "object" ? (value as any)[field] : undefined;
        return value ?? null;
    }
    const colon = body.indexOf(":");
    const entity = colon < 0 ? body : body.slice(0, colon);
    const mentions = scope.understanding.entities.filter((e) => e.entity === entity);
    if (colon >= 0) {
        const wanted = body.slice(colon + 1).replace(/^\((.*)\)$/, "$1");
        return mentions.some((m) => m.value === wanted);
    }
    const first = mentions[0];
    const numeric = first?.metadata?.numeric_value;
    return new EntityRef(first !== undefined, first === undefined ? null : typeof numeric === "number" ? numeric : first.value);
}

/** Evaluates an expression to its value (for `<? ?>` in texts and context values). */
export function evaluate(expression: string, scope: ConditionScope): unknown {
    return plain(new Parser(tokenize(expression), scope).parse());
}

/** Evaluates a node condition; an empty condition is false, as in the service. */
export function conditionHolds(condition: string | undefined, scope: ConditionScope): boolean {
    if (condition === undefined || condition.trim() === "") return false;
    return truthy(new Parser(tokenize(condition), scope).parse());
}
