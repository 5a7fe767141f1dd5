/** The query flags that choose a v1 view. */
import type { EmulatorRequest } from "../../core/http-types";
import { queryFlag } from "../../core/pagination";
import type { ViewFlags } from "../views";

export function viewFlags(req: EmulatorRequest, exportable = true): ViewFlags {
    return { export: exportable ? queryFlag(req, "export") : true, audit: queryFlag(req, "include_audit") };
}
