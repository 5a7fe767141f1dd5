/** The emulator clock as an ISO timestamp (`created` / `updated` fields). */
export function isoNow(ctx: { now(): number }): string {
    return new Date(ctx.now()).toISOString();
}
