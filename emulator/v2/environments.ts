/** Environment rules: the new record, update. Created only with their assistant (or the admin route). */
import { type AssistantRecord, type EnvironmentRecord, type EnvironmentType, findAssistant, type SkillReference, type V2Context } from "./model";
import { notFound } from "../core/errors";
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

export function findEnvironment(assistant: AssistantRecord, environmentId: string): EnvironmentRecord {
    const environment = assistant.environments.find((candidate) => candidate.environment_id === environmentId);
    if (!environment) throw notFound(`Environment ${environmentId} not found in assistant ${assistant.assistant_id}`);
    return environment;
}

/** Partial update: omitted fields stay; skill_references, when sent, replaces the whole list. */
export function updateEnvironment(ctx: V2Context, assistantId: string, environmentId: string, rawBody: unknown): EnvironmentRecord {
    const assistant = findAssistant(ctx, assistantId);
    const environment = findEnvironment(assistant, environmentId);
    const body = objectBody(rawBody);
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
    return environment;
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
