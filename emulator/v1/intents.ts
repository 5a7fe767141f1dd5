/** Intents and their examples (with contextual entity mentions): rules and kind declarations. */
import type { Violations } from "../core/violations";
import { type ElementKind, locate } from "./elements";
import type { ExampleRecord, IntentRecord, Mention, WorkspaceRecord } from "./model";
import { setOrClear } from "./store";
import { at, bodyViolations, checkArray, checkDescription, checkEntityName, checkIntentName, checkObject, checkPlainText, listParser } from "./validation";
import { exampleView, intentView } from "./views";

// ---- rules -------------------------------------------------------------------------------------

function parseMentions(raw: unknown, path: string, text: string | undefined, problems: Violations): Mention[] | undefined {
    const list = checkArray(raw, path, problems);
    if (!list) return undefined;
    return list.map((item, i) => {
        const itemPath = at(path, i);
        const mention = checkObject(item, itemPath, problems, true) ?? {};
        const entity = checkEntityName(mention.entity, at(itemPath, "entity"), problems);
        const location = mention.location;
        const locationPath = at(itemPath, "location");
        const valid = Array.isArray(location) && location.length === 2 && location.every((n) => Number.isInteger(n));
        if (!valid) {
            problems.add(locationPath, `${locationPath} must be an array of exactly 2 integers`);
        } else if (text !== undefined) {
            const [start, end] = location as number[];
            if (start < 0 || end <= start || end > text.length) {
                problems.add(locationPath, `${locationPath} [${start}, ${end}] must satisfy 0 <= start < end <= ${text.length} (the text length)`);
            }
        }
        return { entity: entity as string, location: valid ? [location[0], location[1]] : [0, 0] } as Mention;
    });
}

export function parseExample(raw: unknown, path: string, stamp: string, problems: Violations): ExampleRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const text = checkPlainText(body.text, at(path, "text"), 1024, problems);
    const mentions = parseMentions(body.mentions, at(path, "mentions"), text, problems);
    const example: ExampleRecord = { text: text as string, created: stamp, updated: stamp };
    if (mentions) example.mentions = mentions;
    return example;
}

const parseExamples = listParser(parseExample, "text", "example text");

export function parseIntent(raw: unknown, path: string, stamp: string, problems: Violations): IntentRecord {
    const body = checkObject(raw, path, problems, true) ?? {};
    const intent: IntentRecord = {
        intent: checkIntentName(body.intent, at(path, "intent"), problems) as string,
        examples: parseExamples(body.examples, at(path, "examples"), stamp, problems),
        created: stamp,
        updated: stamp,
    };
    const description = checkDescription(body.description, at(path, "description"), problems);
    if (description !== undefined) intent.description = description;
    return intent;
}

// ---- the kinds (handlers/elements.ts serves them) ------------------------------------------------

export const intentKind: ElementKind<IntentRecord, WorkspaceRecord> = {
    noun: "intent",
    key: "intent",
    plural: "intents",
    hasSubelements: true,
    place: (workspace) => ({ list: workspace.intents, parent: workspace, owners: [] }),
    parse: parseIntent,
    view: intentView,
    /** Included fields replace; `examples` replaces all examples; `intent` renames. */
    update({ element: intent, body, stamp, rename }) {
        const problems = bodyViolations();
        const newName = "intent" in body ? checkIntentName(body.intent, "intent", problems) : undefined;
        const description = checkDescription(body.description, "description", problems);
        const examples = "examples" in body && body.examples !== null ? parseExamples(body.examples, "examples", stamp, problems) : undefined;
        problems.throwIfAny();
        rename(newName);
        setOrClear(intent, body, "description", description);
        if (examples) intent.examples = examples;
    },
};

export const exampleKind: ElementKind<ExampleRecord, IntentRecord> = {
    noun: "example",
    key: "text",
    plural: "examples",
    place(workspace, params) {
        const intent = locate(intentKind, workspace, params).element;
        return { list: intent.examples, parent: intent, owners: [intent] };
    },
    parse: parseExample,
    view: exampleView,
    conflictSuffix: (intent) => ` in intent "${intent.intent}"`,
    /** `text` renames the example; `mentions` replaces its mentions (checked against the final text). */
    update({ element: example, body, rename }) {
        const problems = bodyViolations();
        const newText = "text" in body ? checkPlainText(body.text, "text", 1024, problems) : undefined;
        const mentionsSource = "mentions" in body ? body.mentions : example.mentions;
        const mentions = parseMentions(mentionsSource, "mentions", newText ?? example.text, problems);
        problems.throwIfAny();
        rename(newText);
        if (mentions) example.mentions = mentions;
        else delete example.mentions;
    },
};
