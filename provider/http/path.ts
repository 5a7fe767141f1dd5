/**
 * Tagged template for API paths: every interpolated value is one encoded path segment, so names
 * with spaces, slashes or unicode (intent names, entity values, dialog node ids) stay one segment.
 *
 *     apiPath`/v1/workspaces/${workspaceId}/entities/${entity}/values/${value}`
 */
export function apiPath(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
    let out = strings[0];
    segments.forEach((segment, i) => {
        const text = String(segment);
        if (text === "") throw new Error(`apiPath: empty path segment after "${out}"`);
        out += encodeURIComponent(text) + strings[i + 1];
    });
    return out;
}
