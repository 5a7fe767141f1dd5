/**
 * The large-workspace stack as a real Pulumi program for the harness: the big Workspace, a host
 * workspace that leaves its intents to separate Intent resources, and those Intent resources.
 * `variant()` is read at every run, so a test edits the program by switching it.
 */
import * as path from "path";
import { Intent } from "../../../resources/intent";
import { Workspace } from "../../../resources/workspace";
import { editedWorkspace, largeWorkspace, separateIntents } from "../fixtures/large-workspace";

export const PROJECT_DIR = path.resolve(__dirname, "../fixtures/project");

export type Variant = "initial" | "edited";

export function hostWorkspace(name: string) {
    return { name, counterexamples: [{ text: "not for me" }], waitForTraining: false };
}

export function declaredBig(name: string, variant: Variant) {
    return variant === "initial" ? largeWorkspace(name) : editedWorkspace(name);
}

/** Resource names of the Intent resources: r0..r3 initially; r3 is dropped and r4 added by the edit. */
export function declaredIntents(variant: Variant): [string, ReturnType<typeof separateIntents>[number]][] {
    return separateIntents(variant).map((intent, index) => [`r${variant === "edited" && index === 3 ? 4 : index}`, intent]);
}

export function workspaceProgram(names: { big: string; host: string }, variant: () => Variant) {
    return () => {
        const big = new Workspace("big", declaredBig(names.big, variant()) as any);
        const host = new Workspace("host", hostWorkspace(names.host));
        for (const [name, intent] of declaredIntents(variant())) new Intent(name, { ...intent, workspaceId: host.workspaceId });
        return { bigId: big.workspaceId, hostId: host.workspaceId };
    };
}
