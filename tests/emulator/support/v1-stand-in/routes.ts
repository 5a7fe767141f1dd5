// Stand-in used only while emulator/v1/routes.ts is missing (see ../v1-fallback.ts).
import type { RouteDef } from "../../../../emulator/core/types";
export const v1Routes: RouteDef[] = [];
