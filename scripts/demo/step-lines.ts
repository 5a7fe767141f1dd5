/** One readable line per resource step, whichever engine took it. */
import type { DemoStepRecord } from "./engines";

const SYMBOL: Record<string, string> = {
    create: "+", update: "~", replace: "+-", delete: "-", same: "=", read: ">", "refresh-drift": "~", "refresh-gone": "-",
};

/** "pulumi-nodejs:dynamic/watson-assistant:Release" -> "Release" */
export function shortType(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}

/** `note` adds a remark after the operation (e.g. that a delete only forgets a retained resource). */
export function stepLine(step: DemoStepRecord, preview: boolean, note?: string): string {
    const op = preview && step.op !== "same" ? `${step.op} (planned)` : step.op;
    const why = step.op === "replace" && step.replaces?.length ? `, because ${step.replaces.join(", ")} changed` : "";
    return `   ${(SYMBOL[step.op] ?? "?").padEnd(2)} ${step.name.padEnd(14)} ${shortType(step.type).padEnd(22)} ${op}${why}${note ? ` (${note})` : ""}`;
}
