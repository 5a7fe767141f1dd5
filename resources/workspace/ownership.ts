/**
 * The ownership mark of a workspace (provider/bridge/ownership.ts): `metadata.pulumi_owner`, set by
 * the create, written by an adoption, kept by every update that sends metadata and never shown in
 * outputs. Adopting a workspace marked for another owner needs `takeOver: true`; a workspace marked
 * for another owner is never deleted.
 */
import { OwnedElsewhereError } from "../../provider/bridge/ownership";

export const OWNER_METADATA_KEY = "pulumi_owner";

type Metadata = Record<string, unknown> | undefined;

/** The owner a workspace's metadata names, if any. */
export function ownerMarkOf(metadata: Metadata): string | undefined {
    const mark = metadata?.[OWNER_METADATA_KEY];
    return typeof mark === "string" ? mark : undefined;
}

/** Another owner than `owner`, as the metadata names it (undefined when unmarked or ours). */
export function otherOwner(metadata: Metadata, owner: string | undefined): string | undefined {
    const mark = ownerMarkOf(metadata);
    return mark !== undefined && owner !== undefined && mark !== owner ? mark : undefined;
}

/** Fails when the workspace belongs to another owner and the resource does not say to take it over. */
export function requireAdoptable(workspaceId: string, metadata: Metadata, owner: string | undefined, takeOver: boolean | undefined): void {
    const other = otherOwner(metadata, owner);
    if (other !== undefined && takeOver !== true) throw new OwnedElsewhereError(`workspace ${workspaceId}`, other, "takeOver");
}

/** `metadata` carrying the owner's mark (unchanged without an owner). */
export function withOwnerMark(metadata: Metadata, owner: string | undefined): Metadata {
    return owner === undefined ? metadata : { ...(metadata ?? {}), [OWNER_METADATA_KEY]: owner };
}
