/**
 * How a resource declares the naming of its changes for the plan summary (see describe.ts):
 * which properties are keyed collections, how their elements are called, and which values are
 * short identifiers that may be printed. Nothing else is ever printed by value: other fields are
 * named (free-form JSON by the paths that changed inside it), so secrets and whole bodies never
 * reach the output.
 */

/** An object whose fields may be collections or nested objects with collections. */
export interface ObjectShape {
    /** Fields that are keyed collections or objects described further. */
    fields?: Record<string, FieldShape>;
    /** Fields whose values are short identifiers, printed as `field old -> new`. */
    shown?: string[];
    /** Fields that are not content (provider options): never reported. */
    ignored?: string[];
}

/** An array of elements identified by a natural key. */
export interface CollectionShape<E = any> extends ObjectShape {
    /** What one element is called ("intent", "example"); the plural adds "s" unless given. */
    noun: string;
    plural?: string;
    key(element: E): string;
    /** The element property holding the key, when there is one (rename detection ignores it). */
    keyProperty?: string;
    /**
     * Whether elements are named in the summary (`intent #refund`); without it a nested collection
     * is only counted (`+2 examples`). `label` turns the key into the name.
     */
    named?: boolean;
    label?(key: string): string;
    /** Comparison form (sorted sets, defaults dropped), the same the planner compares. */
    canonical?(element: E): unknown;
    /** Pair a removed and an added element that differ only in their key (as the API renames). */
    renames?: boolean;
    /** Fields that place the element (parent, previous sibling): a change reads "moved". */
    position?: string[];
}

export type FieldShape = ObjectShape | CollectionShape;

export function isCollection(shape: FieldShape): shape is CollectionShape {
    return typeof (shape as CollectionShape).key === "function";
}

/** One step of the plan the resource will take, as the summary needs it. */
export interface PlannedChange<I> {
    action: "create" | "update" | "replace";
    id?: string;
    /** Stored outputs (empty for a create). */
    olds: Partial<I>;
    news: I;
    /** Input properties that differ (from the bridge's diff). */
    changed: string[];
    /** Properties forcing the replacement. */
    replaces: string[];
}

/** A resource's summary declaration (ResourceSpec.summary). */
export interface SummaryShape<I> extends ObjectShape {
    /** How the resource is called, from its inputs: `Workspace "Support"`, `intent #refund`. */
    title(inputs: I): string;
    /** The API calls the change will make, as `METHOD /route/{template}` (optionally with a count or a note). */
    calls?(change: PlannedChange<I>): string[];
}
