/** The two forms of a resource's plan summary: lines for the CLI, a Markdown section for a PR comment. */
import type { ResourceSummary } from "./describe";

/** The CLI form: the header, then the indented lines, newline-terminated. */
export function renderText(summary: ResourceSummary): string {
    return [summary.header, ...summary.lines].map((line) => `${line}\n`).join("");
}

/**
 * One Markdown section: a heading and the body in a fence, so that names holding Markdown
 * characters show as written. The fence is longer than any backtick run in the text.
 */
export function renderMarkdown(summary: ResourceSummary): string {
    const body = summary.lines.join("\n");
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(Math.max(3, longestRun + 1));
    const heading = `#### ${summary.header.replace(/([\\`*_[\]<>#|])/g, "\\$1")}\n`;
    return body.length > 0 ? `${heading}\n${fence}text\n${body}\n${fence}\n\n` : `${heading}\n`;
}
