/** The v2 routes. Rate limits are not documented for these endpoints; see emulator/README.md. */
import type { RouteDef } from "../core/http-types";
import { listAssistants, postAssistant, removeAssistant } from "./handlers/assistants";
import { getEnvironment, listEnvironments, postEnvironment } from "./handlers/environments";
import { bulkClassifySkill, deleteUserData, listLogs } from "./handlers/logs";
import { postSession, removeSession, sessionMessage, sessionMessageStream, statelessMessage, statelessMessageStream } from "./handlers/messages";
import { listProviders, postProvider, postProviderUpdate } from "./handlers/providers";
import { getRelease, listReleases, postDeploy, postRelease, removeRelease } from "./handlers/releases";
import { createReleaseExport, createReleaseImport, getReleaseExport, getReleaseImport } from "./handlers/release-transfer";
import { exportSkills, getSkill, importSkillsStatus, postSkill, postSkillsImport } from "./handlers/skills";
import type { V2Slice } from "./model";

const HALF_HOUR = 1800;
/** Calls that rebuild whole skills get the whole-workspace limit of v1 (30 per 30 minutes). */
const WHOLE_CONTENT_LIMIT = { limit: 30, windowSeconds: HALF_HOUR };
/** Full exports get the v1 export limit (20 per 30 minutes). */
const EXPORT_LIMIT = { limit: 20, windowSeconds: HALF_HOUR };

const A = "/v2/assistants/{assistant_id}";
/** Classic runtime routes put an environment ID in the `{assistant_id}` slot (see runtime-model.ts); ibm-watson 12.x names both. */
const E = "/v2/assistants/{assistant_id}/environments/{environment_id}";

/** Sessions and message under both prefixes: the classic one and the SDK's environment-scoped one. */
function runtimeRoutes(prefix: string): RouteDef<V2Slice>[] {
    return [
        { method: "POST", template: `${prefix}/sessions`, handler: postSession, mutates: true },
        { method: "DELETE", template: `${prefix}/sessions/{session_id}`, handler: removeSession, mutates: true },
        { method: "POST", template: `${prefix}/sessions/{session_id}/message`, handler: sessionMessage, mutates: true },
        { method: "POST", template: `${prefix}/message`, handler: statelessMessage, mutates: true },
    ];
}

export const v2Routes: RouteDef<V2Slice>[] = [
    { method: "POST", template: "/v2/providers", handler: postProvider, mutates: true },
    { method: "GET", template: "/v2/providers", handler: listProviders, mutates: false },
    { method: "POST", template: "/v2/providers/{provider_id}", handler: postProviderUpdate, mutates: true },

    { method: "POST", template: "/v2/assistants", handler: postAssistant, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },
    { method: "GET", template: "/v2/assistants", handler: listAssistants, mutates: false },
    { method: "DELETE", template: A, handler: removeAssistant, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },

    ...runtimeRoutes(A),
    ...runtimeRoutes(E),
    { method: "POST", template: `${E}/sessions/{session_id}/message_stream`, handler: sessionMessageStream, mutates: true },
    { method: "POST", template: `${E}/message_stream`, handler: statelessMessageStream, mutates: true },
    { method: "GET", template: `${A}/logs`, handler: listLogs, mutates: false, rateLimit: { limit: 40, windowSeconds: HALF_HOUR } },
    { method: "POST", template: "/v2/skills/{skill_id}/workspace/bulk_classify", handler: bulkClassifySkill, mutates: false, rateLimit: { limit: 5, windowSeconds: 60 } },
    { method: "DELETE", template: "/v2/user_data", handler: deleteUserData, mutates: true, rateLimit: { limit: 4, windowSeconds: 60 } },

    { method: "GET", template: `${A}/environments`, handler: listEnvironments, mutates: false },
    { method: "GET", template: `${A}/environments/{environment_id}`, handler: getEnvironment, mutates: false },
    { method: "POST", template: `${A}/environments/{environment_id}`, handler: postEnvironment, mutates: true },

    { method: "POST", template: `${A}/releases`, handler: postRelease, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },
    { method: "GET", template: `${A}/releases`, handler: listReleases, mutates: false },
    { method: "GET", template: `${A}/releases/{release}`, handler: getRelease, mutates: false },
    { method: "DELETE", template: `${A}/releases/{release}`, handler: removeRelease, mutates: true },
    { method: "POST", template: `${A}/releases/{release}/deploy`, handler: postDeploy, mutates: true },

    { method: "POST", template: `${A}/releases/{release}/export`, handler: createReleaseExport, mutates: true },
    { method: "GET", template: `${A}/releases/{release}/export`, handler: getReleaseExport, mutates: false },
    { method: "POST", template: `${A}/import`, handler: createReleaseImport, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },
    { method: "GET", template: `${A}/import`, handler: getReleaseImport, mutates: false },

    { method: "GET", template: `${A}/skills/{skill_id}`, handler: getSkill, mutates: false },
    { method: "POST", template: `${A}/skills/{skill_id}`, handler: postSkill, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },
    { method: "GET", template: `${A}/skills_export`, handler: exportSkills, mutates: false, rateLimit: EXPORT_LIMIT },
    { method: "POST", template: `${A}/skills_import`, handler: postSkillsImport, mutates: true, rateLimit: WHOLE_CONTENT_LIMIT },
    { method: "GET", template: `${A}/skills_import/status`, handler: importSkillsStatus, mutates: false },
];
