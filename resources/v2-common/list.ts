/**
 * Reading v2 objects that have no get-one endpoint (assistants, providers) and creating objects
 * whose create may be retried after an unknown outcome (assistants, releases) without duplicates.
 */
import type { OperationContext } from "../../provider/bridge/spec";
import { reportInterruptedCreate } from "../../provider/bridge/creation-marker";

export interface ListSpec {
    /** Collection path, e.g. `/v2/assistants`. */
    path: string;
    /** Property of each page holding the items, e.g. `assistants`. */
    itemsKey: string;
    query?: Record<string, string | number | boolean | undefined>;
}

/** Every item of a paginated v2 collection. */
export async function listAll<T>(ctx: OperationContext, list: ListSpec): Promise<T[]> {
    return ctx.client.paginate<T>({ api: "v2", path: list.path, query: list.query, itemsKey: list.itemsKey });
}

/** The first item that matches, walking all pages; undefined when there is none. */
export async function findInList<T>(ctx: OperationContext, list: ListSpec, match: (item: T) => boolean): Promise<T | undefined> {
    return (await listAll<T>(ctx, list)).find(match);
}

export interface CreateOnceOptions<T> {
    /** For messages, e.g. `assistant "support"`. */
    what: string;
    list: ListSpec;
    /** Identity of a listed object (assistant id, release number). */
    keyOf(item: T): string;
    /** Whether a listed object carries what this create sends (name, description...). */
    matches(item: T): boolean;
    /**
     * Sends the create. `reconcile` goes to ApiClient.request: the client calls it when an attempt
     * has an unknown outcome, and uses what it finds instead of creating a second object.
     */
    create(reconcile: () => Promise<T | undefined>): Promise<T>;
    /**
     * This resource's creation marker and where a listed object carries it (creation-marker.ts).
     * `pending` (optional): whether a listed object cannot show its marker yet (a release still
     * Processing shows no description); `settled` fetches it until it can, so that the object of
     * an interrupted create is found also while it is still being made.
     */
    marker?: { value: string; of(item: T): string | undefined; pending?(item: T): boolean; settled?(item: T): Promise<T> };
}

/**
 * Creates an object that has no client-chosen identity without ever creating two. An object that
 * carries this resource's creation marker was made by an interrupted create and is used as is. The objects
 * that already match are listed first; after an attempt with an unknown outcome, a matching object
 * that was not there before is the one that attempt created. This assumes nobody else creates an
 * identical object in the same instant, which is also what the service's own UI assumes.
 */
export async function createOnce<T>(ctx: OperationContext, options: CreateOnceOptions<T>): Promise<T> {
    const marker = options.marker;
    const existing = await settledList(ctx, options);
    const interrupted = marker && existing.find((item) => marker.of(item) === marker.value);
    if (interrupted) {
        reportInterruptedCreate(ctx.log, `${options.what}: ${options.keyOf(interrupted)}`);
        return interrupted;
    }
    const before = new Set(existing.filter(options.matches).map(options.keyOf));
    const reconcile = async (): Promise<T | undefined> => {
        const appeared = (await listAll<T>(ctx, options.list)).filter((item) => options.matches(item) && !before.has(options.keyOf(item)));
        if (appeared.length > 1) {
            const keys = appeared.map(options.keyOf).join(", ");
            throw new Error(`${options.what}: several matching objects appeared while creating one (${keys}); resolve by hand`);
        }
        if (appeared.length === 1) ctx.log(`${options.what}: an earlier attempt had succeeded (found ${options.keyOf(appeared[0])}); not creating another`);
        return appeared[0];
    };
    return options.create(reconcile);
}

/** The listed objects; with a marker to look for, those that cannot show one yet are fetched until they can. */
async function settledList<T>(ctx: OperationContext, options: CreateOnceOptions<T>): Promise<T[]> {
    const listed = await listAll<T>(ctx, options.list);
    const { pending, settled } = options.marker ?? {};
    if (!pending || !settled || !listed.some(pending)) return listed;
    const waiting = listed.filter(pending).map(options.keyOf).join(", ");
    ctx.log(`${options.what}: waiting for ${waiting} to show whether an interrupted run of this resource made it`);
    return Promise.all(listed.map((item) => (pending(item) ? settled(item) : item)));
}
