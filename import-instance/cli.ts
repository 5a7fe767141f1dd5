#!/usr/bin/env node
/**
 * `watson-assistant import [--url <service url>] [--out <folder>] [--stack <name>] [...]`: brings a
 * running instance under code (README "Bring an existing instance"). Connection flags are the
 * provider's config keys in kebab case (`--auth-type`, `--iam-url`...); whatever they leave out
 * comes from the IBM environment variables and credentials file, as for the provider.
 */
import * as path from "path";
import { parseArgs } from "util";
import { importInstance } from "./command";
import { IMPORT_FILE } from "./output";

/** Provider config keys accepted as flags (secrets too, though the environment is the better place for them). */
const CONFIG_KEYS = [
    "url", "authType", "apikey", "bearerToken", "username", "password", "iamUrl",
    "disableSslVerification", "versionV1", "versionV2", "timeoutMs", "maxRetries",
] as const;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const USAGE = `usage: watson-assistant import [--out <folder>] [--stack <name>] [--url <service url>] [--${CONFIG_KEYS.slice(1).map(kebab).join(" | --")} <value>]`;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command !== "import") {
        process.stderr.write(`${USAGE}\n`);
        return command === undefined || command === "--help" || command === "help" ? 0 : 2;
    }
    const { values } = parseArgs({
        args: rest,
        options: {
            out: { type: "string", default: "." },
            stack: { type: "string", default: "dev" },
            ...Object.fromEntries(CONFIG_KEYS.map((key) => [kebab(key), { type: "string" as const }])),
        },
        strict: true,
    });
    const config = Object.fromEntries(CONFIG_KEYS.map((key) => [key, (values as Record<string, unknown>)[kebab(key)] as string | undefined]));
    const out = path.resolve(String(values.out));
    const result = await importInstance({ out, stack: String(values.stack), config, log: (line) => process.stderr.write(`reading ${line}\n`) });
    const counts = new Map<string, number>();
    for (const r of result.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    const lines = [
        `${result.resources.length} resources (${[...counts].map(([type, n]) => `${n} ${type}`).join(", ")}) in ${result.requests} calls, ${result.throttled} throttled.`,
        `Wrote to ${out}: ${result.written.join(", ")}`,
        ...(result.keptStackConfig ? [`Kept the existing ${result.keptStackConfig}: check its watson-assistant:url.`] : []),
        "Next:",
        `  cd ${displayPath(out)} && pulumi import --file ${IMPORT_FILE} --stack ${values.stack} --out <program file> --yes`,
        "  (Pulumi.yaml projects: append the generated YAML to Pulumi.yaml; Python: --out __main__.py)",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
}

/** The folder as the user would type it: relative below the current folder, else absolute. */
function displayPath(folder: string): string {
    const relative = path.relative(process.cwd(), folder);
    return relative === "" ? "." : relative.startsWith("..") ? folder : relative;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
        process.stderr.write(`watson-assistant import: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    },
);
