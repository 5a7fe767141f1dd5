/** Plays every case against an environment: one stateless call per single-utterance case, one session per multi-turn case. */
import type { OperationContext } from "../../provider/bridge/spec";
import { openSession, sendStateless, type LogMessage, type MessageResponse } from "../v2-common/messages";
import { turnsOf, type ConversationCase } from "./cases";
import { answerOf, mismatches, type Mismatch } from "./expectations";

/** The outcome of one case. */
export interface CaseResult {
    /** The case's name. */
    name: string;
    /** Whether every expectation of every turn held. */
    passed: boolean;
    /** The expectations that did not hold (empty when passed). */
    failures: Mismatch[];
    /** The service's debug `log_messages` of every turn, prefixed `turn <n>:`. */
    logMessages: LogMessage[];
}

export async function runCases(ctx: OperationContext, environmentId: string, cases: ConversationCase[]): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const c of cases) results.push(await runCase(ctx, environmentId, c));
    return results;
}

async function runCase(ctx: OperationContext, environmentId: string, c: ConversationCase): Promise<CaseResult> {
    const turns = turnsOf(c);
    const session = c.turns ? await openSession(ctx, environmentId) : undefined;
    const failures: Mismatch[] = [];
    const logMessages: LogMessage[] = [];
    try {
        for (const [index, turn] of turns.entries()) {
            const response: MessageResponse = session ? await session.send(turn.input) : await sendStateless(ctx, environmentId, turn.input);
            failures.push(...mismatches(index + 1, turn.expect, answerOf(response)));
            for (const log of response.output?.debug?.log_messages ?? []) logMessages.push({ level: log.level, message: `turn ${index + 1}: ${log.message}` });
        }
    } finally {
        await session?.end();
    }
    return { name: c.name, passed: failures.length === 0, failures, logMessages };
}
