#!/usr/bin/env node
/** `watson-assistant-emulator --port 0 [...]`: prints one line `listening on <url>` when ready. */
import { startEmulator } from "./index";
import type { EmulatorOptions } from "./core/context";

const USAGE = `usage: watson-assistant-emulator [--port <n>] [--data-dir <dir>] [--auth none|apikey] [--apikey <key>]
  [--token-ttl <seconds>] [--latency <ms>] [--async-delay <ms>] [--rate-limits on|off] [--clock-scale <n>]
  [--faults <spec>]`;

function parseArgs(argv: string[]): EmulatorOptions {
    const options: EmulatorOptions = {};
    const number = (flag: string, value: string) => {
        const parsed = Number(value);
        if (value === undefined || !Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} needs a number >= 0`);
        return parsed;
    };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = argv[i + 1];
        const take = () => {
            if (value === undefined) throw new Error(`${flag} needs a value`);
            i++;
            return value;
        };
        switch (flag) {
            case "--port": options.port = number(flag, take()); break;
            case "--data-dir": options.dataDir = take(); break;
            case "--auth": {
                const auth = take();
                if (auth !== "none" && auth !== "apikey") throw new Error("--auth must be none or apikey");
                options.auth = auth;
                break;
            }
            case "--apikey": options.apikey = take(); break;
            case "--token-ttl": options.tokenTtlSeconds = number(flag, take()); break;
            case "--latency": options.latencyMs = number(flag, take()); break;
            case "--async-delay": options.asyncDelayMs = number(flag, take()); break;
            case "--rate-limits": {
                const onOff = take();
                if (onOff !== "on" && onOff !== "off") throw new Error("--rate-limits must be on or off");
                options.rateLimits = onOff === "on";
                break;
            }
            case "--clock-scale": {
                const scale = number(flag, take());
                if (scale === 0) throw new Error("--clock-scale needs a number > 0");
                options.clockScale = scale;
                break;
            }
            case "--faults": options.faults = take(); break;
            case "--help": case "-h":
                process.stdout.write(`${USAGE}\n`);
                process.exit(0);
            // eslint-disable-next-line no-fallthrough
            default:
                throw new Error(`unknown argument "${flag}"`);
        }
    }
    return options;
}

async function main(): Promise<void> {
    let options: EmulatorOptions;
    try {
        options = parseArgs(process.argv.slice(2));
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
        process.exit(2);
    }
    const emulator = await startEmulator(options);
    let stopping = false;
    const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        emulator.stop().then(
            () => process.exit(0),
            (err) => {
                process.stderr.write(`error while stopping on ${signal}: ${(err as Error).message}\n`);
                process.exit(1);
            },
        );
    };
    // Handlers first: whoever reads the ready line may signal at once.
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
    process.stdout.write(`listening on ${emulator.url}\n`);
}

main().catch((err) => {
    process.stderr.write(`emulator failed to start: ${(err as Error).message}\n`);
    process.exit(1);
});
