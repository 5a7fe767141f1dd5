/**
 * Whole-element calls over a v1 collection route, for any element kind: get, create, update
 * (which is also the rename: the path names the current key, the body the new one), delete.
 * Shared by the Intent / Entity / DialogNode resources and the Workspace planner.
 *
 * Convergence under faults: a create whose outcome is unknown is never repeated blindly; the
 * client first looks the element up by its key (`reconcile`). Callers that own the element pass
 * `onConflict: "update"` / `onMissing: "create"` so that a repeated or interrupted plan still
 * reaches the declared content instead of failing on what an earlier attempt already did.
 */
import type { ApiClient } from "../../provider/http/client";
import { isConflict, isNotFound } from "../../provider/http/errors";
import { apiPath } from "../../provider/http/path";
import { fromApi, toApi } from "../../provider/casing";
import { type ElementKind, keyOf, sameElement } from "./kinds";

const RECONCILED = Symbol("reconciled");

export function collectionPath(kind: ElementKind, workspaceId: string): string {
    return `${apiPath`/v1/workspaces/${workspaceId}`}/${kind.apiCollection}`;
}

export function elementPath(kind: ElementKind, workspaceId: string, key: string): string {
    return `${collectionPath(kind, workspaceId)}${apiPath`/${key}`}`;
}

/**
 * The element's API body: camelCase -> snake_case, free-form parts untouched. Fields the
 * `previous` version had and `element` no longer declares, and the kind's `alwaysSent` fields,
 * are sent as null (the kind's parts as empty lists): element updates keep fields a body leaves out, and null is how the API clears
 * one. A create passes no `previous` and sends only what is declared.
 */
export function elementBody<E extends object>(element: E, previous?: E, alwaysSent: readonly string[] = [], lists: readonly string[] = []): Record<string, unknown> {
    const body = toApi<Record<string, unknown>>(element);
    const candidates = new Set([...Object.keys(previous ?? {}), ...alwaysSent]);
    const cleared = [...candidates].filter((field) => (element as Record<string, unknown>)[field] === undefined);
    // A list is cleared by an empty one: the service keeps a list the body gives as null.
    return { ...toApi<Record<string, unknown>>(Object.fromEntries(cleared.map((field) => [field, lists.includes(field) ? [] : null]))), ...body };
}

/** An element as the API returns it, in input shape (camelCase, audit fields dropped). */
export function elementFromApi<E extends object>(kind: ElementKind<E>, body: unknown): E {
    const { created: _c, updated: _u, ...rest } = fromApi<Record<string, unknown>>(body);
    return kind.canonical(rest as E);
}

/** The live element, or undefined when it does not exist. */
export async function getElement<E extends object>(client: ApiClient, kind: ElementKind<E>, workspaceId: string, key: string): Promise<E | undefined> {
    try {
        const body = await client.request<unknown>({
            method: "GET", api: "v1", path: elementPath(kind, workspaceId, key), bucket: kind.exportOnGet ? kind.listBucket : "elementReads",
            query: kind.exportOnGet ? { export: true } : undefined,
        });
        return elementFromApi(kind, body);
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

export interface CreateOptions {
    /** What to do when an element with the same key exists: fail (default) or update it to the declared content. */
    onConflict?: "fail" | "update";
}

export async function createElement<E extends object>(
    client: ApiClient, kind: ElementKind<E>, workspaceId: string, element: E, options: CreateOptions = {},
): Promise<void> {
    const key = keyOf(kind, element);
    let result: unknown;
    try {
        result = await client.request<unknown>({
            method: "POST", api: "v1", path: collectionPath(kind, workspaceId), body: elementBody(element), bucket: kind.writeBucket,
            idempotent: false,
            reconcile: async () => {
                const found = await getElement(client, kind, workspaceId, key);
                return found === undefined ? undefined : { [RECONCILED]: found };
            },
        });
    } catch (err) {
        if (!isConflict(err)) throw err;
        const live = await getElement(client, kind, workspaceId, key);
        // An element identical to the declared one is what an interrupted earlier run created
        // before its state was saved (or someone made exactly this): nothing to lose, take it.
        if (live !== undefined && sameElement(kind, live, element)) return;
        if (options.onConflict !== "update") {
            throw new Error(`${kind.label} "${key}" already exists in workspace ${workspaceId} with other content; set adopt: true to take it over (${(err as Error).message})`);
        }
        await updateElement(client, kind, workspaceId, key, element, { onMissing: "create", previous: live });
        return;
    }
    // The create's outcome was unknown and the lookup found the element: make sure it holds what we declared.
    const found = (result as { [RECONCILED]?: E } | undefined)?.[RECONCILED];
    if (found !== undefined && !sameElement(kind, found, element)) {
        await updateElement(client, kind, workspaceId, key, element, { previous: found });
    }
}

export interface UpdateOptions<E = any> {
    /** What to do when the element is gone: fail (default) or create it. */
    onMissing?: "fail" | "create";
    /** The element as the service holds it, so that fields no longer declared get cleared. */
    previous?: E;
    /** The previous element is not known (state keeps digests): clear every field `element` does not declare. */
    clearUndeclared?: boolean;
}

/** Replaces the element `currentKey` with `element` (all subelements included); a key change renames it. */
export async function updateElement<E extends object>(
    client: ApiClient, kind: ElementKind<E>, workspaceId: string, currentKey: string, element: E, options: UpdateOptions<E> = {},
): Promise<void> {
    const previous = options.clearUndeclared ? Object.fromEntries(kind.fields.map((field) => [field, null])) as E : options.previous;
    const body = elementBody(element, previous, kind.alwaysSent, Object.keys(kind.parts ?? {}));
    try {
        await client.request({ method: "POST", api: "v1", path: elementPath(kind, workspaceId, currentKey), body, bucket: kind.writeBucket });
    } catch (err) {
        if (!isNotFound(err) || options.onMissing !== "create") throw err;
        // A rename that already happened (interrupted run) leaves the element under its new key.
        const newKey = keyOf(kind, element);
        if (newKey !== currentKey && (await getElement(client, kind, workspaceId, newKey)) !== undefined) {
            await client.request({ method: "POST", api: "v1", path: elementPath(kind, workspaceId, newKey), body, bucket: kind.writeBucket });
            return;
        }
        await createElement(client, kind, workspaceId, element, { onConflict: "update" });
    }
}

/** Deletes one element; already gone counts as done. */
export async function deleteElement(client: ApiClient, kind: ElementKind, workspaceId: string, key: string): Promise<void> {
    try {
        await client.request({ method: "DELETE", api: "v1", path: elementPath(kind, workspaceId, key), bucket: kind.writeBucket });
    } catch (err) {
        if (!isNotFound(err)) throw err;
    }
}
