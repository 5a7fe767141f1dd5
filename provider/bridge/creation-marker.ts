/**
 * Creation markers: a value derived from stable facts of a resource, stored on the object it
 * creates (workspace metadata, a description suffix), so that the create of the next `up` finds
 * the object of an interrupted create instead of making a second one. The service has no
 * idempotency keys, and a random token per attempt cannot be found again by the next attempt.
 *
 * Stable facts: the resource's URN (computed by the program and passed as the hidden input
 * `__urn`; the dynamic provider protocol gives create only the inputs) and the inputs that force
 * replacement (an object with other identifying inputs is not this resource's). A replacement
 * needs a new object although its URN and often its identifying inputs are the same, so its
 * marker is derived from the marker of the object it replaces: the engine checks a resource
 * against its stored inputs first (which carry that marker), then checks the replacement without
 * them, in the same plugin process. Each object of a URN thus has its own marker, and a repeated
 * attempt of the same step derives the same one.
 */
import { holdsDeployedInputs, sha256, stableJson } from "../values";
import { INSTANCE_KEY } from "./service-instance";
import { OWNER_KEY } from "./ownership";

/** Hidden input set by the program: the resource's URN. */
export const URN_KEY = "__urn";
/** Hidden input set by check: the marker the next create of this resource uses. */
export const MARKER_KEY = "__creationMarker";

/** Marker of the object in state, by URN, from checks that had stored inputs (this process). */
const markersInState = new Map<string, string>();

/** 16 hex digits: short enough for a description suffix, and no collision in practice. */
const shortHash = (value: unknown) => sha256(stableJson(value)).slice(0, 16);

/**
 * The marker for `news`: the stored one when the resource has an object (an update keeps it),
 * otherwise one derived from the URN, the identifying inputs and, for a replacement, the marker
 * of the object being replaced. Undefined without a URN (a program of an older version).
 */
export function creationMarker(olds: Record<string, unknown>, news: Record<string, unknown>, identifying: readonly string[]): string | undefined {
    const urn = news[URN_KEY];
    if (typeof urn !== "string") return undefined;
    const stored = olds[MARKER_KEY];
    if (holdsDeployedInputs(olds)) {
        // Olds without a marker: state written before markers; its object has none to collide with.
        markersInState.set(urn, typeof stored === "string" ? stored : "none");
        if (typeof stored === "string") return stored;
    }
    const identity = Object.fromEntries(identifying.map((name) => [name, news[name] ?? null]));
    return shortHash({ urn, identity, replaces: markersInState.get(urn) ?? null });
}

/**
 * `text` carrying the marker as a suffix (` [pulumi:<marker>]`), for objects whose only free field
 * is a description. Unchanged when there is no marker or the suffix would pass `maxLength`.
 */
export function withMarkerSuffix(text: string | undefined, marker: string | undefined, maxLength: number): string | undefined {
    if (marker === undefined) return text;
    const marked = `${text === undefined ? "" : `${text} `}[pulumi:${marker}]`;
    return marked.length <= maxLength ? marked : text;
}

/** The text without a marker suffix, and the marker it carried. */
export function splitMarkerSuffix(text: string | undefined): { text: string | undefined; marker?: string } {
    const match = text === undefined ? null : /^(?:([^]*) )?\[pulumi:([0-9a-f]{16})\]$/.exec(text);
    if (!match) return { text };
    return { text: match[1], marker: match[2] };
}

/**
 * Says that `found` (e.g. "workspace <id>") is the object of an interrupted create, taken over by
 * this one, and what clears the engine's record of that create: the engine keeps warning about
 * the "pending operation" on every later run until a refresh drops it (no provider can).
 */
export function reportInterruptedCreate(log: (message: string) => void, found: string): void {
    log(`${found} was created by an interrupted run of this resource; finishing it instead of creating another. ` +
        "Pulumi will keep warning that this create was interrupted (\"pending operations\") until you run " +
        "`pulumi refresh --clear-pending-creates --yes` once this run has finished (it only drops that warning's record).");
}

/** Hidden inputs and outputs, which are not the resource's own (the schema and the spec never see them). */
export const HIDDEN_KEYS = [URN_KEY, MARKER_KEY, INSTANCE_KEY, OWNER_KEY];
