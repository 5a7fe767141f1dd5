/**
 * A plugin whose engine is gone has nobody to answer: it exits, and the next `pulumi up`
 * reconciles whatever it was doing (creation markers). Two signs that the engine (the `pulumi`
 * process that started the plugin) was killed (kill -9, a CI timeout):
 *
 * - the plugin's stdout and stderr are pipes to the engine, so the next write fails with EPIPE;
 *   unhandled, that error is reported on stderr, which fails the same way, and the process would
 *   spin on it for good, holding CPU and memory;
 * - the plugin is re-parented (its parent pid changes), which a plugin that writes nothing (one
 *   waiting on the service) notices only this way.
 */
let installed = false;

export const ENGINE_GONE_EXIT_CODE = 3;

/** How often the plugin checks that its parent is still the engine that started it. */
const PARENT_CHECK_MS = 500;

export function exitWhenEngineGone(): void {
    if (installed) return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (err: NodeJS.ErrnoException) => {
            if (err.code === "EPIPE") process.exit(ENGINE_GONE_EXIT_CODE);
            throw err;
        });
    }
    const engine = process.ppid;
    setInterval(() => {
        if (process.ppid !== engine) process.exit(ENGINE_GONE_EXIT_CODE);
    }, PARENT_CHECK_MS).unref();
}
