/**
 * Test cases kept in a YAML or JSON file (JSON is read as YAML, its superset). Every problem is
 * reported as `<file>:<line>: <path in the file> <rule>`, so a bad file fails at check time
 * pointing at the line to fix.
 */
import * as fs from "fs";
import * as path from "path";
import type { CheckFailure } from "../../provider/validation";
import { compileInputSchema } from "../../provider/validation";
import { caseRules, casesSchema, type ConversationCase } from "./cases";

interface YamlState {
    line: number;
    result: unknown;
}
interface YamlModule {
    load(text: string, options?: { filename?: string; listener?: (event: "open" | "close", state: YamlState) => void }): unknown;
}

// js-yaml ships with @pulumi/pulumi (a peer dependency); loaded from there instead of adding one.
const yaml: YamlModule = require(require.resolve("js-yaml", { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }));

const fileSchema = {
    type: "object",
    properties: { cases: casesSchema },
    required: ["cases"],
    additionalProperties: false,
};

export interface LoadedCases {
    cases: ConversationCase[];
    /** Failures of the `casesFile` input, each naming the file and line. */
    failures: CheckFailure[];
}

/** Reads and checks a cases file: `cases:` followed by a list of cases. Relative to `baseDir` (the program's folder). */
export function loadCasesFile(file: string, baseDir: string = process.cwd()): LoadedCases {
    const fail = (reason: string): LoadedCases => ({ cases: [], failures: [{ property: "casesFile", reason }] });
    let text: string;
    try {
        text = fs.readFileSync(path.resolve(baseDir, file), "utf8");
    } catch (err) {
        return fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const lines = new WeakMap<object, number>();
    const opened: number[] = [];
    let doc: unknown;
    try {
        doc = yaml.load(text, {
            filename: file,
            listener(event, state) {
                if (event === "open") return void opened.push(state.line);
                const line = opened.pop() ?? 0;
                if (state.result !== null && typeof state.result === "object" && !lines.has(state.result)) lines.set(state.result, line + 1);
            },
        });
    } catch (err) {
        const e = err as { mark?: { line: number }; reason?: string; message: string };
        return fail(e.mark ? `${file}:${e.mark.line + 1}: ${e.reason ?? e.message}` : `${file}: ${e.message}`);
    }
    const textLines = text.split(/\r?\n/);
    const lineOf = (property: string) => {
        const objectLine = deepestLine(doc, property, lines) ?? 1;
        return valueAt(doc, property) === undefined ? objectLine : keyLine(textLines, property, objectLine);
    };
    const located = (failures: CheckFailure[]) =>
        failures.map((f) => ({ property: "casesFile", reason: `${file}:${lineOf(f.property)}: ${f.property || "the file"} ${f.reason}` }));
    const schemaFailures = compileInputSchema(fileSchema)(doc);
    if (schemaFailures.length > 0) return { cases: [], failures: located(schemaFailures) };
    const cases = (doc as { cases: ConversationCase[] }).cases;
    return { cases, failures: located(caseRules(cases, (index, rest) => `cases[${index}]${rest ? `.${rest}` : ""}`)) };
}

/**
 * The line of the property's own key when it is written at or after the line of its object (a
 * misspelt or wrongly typed key); the object's line otherwise (a missing key).
 */
function keyLine(textLines: string[], property: string, objectLine: number): number {
    const key = /\.?([A-Za-z_$][\w$]*)$/.exec(property)?.[1];
    if (!key) return objectLine;
    const written = new RegExp(`(^|[\\s{,])["']?${key}["']?\\s*:`);
    const at = textLines.slice(objectLine - 1).findIndex((line) => written.test(line));
    return at < 0 ? objectLine : objectLine + at;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object";

/** The values along `property` (e.g. `cases[2].expect.intent`), from the document down. */
function valuesAlong(doc: unknown, property: string): unknown[] {
    const values = [doc];
    for (const [, name, index] of property.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
        const node = values[values.length - 1];
        values.push(isObject(node) ? node[name ?? index] : undefined);
    }
    return values;
}

function valueAt(doc: unknown, property: string): unknown {
    return valuesAlong(doc, property).pop();
}

/** The line where the deepest object on `property` starts. */
function deepestLine(doc: unknown, property: string, lines: WeakMap<object, number>): number | undefined {
    return valuesAlong(doc, property).filter(isObject).map((node) => lines.get(node)).filter((line) => line !== undefined).pop();
}
