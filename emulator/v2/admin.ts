/** v2 rules behind the /emulator admin routes (the HTTP side lives in core/admin.ts). */
import { apiError } from "../core/errors";
import { type AssistantRecord, type EnvironmentRecord, type FailureKind, findAssistant, type StatusError, type V2Context } from "./model";
import { newEnvironment } from "./environments";
import { Violations } from "../core/violations";
import { isPlainObject, objectBody, textField } from "./validate";

/** An Enterprise plan allows up to three environments besides draft and live. */
export const MAX_EXTRA_ENVIRONMENTS = 3;
const FAILURE_KINDS: FailureKind[] = ["release", "skill", "import"];

/** Adds a `staging` environment (which the API itself cannot create). */
export function addEnvironment(ctx: V2Context, assistantId: string, rawBody: unknown): { assistant: AssistantRecord; environment: EnvironmentRecord } {
    const assistant = findAssistant(ctx, assistantId);
    const body = objectBody(rawBody);
    const problems = new Violations();
    textField(problems, body, "name", 1, 64, { required: true });
    textField(problems, body, "description", 1, 128);
    problems.throwIfAny();
    const extra = assistant.environments.filter((environment) => environment.environment === "staging");
    if (extra.length >= MAX_EXTRA_ENVIRONMENTS) {
        throw apiError(400, `An assistant can have at most ${MAX_EXTRA_ENVIRONMENTS} environments besides draft and live`);
    }
    const environment = newEnvironment(ctx, "staging", body.name, body.description);
    assistant.environments.push(environment);
    return { assistant, environment };
}

/** Arms a failure: the next release create, skill update or skills import of any assistant fails. */
export function setNextFailure(ctx: V2Context, rawBody: unknown) {
    const body = objectBody(rawBody);
    if (!FAILURE_KINDS.includes(body.kind)) {
        throw apiError(400, `kind must be one of ${FAILURE_KINDS.join(", ")}`, [{ message: "invalid kind", path: "kind" }]);
    }
    const kind = body.kind as FailureKind;
    const rawErrors: unknown[] = Array.isArray(body.errors) && body.errors.length > 0 ? body.errors : ["Injected failure"];
    const errors: StatusError[] = rawErrors.map((error) => ({
        message: typeof error === "string" ? error : isPlainObject(error) && typeof error.message === "string" ? error.message : String(error),
    }));
    const failure = { description: typeof body.description === "string" ? body.description : "Injected failure", errors };
    ctx.state.v2.next_failures[kind] = failure;
    return { kind, ...failure };
}
