/**
 * `watson-assistant import`: reads a live instance and writes, under the output folder, the
 * Pulumi import file, the content files and the stack config (output.ts). Returns what it wrote,
 * for the CLI's summary and for tests.
 */
import * as fs from "fs";
import * as path from "path";
import { resolveSettings, type ExternalSourceReader } from "../provider/config";
import { ApiClient } from "../provider/http/client";
import { contentFiles, importFile, stackConfig, type OutputFile } from "./output";
import { planImport, type ImportedResource } from "./plan";
import { readInstance } from "./read-instance";

export interface ImportOptions {
    /** Folder the files are written to (created when missing). */
    out: string;
    /** Stack whose config file is written (`Pulumi.<stack>.yaml`). */
    stack: string;
    /** `watson-assistant:<key>` config values given as flags; the environment and IBM's credentials file fill the rest. */
    config: Record<string, string | undefined>;
    env?: NodeJS.ProcessEnv;
    readExternal?: ExternalSourceReader;
    log?(message: string): void;
}

export interface ImportResult {
    resources: ImportedResource[];
    /** Paths (relative to `out`) written. */
    written: string[];
    /** The stack config file, when it existed and was left as it was. */
    keptStackConfig?: string;
    /** Calls the import made and the 429 answers among them. */
    requests: number;
    throttled: number;
}

export async function importInstance(options: ImportOptions): Promise<ImportResult> {
    const log = options.log ?? (() => {});
    const settings = resolveSettings((key) => options.config[key], options.env, options.readExternal);
    const client = new ApiClient(settings);
    const resources = planImport(await readInstance(client, { log }));
    const config = stackConfig(options.stack, settings);
    const keep = fs.existsSync(path.join(options.out, config.path));
    const files: OutputFile[] = [importFile(resources), ...contentFiles(resources), ...(keep ? [] : [config])];
    for (const file of files) {
        const target = path.join(options.out, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.text);
    }
    return {
        resources,
        written: files.map((f) => f.path),
        keptStackConfig: keep ? config.path : undefined,
        requests: client.metrics.requests,
        throttled: client.metrics.throttled,
    };
}
