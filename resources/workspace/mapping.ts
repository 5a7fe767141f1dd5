/**
 * Workspace inputs <-> v1 bodies. Collections go through the element kinds' canonical forms so
 * that what is read back compares equal to what was declared.
 */
import { fromApi, snakeCase, toApi } from "../../provider/casing";
import { canonicalCollection, type CollectionName, ELEMENT_KINDS } from "../v1-elements/kinds";
import { COLLECTIONS, SCALARS, type ScalarName, type WorkspaceInputs } from "./types";
import { OWNER_METADATA_KEY, withOwnerMark } from "./ownership";

/**
 * Metadata key holding the creation token of a workspace create, so that a create whose outcome
 * was unknown is found again (GET /v1/workspaces lists metadata) instead of being repeated. It is
 * never shown in outputs: read strips it.
 */
export const CREATION_TOKEN_KEY = "pulumi_creation_token";

/** Metadata without the provider's marks, creation marker and owner (they are not content). */
export function withoutCreationToken<M extends Record<string, unknown> | undefined>(metadata: M): M {
    if (!metadata || !(CREATION_TOKEN_KEY in metadata || OWNER_METADATA_KEY in metadata)) return metadata;
    const { [CREATION_TOKEN_KEY]: _token, [OWNER_METADATA_KEY]: _owner, ...rest } = metadata;
    return rest as M;
}

/** What a scalar is set to when it stops being declared (null clears a field in v1 updates). */
const CLEARED: Record<ScalarName, unknown> = {
    name: null, description: null, language: null, metadata: {}, learningOptOut: false, systemSettings: null, webhooks: [],
};

export interface BodyParts {
    /** Collections to carry (whole). */
    collections: readonly CollectionName[];
    /** Scalars declared before and no longer: sent as cleared. */
    cleared?: readonly ScalarName[];
    creationToken?: string;
    /** The owner's mark (ownership.ts), kept in any metadata the body sends. */
    owner?: string;
}

export function workspaceBody(inputs: WorkspaceInputs, parts: BodyParts): Record<string, unknown> {
    const content: Record<string, unknown> = {};
    for (const scalar of SCALARS) if (inputs[scalar] !== undefined) content[scalar] = inputs[scalar];
    for (const collection of parts.collections) content[collection] = inputs[collection] ?? [];
    const body = toApi<Record<string, unknown>>(content);
    for (const scalar of parts.cleared ?? []) body[snakeCase(scalar)] = CLEARED[scalar];
    if (parts.creationToken) body.metadata = { ...(inputs.metadata ?? {}), [CREATION_TOKEN_KEY]: parts.creationToken };
    if (parts.owner !== undefined && (body.metadata !== undefined || parts.creationToken)) {
        body.metadata = withOwnerMark(body.metadata as Record<string, unknown> | undefined, parts.owner);
    }
    return body;
}

/** The content of an export (or a plain GET) in input shape: camelCase, canonical collections, no token. */
export function workspaceFromApi(body: Record<string, unknown>): WorkspaceInputs & { workspaceId?: string; status?: string } {
    const { created: _c, updated: _u, status, workspace_id, ...rest } = body;
    const content = fromApi<Record<string, any>>(rest);
    if (content.metadata) content.metadata = withoutCreationToken(content.metadata);
    for (const kind of ELEMENT_KINDS) {
        if (Array.isArray(content[kind.collection])) content[kind.collection] = canonicalCollection(kind, content[kind.collection]);
    }
    return { ...content, workspaceId: workspace_id as string | undefined, status: status as string | undefined } as any;
}

/**
 * The live content projected onto what the stack declares: the scalars it declared and the
 * collections it owns. Undeclared scalars and collections are not managed, so they are not read.
 */
export function projectOnto(
    live: WorkspaceInputs, declared: WorkspaceInputs, owned: readonly CollectionName[] = COLLECTIONS.filter((c) => declared[c] !== undefined),
): WorkspaceInputs {
    const projected: Record<string, unknown> = {};
    for (const scalar of SCALARS) {
        if (declared[scalar] !== undefined || scalar === "name" || scalar === "language") projected[scalar] = live[scalar];
    }
    for (const collection of owned) projected[collection] = live[collection] ?? [];
    return projected as unknown as WorkspaceInputs;
}
