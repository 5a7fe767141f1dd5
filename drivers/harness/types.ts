// Public types of the harness API.
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh-drift" | "refresh-gone";

export interface Step {
    urn: string;
    type: string;
    name: string;
    op: StepOp;
    /** Properties that forced a replacement (op "replace"). */
    replaces?: string[];
    durationMs: number;
}

export interface RunResult {
    steps: Step[];
    /** Stack outputs with secrets unwrapped; unknown values (preview) are the string UNKNOWN. */
    outputs: Record<string, unknown>;
    /** True when any step is not "same". */
    changed: boolean;
    /** What the plugin wrote to stdout (plan summaries), which the Pulumi CLI shows as info. */
    pluginOutput: string;
}

export type HarnessEvent =
    | { type: "run-start"; kind: RunKind }
    | { type: "step-start"; urn: string; op: StepOp }
    | { type: "step-done"; step: Step }
    | { type: "step-failed"; urn: string; error: string }
    | { type: "run-done"; kind: RunKind; result?: RunResult; error?: string };

export type RunKind = "preview" | "up" | "refresh" | "destroy";

/** A program module path, or an inline program whose return value becomes the stack outputs. */
export type Program = string | (() => Promise<Record<string, unknown> | void> | Record<string, unknown> | void);

export interface HarnessOptions {
    /** Folder holding Pulumi.yaml (and optionally Pulumi.<stack>.yaml); the plugin's cwd. */
    projectDir: string;
    stack: string;
    /** Where <stack>.json is kept; default a fresh temp folder. Share it between stacks for StackReference. */
    stateDir?: string;
    /** Plain config, keys like "watson-assistant:url" or "myproj:release" (bare keys get the project name). */
    config?: Record<string, string>;
    /** Secret config, same key rules. */
    secretConfig?: Record<string, string>;
    /** Program entry (default: projectDir, i.e. its index.ts) or an inline program. */
    program?: Program;
    /** Extra environment for the plugin process. */
    env?: Record<string, string>;
    /** Encrypts secrets in the state file and decrypts `secure:` stack config. Default: PULUMI_CONFIG_PASSPHRASE or "harness". */
    passphrase?: string;
    /** Caps concurrent provider steps; default unbounded like Pulumi. */
    parallel?: number;
    onEvent?: (event: HarnessEvent) => void;
}
