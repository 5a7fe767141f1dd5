/** Counterexamples (inputs marked irrelevant): rules and handlers. */
import { firstDuplicate } from "./collection";
import { elementHandlers } from "./element-handlers";
import type { CounterexampleRecord, WorkspaceRecord } from "./model";
import { Problems, at, checkArray, checkObject, checkPlainText } from "./validation";
import { counterexampleView } from "./views";

export function parseCounterexample(raw: unknown, path: string, stamp: string, problems: Problems): CounterexampleRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    return { text: checkPlainText(body.text, at(path, "text"), 1024, problems) as string, created: stamp, updated: stamp };
}

export function parseCounterexamples(raw: unknown, path: string, stamp: string, problems: Problems): CounterexampleRecord[] {
    const list = checkArray(raw, path, problems) ?? [];
    const counterexamples = list.map((item, i) => parseCounterexample(item, at(path, i), stamp, problems));
    const duplicate = firstDuplicate(counterexamples, (c) => c.text);
    if (duplicate && duplicate.value !== undefined) {
        problems.add(at(at(path, duplicate.index), "text"), `Duplicate counterexample text "${duplicate.value}"`);
    }
    return counterexamples;
}

export const counterexampleHandlers = elementHandlers<CounterexampleRecord, WorkspaceRecord>({
    noun: "counterexample",
    key: "text",
    plural: "counterexamples",
    place: (workspace) => ({ list: workspace.counterexamples, parent: workspace, owners: [] }),
    parse: parseCounterexample,
    view: counterexampleView,
    /** `text` in the body renames the counterexample. */
    update({ body, rename }) {
        const problems = new Problems();
        const newText = "text" in body ? checkPlainText(body.text, "text", 1024, problems) : undefined;
        problems.throwIfAny();
        rename(newText);
    },
});
