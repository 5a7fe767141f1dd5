/**
 * v2's routes under /emulator/* (passed to the core like the API routes; see core/admin.ts for the
 * core's own). `mutates` routes are saved before the answer, as API writes are.
 */
import type { RouteDef } from "../core/http-types";
import { addEnvironment, setNextFailure } from "./admin";
import type { V2Slice } from "./model";
import { environmentView } from "./views";

export const v2AdminRoutes: RouteDef<V2Slice>[] = [
    {
        method: "POST",
        template: "/emulator/next-failure",
        handler: (req, ctx) => ({ status: 200, body: setNextFailure(ctx, req.body) }),
        mutates: true,
    },
    {
        method: "POST",
        template: "/emulator/assistants/{assistant_id}/environments",
        handler: (req, ctx) => {
            const { assistant, environment } = addEnvironment(ctx, req.params.assistant_id, req.body);
            return { status: 201, body: environmentView(assistant, environment, false) };
        },
        mutates: true,
    },
];
