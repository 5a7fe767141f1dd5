/**
 * Which service instance a resource's object lives in. Every stored state keeps it (the hidden
 * output `__serviceInstance`), so that pointing a stack at another instance (`watson-assistant:url`)
 * is never a silent no-op: diff, read, update and delete of an object stored for another instance
 * fail and say what to do, instead of reporting `unchanged`, reading a 404 as "gone" or deleting
 * nothing. The identity holds no credentials: the `/instances/<id>` of an IBM Cloud URL (the
 * same instance under its public and private endpoints), else the URL's origin and path.
 */

/** Hidden output: the service instance of the resource's object. */
export const INSTANCE_KEY = "__serviceInstance";

export function serviceInstanceOf(url: string): string {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, "");
    const instance = /\/instances\/([^/]+)/.exec(path);
    if (instance) return `instances/${instance[1]}`;
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${path}`;
}

/**
 * Fails when `stored` (the state's `__serviceInstance`) names another instance than `current`.
 * State written before the identity was kept has none: it is taken to be the current instance.
 */
export function requireSameInstance(type: string, id: string | undefined, stored: unknown, current: string | undefined): void {
    if (typeof stored !== "string" || current === undefined || stored === current) return;
    throw new Error(
        `${type}${id ? ` ${id}` : ""} lives in service instance ${stored} (recorded in state), but watson-assistant:url ` +
            `now points at ${current}. A stack's objects cannot move between instances: set watson-assistant:url ` +
            "back to manage them (or `pulumi destroy` them there), and deploy to the new instance from another stack " +
            "(`pulumi stack init`).",
    );
}
