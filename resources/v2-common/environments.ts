/** Finding an assistant's environment by id, type (`draft`, `live`, `staging`) or name. */
import { apiPath } from "../../provider/http/path";
import type { OperationContext } from "../../provider/bridge/spec";
import type { EnvironmentData } from "./api-types";
import { listAll } from "./list";

export interface EnvironmentTarget {
    /** Exact environment id. */
    environmentId?: string;
    /** An environment type (`live`, `staging`, `draft`), or an environment name, or an id. */
    environment?: string;
}

export async function listEnvironments(ctx: OperationContext, assistantId: string): Promise<EnvironmentData[]> {
    return listAll<EnvironmentData>(ctx, { path: apiPath`/v2/assistants/${assistantId}/environments`, itemsKey: "environments" });
}

export async function getEnvironment(ctx: OperationContext, assistantId: string, environmentId: string): Promise<EnvironmentData> {
    return ctx.client.request<EnvironmentData>({ method: "GET", api: "v2", path: apiPath`/v2/assistants/${assistantId}/environments/${environmentId}` });
}

/**
 * The environment a target names. A type wins over a name (so `live` is always the live
 * environment even if some staging environment is called "live"), then a name, then an id.
 */
export function resolveEnvironment(environments: EnvironmentData[], target: EnvironmentTarget): EnvironmentData {
    const known = () => environments.map((e) => `"${e.name}" (${e.environment}, ${e.environment_id})`).join(", ") || "none";
    if (target.environmentId !== undefined) {
        const byId = environments.find((e) => e.environment_id === target.environmentId);
        if (!byId) throw new Error(`environment ${target.environmentId} not found; the assistant has: ${known()}`);
        return byId;
    }
    const wanted = target.environment ?? "";
    const byType = environments.filter((e) => e.environment === wanted);
    if (byType.length === 1) return byType[0];
    if (byType.length > 1) {
        throw new Error(`environment "${wanted}" is ambiguous: ${byType.length} environments have that type (${byType.map((e) => `"${e.name}"`).join(", ")}); name one of them or give its environmentId`);
    }
    const byName = environments.filter((e) => e.name === wanted);
    if (byName.length === 1) return byName[0];
    if (byName.length > 1) throw new Error(`environment name "${wanted}" is ambiguous; give its environmentId`);
    const byId = environments.find((e) => e.environment_id === wanted);
    if (byId) return byId;
    throw new Error(`environment "${wanted}" not found by type, name or id; the assistant has: ${known()}`);
}

/** `"Production" (live)` for messages. */
export function describeEnvironment(e: { name: string; environment: string }): string {
    return e.name === e.environment ? `"${e.name}"` : `"${e.name}" (${e.environment})`;
}
