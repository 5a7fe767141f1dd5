/**
 * Figures of the reliability runs (runs, requests, faults, retries...). Each suite records its
 * totals; they are printed after the suite and, when RELIABILITY_FIGURES is set to a file path,
 * appended there as JSON lines (the source of RELIABILITY.md's numbers). Every figure is counted
 * during the run, and recorded only once the run passed: as the last statement of a test, or in an
 * `after` hook guarded by `everyTestPassed`.
 */
import * as fs from "fs";

export type Figures = Record<string, number | string>;

export function recordFigures(suite: string, figures: Figures): void {
    console.log(`      [figures] ${suite}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    const file = process.env.RELIABILITY_FIGURES;
    if (file) fs.appendFileSync(file, `${JSON.stringify({ suite, ...figures })}\n`);
}

/** In an `after` hook: whether every test of its suite (nested suites included) ran and passed. */
export function everyTestPassed(hook: Mocha.Context): boolean {
    const suite = hook.test?.parent;
    return suite !== undefined && testsOf(suite).every((test) => test.state === "passed");
}

function testsOf(suite: Mocha.Suite): Mocha.Test[] {
    return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

/** Adds numeric fields of `more` into `total`. */
export function addInto(total: Record<string, number>, more: Record<string, number>): void {
    for (const [key, value] of Object.entries(more)) total[key] = (total[key] ?? 0) + value;
}
