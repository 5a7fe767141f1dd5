/** Environments: list, get, update. Created only with their assistant (or the admin route). */
import type { EmulatorRequest, EmulatorResponse } from "../core/http-types";
import { type AssistantRecord, type EnvironmentRecord, type EnvironmentType, findAssistant, type SkillReference, type V2Context, withAudit } from "./model";
import { notFound } from "../core/errors";
import { paginate, queryFlag } from "../core/pagination";
import { isoNow } from "../core/clock";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, objectField, textField } from "./validate";

export const DEFAULT_SESSION_TIMEOUT = 300;
const SKILL_TYPES = ["dialog", "action", "search"];

export function skillReferenceName(type: string): string {
    return type === "dialog" ? "main skill" : type === "action" ? "actions skill" : "search skill";
}

export function newEnvironment(ctx: V2Context, type: EnvironmentType, name: string, description?: string): EnvironmentRecord {
    const stamp = isoNow(ctx);
    return {
        environment_id: ctx.newId(),
        name,
        ...(description !== undefined ? { description } : {}),
        environment: type,
        session_timeout: DEFAULT_SESSION_TIMEOUT,
        orchestration: { search_skill_fallback: false },
        skill_references: [],
        integration_references: [],
        created: stamp,
        updated: stamp,
    };
}

export function environmentView(assistant: AssistantRecord, environment: EnvironmentRecord, includeAudit: boolean) {
    const view = {
        name: environment.name,
        ...(environment.description !== undefined ? { description: environment.description } : {}),
        environment: environment.environment,
        assistant_id: assistant.assistant_id,
        environment_id: environment.environment_id,
        orchestration: environment.orchestration,
        session_timeout: environment.session_timeout,
        skill_references: environment.skill_references,
        ...(environment.release_reference ? { release_reference: environment.release_reference } : {}),
        integration_references: environment.integration_references,
    };
    return withAudit(view, environment, includeAudit);
}

export function findEnvironment(assistant: AssistantRecord, environmentId: string): EnvironmentRecord {
    const environment = assistant.environments.find((candidate) => candidate.environment_id === environmentId);
    if (!environment) throw notFound(`Environment ${environmentId} not found in assistant ${assistant.assistant_id}`);
    return environment;
}

export function listEnvironments(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const includeAudit = queryFlag(req, "include_audit");
    const page = paginate(assistant.environments, req, {
        sortKeys: { name: (environment) => environment.name, updated: (environment) => environment.updated },
    });
    return {
        status: 200,
        body: { environments: page.items.map((e) => environmentView(assistant, e, includeAudit)), pagination: page.pagination },
    };
}

export function getEnvironment(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const environment = findEnvironment(assistant, req.params.environment_id);
    return { status: 200, body: environmentView(assistant, environment, queryFlag(req, "include_audit")) };
}

/** Partial update: omitted fields stay; skill_references, when sent, replaces the whole list. */
export function updateEnvironment(req: EmulatorRequest, ctx: V2Context): EmulatorResponse {
    const assistant = findAssistant(ctx, req.params.assistant_id);
    const environment = findEnvironment(assistant, req.params.environment_id);
    const body = objectBody(req.body);
    const problems = new Violations();
    textField(problems, body, "name", 1, 64);
    textField(problems, body, "description", 1, 128);
    if (body.session_timeout !== undefined) {
        const timeout = body.session_timeout;
        if (!Number.isInteger(timeout) || timeout < 10 || timeout > 604800) {
            problems.add("session_timeout", "session_timeout must be an integer between 10 and 604800");
        }
    }
    objectField(problems, body, "orchestration");
    if (isPlainObject(body.orchestration) && body.orchestration.search_skill_fallback !== undefined && typeof body.orchestration.search_skill_fallback !== "boolean") {
        problems.add("orchestration.search_skill_fallback", "orchestration.search_skill_fallback must be a boolean");
    }
    const references = body.skill_references;
    if (references !== undefined) checkSkillReferences(assistant, references, problems);
    problems.throwIfAny();

    if (body.name !== undefined) environment.name = body.name;
    if (body.description !== undefined) environment.description = body.description;
    if (body.session_timeout !== undefined) environment.session_timeout = body.session_timeout;
    if (isPlainObject(body.orchestration) && typeof body.orchestration.search_skill_fallback === "boolean") {
        environment.orchestration = { search_skill_fallback: body.orchestration.search_skill_fallback };
    }
    if (references !== undefined) {
        environment.skill_references = references.map((reference: any): SkillReference => {
            const skill = assistant.skills.find((candidate) => candidate.skill_id === reference.skill_id)!;
            return {
                type: skill.type,
                disabled: reference.disabled ?? false,
                skill_id: reference.skill_id,
                snapshot: reference.snapshot ?? (environment.environment === "draft" ? "draft" : undefined),
                skill_reference: reference.skill_reference ?? skillReferenceName(skill.type),
            };
        });
    }
    environment.updated = isoNow(ctx);
    return { status: 200, body: environmentView(assistant, environment, false) };
}

function checkSkillReferences(assistant: AssistantRecord, references: unknown, problems: Violations): void {
    if (!Array.isArray(references)) return problems.add("skill_references", "skill_references must be an array");
    const seen = new Set<string>();
    references.forEach((reference: any, index: number) => {
        const path = `skill_references[${index}]`;
        if (!isPlainObject(reference)) return problems.add(path, `${path} must be an object`);
        if (typeof reference.skill_id !== "string") return problems.add(`${path}.skill_id`, `${path}.skill_id is required`);
        const skill = assistant.skills.find((candidate) => candidate.skill_id === reference.skill_id);
        if (!skill) problems.add(`${path}.skill_id`, `Skill ${reference.skill_id} does not belong to this assistant`);
        if (seen.has(reference.skill_id)) problems.add(`${path}.skill_id`, `Skill ${reference.skill_id} is referenced twice`);
        seen.add(reference.skill_id);
        if (reference.type !== undefined && !SKILL_TYPES.includes(reference.type)) {
            problems.add(`${path}.type`, `${path}.type must be one of ${SKILL_TYPES.join(", ")}`);
        } else if (skill && reference.type !== undefined && reference.type !== skill.type) {
            problems.add(`${path}.type`, `Skill ${reference.skill_id} is a ${skill.type} skill`);
        }
        if (reference.disabled !== undefined && typeof reference.disabled !== "boolean") problems.add(`${path}.disabled`, `${path}.disabled must be a boolean`);
        for (const field of ["snapshot", "skill_reference"]) {
            if (reference[field] !== undefined && typeof reference[field] !== "string") problems.add(`${path}.${field}`, `${path}.${field} must be a string`);
        }
    });
}
