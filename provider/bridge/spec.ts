/**
 * The declaration a resource module writes. The bridge (define.ts) turns it into a
 * `pulumi.dynamic.ResourceProvider` plus a typed `pulumi.dynamic.Resource` subclass, and owns
 * everything that is the same for every resource: schema validation in check, the property diff
 * with replace rules, 404 handling on read and delete, write-only (secret) inputs kept as hashes,
 * and error rendering. A resource module says only what is specific to it.
 */
import type { ApiClient } from "../http/client";
import type { ConnectionSettings } from "../config";
import type { SummaryShape } from "../change-summary/shape";
import type { CheckFailure } from "../validation";
import type { ElementIdentity } from "../element-digests";
import type { URN_KEY } from "./creation-marker";

/** What check may depend on besides the inputs: the API version dates of the stack's config (rules differ by version). */
export interface CheckContext {
    versionV1: string;
    versionV2: string;
}

/** What every CRUD function receives. */
export interface OperationContext {
    /** HTTP client bound to the configured service (auth, retries, version dates). */
    client: ApiClient;
    settings: ConnectionSettings;
    /** Progress/info messages (shown by the harness; visible in `pulumi up` output on stderr). */
    log(message: string): void;
    /**
     * Create only: the resource's creation marker (creation-marker.ts), when the program passed its
     * URN. A resource stores it on the object it creates and looks for it before creating, so that
     * an interrupted create is found again instead of repeated.
     */
    creationMarker?: string;
    /**
     * The owner of the object (ownership.ts: `<project>/<stack>/<name>`), when known: a resource
     * marks the objects it creates or adopts with it and compares it with the marks it finds.
     */
    owner?: string;
}

/** What changed in the service since the last deploy (provider/bridge/live-changes.ts). */
export interface LiveChanges {
    /** Changed in the service, and this update would write them (e.g. `intent "hello"`). */
    conflicts: string[];
    /** Changed in the service, and this update leaves them alone. */
    drift: string[];
}

export interface ReadOutcome<I, O> {
    /** The live state; must have the same shape as create's outputs. */
    outs: O;
    /**
     * The live state projected onto inputs, so that the next diff shows drift made outside
     * Pulumi. Omit to keep the stored inputs.
     */
    inputs?: Partial<I>;
}

export interface ResourceSpec<I extends object, O extends object> {
    /** Type name: the Pulumi type token becomes `pulumi-nodejs:dynamic/watson-assistant:<type>`. */
    type: string;
    /** JSON Schema (draft-07, ajv) for the camelCase inputs. Compiled once per process. */
    inputSchema: object;
    /**
     * Input properties whose change forces replacement; everything else updates in place. Derived
     * from the schema (`replacingProperties(inputSchema)`, validation.ts): the rule is declared
     * beside its property as `replaceOnChange: true`.
     */
    replaceOn: (keyof I & string)[];
    /** Delete the old object before creating the new one on replace (unique names etc.). */
    deleteBeforeReplace?: boolean;
    /**
     * Write-only inputs (secrets the API never returns). They are never stored in outputs; the
     * bridge stores `<name>Hash` (sha256) instead and compares hashes in diff.
     */
    writeOnly?: (keyof I & string)[];
    /**
     * Inputs the engine carries as ONE JSON string property (packing.ts) instead of nested values:
     * bulky ones, or all of them (and URN_KEY) for a resource declared by the thousand. The
     * resource class packs them, and every function here still sees them nested. `normalize`
     * must leave them as they are (the declared text is stored as it came).
     */
    packed?: readonly (keyof I & string | typeof URN_KEY)[];
    /**
     * Packed collections whose outputs keep per-element digests instead of the content
     * (digests.ts): the stored outputs `update`, `read` and `replaceWhen` receive hold
     * `<name>Digests` text (provider/element-digests.ts), never the collection. `create`,
     * `update` and `read` may return the collection (it is digested on the way out) or, for what
     * only digests know (a stopped update), the `<name>Digests` text itself.
     */
    digests?: Partial<Record<keyof I & string, ElementIdentity>>;
    /**
     * Collections digested as `digests` only where inputs arrive nested (the native front door):
     * the dynamic front door already stores an element resource's inputs as one packed text,
     * which the engine carries as cheaply as a digest.
     */
    nestedDigests?: Partial<Record<keyof I & string, ElementIdentity>>;
    /** Cross-field rules the schema cannot express. Pure: no I/O. */
    check?(inputs: I, context: CheckContext): CheckFailure[];
    /** Fill defaults / normalize after validation; the result is what create/update/diff see. */
    normalize?(inputs: I): I;
    /**
     * Canonical form of an input property for comparison (e.g. collections sorted by key, API
     * defaults filled in), so that order or defaults never show up as a change. Applied to both the
     * old outputs and the new inputs. Default: the value itself.
     */
    canonical?(property: keyof I & string, value: unknown): unknown;
    /** Extra diff rules; returns properties that force replacement beyond `replaceOn`. */
    replaceWhen?(olds: O, news: I): string[];
    /** Check failures that need the old state (e.g. an identity that may not change). */
    checkTransition?(olds: I, news: I): CheckFailure[];
    /** Check failures of a declaration without earlier inputs: a create (an import reads its inputs first). */
    checkCreate?(news: I): CheckFailure[];

    /** How the plan summary printed in preview and up names this resource's changes. */
    summary?: SummaryShape<I>;

    /**
     * What changed in the service since the last deploy, against what an update to `news` would
     * write; cheap reads only. A resource that declares it accepts the input
     * `overwriteLiveChanges` (live-changes.ts): without it, an update with conflicts fails.
     */
    liveChanges?(ctx: OperationContext, id: string, olds: O, news: I): Promise<LiveChanges>;

    create(ctx: OperationContext, inputs: I): Promise<{ id: string; outs: O }>;
    /** Return undefined when the object is gone (the bridge also maps a 404 ApiError to gone). */
    read(ctx: OperationContext, id: string, olds: O): Promise<ReadOutcome<I, O> | undefined>;
    update(ctx: OperationContext, id: string, olds: O, news: I): Promise<O>;
    /** A 404 ApiError is treated as success by the bridge. */
    delete(ctx: OperationContext, id: string, olds: O): Promise<void>;
}
