/** What tests read out of the Markdown documents: fenced blocks under a heading, and links. */
import { expect } from "chai";

/** The fenced blocks of one language under a `## heading` (up to the next `## `). */
export function blocksUnder(markdown: string, heading: string, language: string): string[] {
    const start = markdown.indexOf(`\n## ${heading}\n`);
    expect(start, `the document has a "## ${heading}" section`).to.be.greaterThan(-1);
    const end = markdown.indexOf("\n## ", start + 1);
    const section = markdown.slice(start, end === -1 ? undefined : end);
    return [...section.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

/** Targets of inline links `[text](target)` outside fenced blocks, anchors (`#...`) left out. */
export function linkTargets(markdown: string): string[] {
    const prose = markdown.replace(/```[\s\S]*?```/g, "");
    return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !target.startsWith("#"));
}
