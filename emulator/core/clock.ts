import type { EmulatorContext } from "./types";

/** The emulator clock as an ISO timestamp (`created` / `updated` fields). */
export function isoNow(ctx: EmulatorContext): string {
    return new Date(ctx.now()).toISOString();
}
