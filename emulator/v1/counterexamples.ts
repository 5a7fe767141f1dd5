/** Counterexamples (inputs marked irrelevant): rules and kind declaration. */
import type { Violations } from "../core/violations";
import type { ElementKind } from "./elements";
import type { CounterexampleRecord, WorkspaceRecord } from "./model";
import { at, bodyViolations, checkObject, checkPlainText, listParser } from "./validation";
import { counterexampleView } from "./views";

export function parseCounterexample(raw: unknown, path: string, stamp: string, problems: Violations): CounterexampleRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return { text: checkPlainText(body.text, at(path, "text"), 1024, problems) as string, created: stamp, updated: stamp };
}

export const parseCounterexamples = listParser(parseCounterexample, "text", "counterexample text");

export const counterexampleKind: ElementKind<CounterexampleRecord, WorkspaceRecord> = {
    noun: "counterexample",
    key: "text",
    plural: "counterexamples",
    place: (workspace) => ({ list: workspace.counterexamples, parent: workspace, owners: [] }),
    parse: parseCounterexample,
    view: counterexampleView,
    /** `text` in the body renames the counterexample. */
    update({ body, rename }) {
        const problems = bodyViolations();
        const newText = "text" in body ? checkPlainText(body.text, "text", 1024, problems) : undefined;
        problems.throwIfAny();
        rename(newText);
    },
};
