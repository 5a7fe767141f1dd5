/**
 * The list / create / get / update / delete handlers of every v1 element kind, built from the
 * kind's declaration (v1/elements.ts): read the request, call the rules, render the view.
 */
import type { EmulatorResponse, Handler } from "../../core/http-types";
import { type ListSpec, paginate } from "../../core/pagination";
import { createElement, deleteElement, type ElementKind, elementsAt, findElement, keyOf, updateElement } from "../elements";
import type { Audit, V1Slice } from "../model";
import { viewFlags } from "./flags";

/** The five handlers of a collection route pair (`/things` and `/things/{thing}`). */
export interface CrudHandlers {
    list: Handler<V1Slice>;
    create: Handler<V1Slice>;
    get: Handler<V1Slice>;
    update: Handler<V1Slice>;
    delete: Handler<V1Slice>;
}

export function elementHandlers<T extends Audit, P>(kind: ElementKind<T, P>): CrudHandlers {
    const exportable = kind.hasSubelements ?? false;
    const listSpec: ListSpec<T> = {
        sortKeys: { [kind.key]: (element: T) => keyOf(kind, element), updated: (element: T) => element.updated },
        ...(kind.listInCreationOrder ? {} : { defaultSort: kind.key }),
    };
    // Writes answer with the whole element; query flags are read before anything changes, so a
    // bad flag is a 400 that leaves the workspace as it was.
    const answer = (status: number, element: T, audit: boolean): EmulatorResponse => ({
        status,
        body: kind.view(element, { export: true, audit }),
    });

    return {
        list(req, ctx) {
            const elements = elementsAt(ctx, kind, req.params);
            const flags = viewFlags(req, exportable);
            const page = paginate(elements, req, listSpec);
            return { status: 200, body: { [kind.plural]: page.items.map((e) => kind.view(e, flags)), pagination: page.pagination } };
        },
        create(req, ctx) {
            const flags = viewFlags(req, exportable);
            return answer(201, createElement(ctx, kind, req.params, req.body), flags.audit);
        },
        get(req, ctx) {
            const element = findElement(ctx, kind, req.params);
            return { status: 200, body: kind.view(element, viewFlags(req, exportable)) };
        },
        update(req, ctx) {
            const flags = viewFlags(req, exportable);
            return answer(200, updateElement(ctx, kind, req.params, req.body), flags.audit);
        },
        delete(req, ctx) {
            deleteElement(ctx, kind, req.params);
            return { status: 200, body: {} };
        },
    };
}
