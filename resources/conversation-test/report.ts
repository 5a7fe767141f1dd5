/** How test results are shown: the failure table of a failed step and the JUnit XML report. */
import type { CaseResult } from "./run";

export interface Summary {
    passed: number;
    failed: number;
    /** passed / total, 0..1 (1 when there are no cases). */
    accuracy: number;
}

export function summarize(results: CaseResult[]): Summary {
    const passed = results.filter((r) => r.passed).length;
    return { passed, failed: results.length - passed, accuracy: results.length === 0 ? 1 : passed / results.length };
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const MAX_CELL = 48;
const cell = (text: string) => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);

/** Fixed-width columns, a header and a rule, for the terminal. */
function table(header: string[], rows: string[][]): string[] {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
    return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** The message of a step that failed its threshold: summary, one row per failed expectation, warnings the service logged. */
export function failureReport(results: CaseResult[], threshold: number, where: string): string {
    const summary = summarize(results);
    const rows = results.flatMap((r) => r.failures.map((f) => [cell(r.name), String(f.turn), f.check, cell(f.expected), cell(f.got)]));
    const warnings = results
        .filter((r) => !r.passed)
        .flatMap((r) => r.logMessages.filter((l) => l.level !== "info").map((l) => `  ${r.name}, ${l.message} [${l.level}]`));
    return [
        `conversation tests on ${where}: ${summary.passed} of ${results.length} passed (${percent(summary.accuracy)}), below the threshold of ${percent(threshold)}`,
        ...table(["case", "turn", "check", "expected", "got"], rows).map((l) => `  ${l}`),
        ...(warnings.length > 0 ? ["service log messages of the failing cases:", ...warnings] : []),
    ].join("\n");
}

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** JUnit XML (the format CI systems read): one testcase per case, a failure element per failed case. */
export function junitXml(suite: string, results: CaseResult[]): string {
    const summary = summarize(results);
    const cases = results.map((r) => {
        const open = `  <testcase classname="${xml(suite)}" name="${xml(r.name)}"`;
        if (r.passed) return `${open}/>`;
        const detail = r.failures.map((f) => `turn ${f.turn} ${f.check}: expected ${f.expected}, got ${f.got}`).join("\n");
        return `${open}>\n    <failure message="${xml(r.failures[0] ? `${r.failures[0].check} mismatch` : "failed")}">${xml(detail)}</failure>\n  </testcase>`;
    });
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuite name="${xml(suite)}" tests="${results.length}" failures="${summary.failed}" errors="0">`,
        ...cases,
        `</testsuite>`,
        "",
    ].join("\n");
}
