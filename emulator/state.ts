/**
 * The emulator's whole state: one slice per API area, joined here, above the areas. The core only
 * knows it as the type parameter of EmulatorServer; each area reads its own slice (V1Slice, V2Slice).
 * Plain JSON, so that it can be persisted.
 */
import { emptyV1State, type V1State } from "./v1/model";
import { emptyV2State, type V2State } from "./v2/model";

export interface EmulatorState {
    v1: V1State;
    v2: V2State;
}

export function emptyState(): EmulatorState {
    return { v1: emptyV1State(), v2: emptyV2State() };
}
