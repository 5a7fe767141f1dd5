/**
 * Where plan summaries go. The CLI shows what the dynamic-provider plugin writes to stdout as info
 * (Pulumi >= 3.146 turns each line of a `pulumi-resource-pulumi-nodejs` plugin's stdout into an
 * info diagnostic; the plugin's stderr becomes info too, but carries our progress lines).
 * With a plan file (env WATSON_ASSISTANT_PLAN_FILE or config `watson-assistant:planFile`) each
 * summary is also appended there as Markdown: the file is opened with O_APPEND and each section is
 * one write, so plugins of several stacks (or resources diffed at once) never interleave sections.
 */
import * as fs from "fs";
import * as path from "path";
import type { ResourceSummary } from "./describe";
import { renderMarkdown, renderText } from "./render";

export const PLAN_FILE_ENV = "WATSON_ASSISTANT_PLAN_FILE";
export const PLAN_FILE_CONFIG = "planFile";

export interface PlanSinks {
    /** CLI output; default the plugin's stdout. */
    write(text: string): void;
    /** Markdown plan file (relative paths from the program's folder, the plugin's cwd). */
    planFile?: string;
}

export function planFileFrom(getConfig: (key: string) => string | undefined, env: NodeJS.ProcessEnv): string | undefined {
    const file = getConfig(PLAN_FILE_CONFIG) || env[PLAN_FILE_ENV];
    return file ? path.resolve(file) : undefined;
}

export function publishSummary(summary: ResourceSummary, sinks: PlanSinks): void {
    sinks.write(renderText(summary));
    if (sinks.planFile) fs.appendFileSync(sinks.planFile, renderMarkdown(summary), { flag: "a" });
}

export const stdoutSink = (text: string): void => {
    process.stdout.write(text);
};
