/**
 * The plugin's stdout and stderr are pipes to the engine. When the engine is killed (kill -9, a CI
 * timeout), the plugin outlives it as an orphan and the next write fails with EPIPE; unhandled,
 * that error is reported on stderr, which fails the same way, and the process spins on it for
 * good, holding CPU and memory. A plugin whose engine is gone has nobody to answer: it exits, and
 * the next `pulumi up` reconciles whatever it was doing (creation markers).
 */
let installed = false;

export const ENGINE_GONE_EXIT_CODE = 3;

export function exitWhenEngineGone(): void {
    if (installed) return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (err: NodeJS.ErrnoException) => {
            if (err.code === "EPIPE") process.exit(ENGINE_GONE_EXIT_CODE);
            throw err;
        });
    }
}
