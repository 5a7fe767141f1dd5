/**
 * The list / create / get / update / delete handlers that every v1 element kind shares (intents,
 * examples, counterexamples, entities, values, synonyms, dialog nodes), built from a declarative
 * description of the kind. Kind-specific rules stay in the kind's file and plug in as hooks.
 */
import type { Violations } from "../core/violations";
import type { EmulatorResponse, Handler } from "../core/http-types";
import type { Audit, V1Context, V1Slice, WorkspaceRecord } from "./model";
import { addByKey, findByKey, removeByKey, renameByKey } from "./collection";
import { isoNow } from "../core/clock";
import { conflict, notFound } from "../core/errors";
import { type ListSpec, paginate } from "../core/pagination";
import { markChanged, requireWorkspace, viewFlags, type ViewFlags } from "./store";
import { bodyViolations, requireBodyObject } from "./validation";

type Params = Record<string, string>;

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

/** The five handlers of a collection route pair (`/things` and `/things/{thing}`). */
export interface CrudHandlers {
    list: Handler<V1Slice>;
    create: Handler<V1Slice>;
    get: Handler<V1Slice>;
    update: Handler<V1Slice>;
    delete: Handler<V1Slice>;
}

export interface ElementHandlers<T, P> extends CrudHandlers {
    /** The element the path names (404s on the way), for the kinds nested below this one. */
    locate(workspace: WorkspaceRecord, params: Params): { place: Place<T, P>; element: T };
}

export function elementHandlers<T extends Audit, P>(kind: ElementKind<T, P>): ElementHandlers<T, P> {
    const label = kind.noun[0].toUpperCase() + kind.noun.slice(1);
    const exportable = kind.hasSubelements ?? false;
    const keyOf = (element: T) => element[kind.key] as unknown as string;
    const listSpec: ListSpec<T> = {
        sortKeys: { [kind.key]: keyOf, updated: (element: T) => element.updated },
        ...(kind.listInCreationOrder ? {} : { defaultSort: kind.key }),
    };

    function requireElement(place: Place<T, P>, key: string): T {
        const element = findByKey(place.list, kind.key, key);
        if (!element) throw notFound(`${label} not found: ${key}`);
        return element;
    }

    function locate(workspace: WorkspaceRecord, params: Params) {
        const place = kind.place(workspace, params);
        return { place, element: requireElement(place, params[kind.key]) };
    }

    function claim(place: Place<T, P>, key: string, self?: T): void {
        const holder = findByKey(place.list, kind.key, key);
        if (holder && holder !== self) {
            throw conflict(`Unique Violation: The ${kind.noun} "${key}" already exists${kind.conflictSuffix?.(place.parent) ?? ""}`, kind.key);
        }
    }

    function touch(ctx: V1Context, workspace: WorkspaceRecord, place: Place<T, P>, stamp: string): void {
        for (const owner of place.owners) owner.updated = stamp;
        markChanged(ctx, workspace, stamp);
    }

    // Writes answer with the whole element; query flags are parsed before anything changes, so a
    // bad flag is a 400 that leaves the workspace as it was.
    const answer = (status: number, element: T, flags: ViewFlags): EmulatorResponse => ({
        status,
        body: kind.view(element, { export: true, audit: flags.audit }),
    });

    return {
        locate,

        list(req, ctx) {
            const place = kind.place(requireWorkspace(ctx, req.params.workspace_id), req.params);
            const flags = viewFlags(req, exportable);
            const page = paginate(place.list, req, listSpec);
            return { status: 200, body: { [kind.plural]: page.items.map((e) => kind.view(e, flags)), pagination: page.pagination } };
        },

        create(req, ctx) {
            const flags = viewFlags(req, exportable);
            const workspace = requireWorkspace(ctx, req.params.workspace_id);
            const place = kind.place(workspace, req.params);
            kind.checkParent?.(place.parent);
            const stamp = isoNow(ctx);
            const problems = bodyViolations();
            const element = kind.parse(requireBodyObject(req.body), "", stamp, problems);
            problems.throwIfAny();
            claim(place, keyOf(element));
            kind.beforeAdd?.(element, place);
            addByKey(place.list, kind.key, element);
            touch(ctx, workspace, place, stamp);
            return answer(201, element, flags);
        },

        get(req, ctx) {
            const { element } = locate(requireWorkspace(ctx, req.params.workspace_id), req.params);
            return { status: 200, body: kind.view(element, viewFlags(req, exportable)) };
        },

        update(req, ctx) {
            const flags = viewFlags(req, exportable);
            const workspace = requireWorkspace(ctx, req.params.workspace_id);
            const { place, element } = locate(workspace, req.params);
            const body = requireBodyObject(req.body);
            const stamp = isoNow(ctx);
            kind.update({
                element, place, body, stamp,
                claim: (key) => claim(place, key, element),
                rename(key) {
                    const oldKey = keyOf(element);
                    if (key === undefined || key === oldKey) return;
                    claim(place, key);
                    renameByKey(place.list, kind.key, element, key);
                    kind.renamed?.(element, oldKey, place);
                },
            });
            element.updated = stamp;
            touch(ctx, workspace, place, stamp);
            return answer(200, element, flags);
        },

        delete(req, ctx) {
            const workspace = requireWorkspace(ctx, req.params.workspace_id);
            const { place, element } = locate(workspace, req.params);
            if (kind.remove) kind.remove(element, place);
            else removeByKey(place.list, kind.key, keyOf(element));
            touch(ctx, workspace, place, isoNow(ctx));
            return { status: 200, body: {} };
        },
    };
}
