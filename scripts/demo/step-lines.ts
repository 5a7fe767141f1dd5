/** One readable line per resource step, printed as the harness reports it. */
import type { HarnessEvent, Step } from "../../tests/harness";

const SYMBOL: Record<string, string> = {
    create: "+", update: "~", replace: "+-", delete: "-", same: "=", read: ">", "refresh-drift": "~", "refresh-gone": "-",
};

/** "pulumi-nodejs:dynamic/watson-assistant:Release" -> "Release" */
export function shortType(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}

/** `note` adds a remark after the operation (e.g. that a delete only forgets a retained resource). */
export function stepLine(step: Step, preview: boolean, note?: string): string {
    const op = preview && step.op !== "same" ? `${step.op} (planned)` : step.op;
    const why = step.op === "replace" && step.replaces?.length ? `, because ${step.replaces.join(", ")} changed` : "";
    return `   ${(SYMBOL[step.op] ?? "?").padEnd(2)} ${step.name.padEnd(14)} ${shortType(step.type).padEnd(22)} ${op}${why}${note ? ` (${note})` : ""}`;
}

/** An onEvent handler printing every finished or failed step; `preview()` says how to word ops. */
export function printSteps(
    write: (line: string) => void,
    preview: () => boolean,
    note: (step: Step) => string | undefined = () => undefined,
): (event: HarnessEvent) => void {
    return (event) => {
        if (event.type === "step-done") write(stepLine(event.step, preview(), note(event.step)));
        if (event.type === "step-failed") write(`   !  ${event.urn.slice(event.urn.lastIndexOf("::") + 2)} failed: ${event.error}`);
    };
}
