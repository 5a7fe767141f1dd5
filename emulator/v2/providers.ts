/** Conversational skill provider rules: create, update (no get-one, no delete); `private` is write-only. */
import type { ProviderRecord, V2Context } from "./model";
import { conflict, notFound } from "../core/errors";
import { isoNow } from "../core/clock";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField, textField } from "./validate";

const PROVIDER_ID = /^[A-Za-z0-9_-]+$/;

function checkProviderBody(body: Record<string, any>, idRequired: boolean): void {
    const problems = new Violations();
    textField(problems, body, "provider_id", 1, 256, { required: idRequired });
    if (typeof body.provider_id === "string" && !PROVIDER_ID.test(body.provider_id)) {
        problems.add("provider_id", "provider_id may contain only letters, digits, hyphens and underscores");
    }
    objectField(problems, body, "specification", { required: true });
    const specification = body.specification;
    if (isPlainObject(specification)) {
        const servers = specification.servers;
        if (!Array.isArray(servers) || servers.length === 0) {
            problems.add("specification.servers", "specification.servers must be a non-empty array");
        } else {
            servers.forEach((server: any, index: number) => {
                if (!isPlainObject(server) || typeof server.url !== "string" || server.url === "") {
                    problems.add(`specification.servers[${index}].url`, "Each server needs a url string");
                }
            });
        }
        objectField(problems, specification, "components", { prefix: "specification." });
    }
    objectField(problems, body, "private");
    if (isPlainObject(body.private)) objectField(problems, body.private, "authentication", { required: true, prefix: "private." });
    problems.throwIfAny();
}

export function createProvider(ctx: V2Context, rawBody: unknown): ProviderRecord {
    const body = objectBody(rawBody);
    checkProviderBody(body, true);
    const providers = ctx.state.v2.providers;
    if (providers.some((provider) => provider.provider_id === body.provider_id)) {
        throw conflict(`Provider ${body.provider_id} already exists`, "provider_id");
    }
    const stamp = isoNow(ctx);
    const provider: ProviderRecord = {
        provider_id: body.provider_id,
        specification: body.specification,
        ...(body.private !== undefined ? { private: body.private } : {}),
        created: stamp,
        updated: stamp,
    };
    providers.push(provider);
    return provider;
}

/** Replaces specification and private; a different provider_id in the body renames the provider. */
export function updateProvider(ctx: V2Context, providerId: string, rawBody: unknown): ProviderRecord {
    const providers = ctx.state.v2.providers;
    const provider = providers.find((candidate) => candidate.provider_id === providerId);
    if (!provider) throw notFound(`Provider ${providerId} not found`);
    const body = objectBody(rawBody);
    checkProviderBody(body, false);
    if (body.provider_id !== undefined && body.provider_id !== provider.provider_id) {
        if (providers.some((candidate) => candidate.provider_id === body.provider_id)) {
            throw conflict(`Provider ${body.provider_id} already exists`, "provider_id");
        }
        provider.provider_id = body.provider_id;
    }
    provider.specification = body.specification;
    if (body.private !== undefined) provider.private = body.private;
    else delete provider.private;
    provider.updated = isoNow(ctx);
    return provider;
}
