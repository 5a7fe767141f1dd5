/**
 * `pulumi refresh` and `pulumi destroy` do not run the program, so the engine configures the
 * provider with the stack settings it stored at the last `pulumi up` (the default provider's state),
 * not with the current `watson-assistant:*` config. When such a read or delete cannot connect or
 * is refused, the error says how to use the current settings: the same command with `--run-program`.
 */
import { ApiError } from "../provider/http/errors";

const COMMAND: Record<string, string> = { read: "pulumi refresh --run-program", delete: "pulumi destroy --run-program" };

/** `err` with the hint added when it is a connection failure (refused credentials, no answer). */
export function withStoredSettingsHint(method: string, err: unknown): unknown {
    const command = COMMAND[method];
    if (!command || !(err instanceof Error) || !isConnectionFailure(err)) return err;
    err.message += ` (\`pulumi refresh\` and \`pulumi destroy\` use the settings stored by the last \`pulumi up\`, not the current ` +
        `config: if you changed watson-assistant:* settings since, run \`${command}\`, which uses the current ones.)`;
    return err;
}

function isConnectionFailure(err: Error): boolean {
    for (let e: unknown = err; e instanceof Error; e = (e as { cause?: unknown }).cause) {
        if (e instanceof ApiError) return e.status === 0 || e.status === 401 || e.status === 403;
    }
    return false;
}
