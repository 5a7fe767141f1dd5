/**
 * How a resource declares the naming of its changes for the plan summary (see describe.ts):
 * which properties are keyed collections, how their elements are called, and which values are
 * short identifiers that may be printed. Nothing else is ever printed by value: other fields are
 * named (free-form JSON by the paths that changed inside it), so secrets and whole bodies never
 * reach the output.
 */
import type { ElementIdentity } from "../element-digests";

/** An object whose fields may be collections or nested objects with collections. */
export interface ObjectShape {
    /** Fields that are keyed collections or objects described further. */
    fields?: Record<string, FieldShape>;
    /** Fields whose values are short identifiers, printed as `field old -> new`. */
    shown?: string[];
    /** Fields that are not content (provider options): never reported. */
    ignored?: string[];
}

/**
 * An array of elements identified by a natural key (`keyProperty`: the property holding it, which
 * rename detection ignores; `canonical`: the comparison form, the same the planner compares;
 * `position`: fields that place the element, whose change reads "moved").
 */
export interface CollectionShape<E = any> extends ObjectShape, ElementIdentity<E> {
    /** What one element is called ("intent", "example"); the plural adds "s" unless given. */
    noun: string;
    plural?: string;
    /**
     * Whether elements are named in the summary (`intent #refund`); without it a nested collection
     * is only counted (`+2 examples`). `label` turns the key into the name.
     */
    named?: boolean;
    label?(key: string): string;
    /** Pair a removed and an added element that differ only in their key (as the API renames). */
    renames?: boolean;
    /** The identity the planner digests with, when the shape copies one: digests are cached by it. */
    identity?: ElementIdentity<E>;
}

export type FieldShape = ObjectShape | CollectionShape;

export function isCollection(shape: FieldShape): shape is CollectionShape {
    return typeof (shape as CollectionShape).key === "function";
}

/** One step of the plan the resource will take, as the summary needs it. */
export interface PlannedChange<I> {
    action: "create" | "update" | "replace";
    id?: string;
    /** Stored outputs (empty for a create): digested collections as `<name>Digests` (provider/element-digests.ts). */
    olds: Partial<I>;
    /**
     * The inputs of the last deployment, when the plugin saw them (the engine's check of this
     * step): they name what changed inside an element whose stored digest they match.
     */
    previous?: () => Partial<I> | undefined;
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
