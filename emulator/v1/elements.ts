/**
 * What every v1 element kind shares (intents, examples, counterexamples, entities, values, synonyms,
 * dialog nodes): a declarative description of the kind, and the create / update / delete rules
 * built from it, which take plain values and return records. Kind-specific rules live in the
 * kind's file and plug in as hooks; handlers/elements.ts turns a kind into HTTP handlers.
 */
import { isoNow } from "../core/clock";
import { conflict, notFound } from "../core/errors";
import type { Violations } from "../core/violations";
import { addByKey, findByKey, removeByKey, renameByKey } from "./collection";
import type { Audit, V1Context, WorkspaceRecord } from "./model";
import { markChanged, requireWorkspace } from "./store";
import { bodyViolations, requireBodyObject } from "./validation";
import type { ViewFlags } from "./views";

export type Params = Record<string, string>;

/** Where the elements a request names live. */
export interface Place<T, P> {
    list: T[];
    /** The record holding `list` (the workspace for top-level kinds). */
    parent: P;
    /** Records between the workspace and the element whose `updated` every change bumps. */
    owners: Audit[];
}

/** What an update hook gets: the element, its place, the body, and the key checks of its kind. */
export interface Edit<T, P> {
    element: T;
    place: Place<T, P>;
    body: Record<string, any>;
    stamp: string;
    /** 409 when another element of the kind already holds `key`. */
    claim(key: string): void;
    /** When `key` is given and differs: claims it, re-keys the element in place, rewrites references. */
    rename(key: string | undefined): void;
}

export interface ElementKind<T extends Audit, P> {
    /** How messages name the kind: "example", "dialog node". */
    noun: string;
    /** The natural key field; the element's route parameter has the same name. Sorting is by it or `updated`. */
    key: keyof T & string;
    /** The items field of list responses: "examples". */
    plural: string;
    /** Whether `export=false` hides subelements (intents, entities, values); creates and updates always show them. */
    hasSubelements?: boolean;
    /** Lists keep creation order without `sort` (dialog nodes); others come in ascending key order. */
    listInCreationOrder?: boolean;
    /** Finds the parent from the path parameters (404 on the way). */
    place(workspace: WorkspaceRecord, params: Params): Place<T, P>;
    /** A new element from a create body (path "" = the top of the body). */
    parse(raw: unknown, path: string, stamp: string, problems: Violations): T;
    view(element: T, flags: ViewFlags): unknown;
    /** Names the parent in 409 messages: ` in intent "greet"`. */
    conflictSuffix?(parent: P): string;
    /** Throws when the parent can hold no elements of this kind (checked before the body). */
    checkParent?(parent: P): void;
    /** Runs once a new element's key is known to be free: last checks and neighbour updates. */
    beforeAdd?(element: T, place: Place<T, P>): void;
    /** Checks an update body and applies it; `updated` stamps are set afterwards. */
    update(edit: Edit<T, P>): void;
    /** What else a rename rewrites (links to a dialog node). */
    renamed?(element: T, oldKey: string, place: Place<T, P>): void;
    /** Removes the element and whatever goes with it; by default just the element. */
    remove?(element: T, place: Place<T, P>): void;
}

const labelOf = (kind: ElementKind<any, any>) => kind.noun[0].toUpperCase() + kind.noun.slice(1);
export const keyOf = <T extends Audit>(kind: ElementKind<T, unknown>, element: T) => element[kind.key] as unknown as string;

function requireElement<T extends Audit, P>(kind: ElementKind<T, P>, place: Place<T, P>, key: string): T {
    const element = findByKey(place.list, kind.key, key);
    if (!element) throw notFound(`${labelOf(kind)} not found: ${key}`);
    return element;
}

/** The element the path parameters name (404s on the way), with its place. */
export function locate<T extends Audit, P>(kind: ElementKind<T, P>, workspace: WorkspaceRecord, params: Params): { place: Place<T, P>; element: T } {
    const place = kind.place(workspace, params);
    return { place, element: requireElement(kind, place, params[kind.key]) };
}

/** 409 when another element of the kind already holds `key`. */
function claim<T extends Audit, P>(kind: ElementKind<T, P>, place: Place<T, P>, key: string, self?: T): void {
    const holder = findByKey(place.list, kind.key, key);
    if (holder && holder !== self) {
        throw conflict(`Unique Violation: The ${kind.noun} "${key}" already exists${kind.conflictSuffix?.(place.parent) ?? ""}`, kind.key);
    }
}

function touch(ctx: V1Context, workspace: WorkspaceRecord, owners: Audit[], stamp: string): void {
    for (const owner of owners) owner.updated = stamp;
    markChanged(ctx, workspace, stamp);
}

/** The elements of the place the parameters name, in stored order. */
export function elementsAt<T extends Audit, P>(ctx: V1Context, kind: ElementKind<T, P>, params: Params): T[] {
    return kind.place(requireWorkspace(ctx, params.workspace_id), params).list;
}

export function findElement<T extends Audit, P>(ctx: V1Context, kind: ElementKind<T, P>, params: Params): T {
    return locate(kind, requireWorkspace(ctx, params.workspace_id), params).element;
}

export function createElement<T extends Audit, P>(ctx: V1Context, kind: ElementKind<T, P>, params: Params, body: unknown): T {
    const workspace = requireWorkspace(ctx, params.workspace_id);
    const place = kind.place(workspace, params);
    kind.checkParent?.(place.parent);
    const stamp = isoNow(ctx);
    const problems = bodyViolations();
    const element = kind.parse(requireBodyObject(body), "", stamp, problems);
    problems.throwIfAny();
    claim(kind, place, keyOf(kind, element));
    kind.beforeAdd?.(element, place);
    addByKey(place.list, kind.key, element);
    touch(ctx, workspace, place.owners, stamp);
    return element;
}

export function updateElement<T extends Audit, P>(ctx: V1Context, kind: ElementKind<T, P>, params: Params, rawBody: unknown): T {
    const workspace = requireWorkspace(ctx, params.workspace_id);
    const { place, element } = locate(kind, workspace, params);
    const body = requireBodyObject(rawBody);
    const stamp = isoNow(ctx);
    kind.update({
        element, place, body, stamp,
        claim: (key) => claim(kind, place, key, element),
        rename(key) {
            const oldKey = keyOf(kind, element);
            if (key === undefined || key === oldKey) return;
            claim(kind, place, key);
            renameByKey(place.list, kind.key, element, key);
            kind.renamed?.(element, oldKey, place);
        },
    });
    element.updated = stamp;
    touch(ctx, workspace, place.owners, stamp);
    return element;
}

export function deleteElement<T extends Audit, P>(ctx: V1Context, kind: ElementKind<T, P>, params: Params): void {
    const workspace = requireWorkspace(ctx, params.workspace_id);
    const { place, element } = locate(kind, workspace, params);
    if (kind.remove) kind.remove(element, place);
    else removeByKey(place.list, kind.key, keyOf(kind, element));
    touch(ctx, workspace, place.owners, isoNow(ctx));
}
