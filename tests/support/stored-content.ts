/** A Workspace's outputs as stored in state, with its collections unpacked (provider/bridge/packing.ts). */
import { unpack } from "../../provider/bridge/packing";
import { COLLECTIONS, type WorkspaceOutputs } from "../../resources/workspace/types";

export function storedContent(outputs: unknown): WorkspaceOutputs {
    return unpack(outputs as Record<string, unknown>, COLLECTIONS) as WorkspaceOutputs;
}
