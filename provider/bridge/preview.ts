/**
 * Whether this plugin process serves a preview. The engine does not tell a dynamic provider, but
 * the program knows (`pulumi.runtime.isDryRun()`): during a preview each resource sends the hidden
 * input PREVIEW_KEY, which check notes and drops (it never reaches state or a diff).
 */

/** Hidden input set by the program during a preview only. */
export const PREVIEW_KEY = "__preview";

let previewing = false;

/** `news` without PREVIEW_KEY, noting that this process serves a preview when it was set. */
export function notePreview<T extends Record<string, unknown>>(news: T): T {
    if (!news || !(PREVIEW_KEY in news)) return news;
    if (news[PREVIEW_KEY] === true) previewing = true;
    const { [PREVIEW_KEY]: _flag, ...rest } = news;
    return rest as T;
}

/** Whether a check of this process saw the preview flag. */
export function servesPreview(): boolean {
    return previewing;
}
