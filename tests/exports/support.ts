/** The fixture exports (tests/fixtures/exports/index.json) and the comparison of workspace content. */
import * as fs from "fs";
import * as path from "path";
import { canonicalCollection, ELEMENT_KINDS } from "../../resources/v1-elements/kinds";
import { fromWorkspaceExport } from "../../resources/workspace/from-export";

export const EXPORTS_DIR = path.resolve(__dirname, "../fixtures/exports");
export const PROGRAM_DIR = path.join(EXPORTS_DIR, "program");

export interface FixtureExport {
    file: string;
    shape: string;
    kind: "workspace" | "action-skill" | "skills-export";
    exportedAt: string;
}

export const FIXTURES: FixtureExport[] = JSON.parse(fs.readFileSync(path.join(EXPORTS_DIR, "index.json"), "utf8"));

export function readFixture(file: string): any {
    return JSON.parse(fs.readFileSync(path.join(EXPORTS_DIR, file), "utf8"));
}

/**
 * Fields the service fills in when a file leaves them out (the tooling shows them after upload).
 * `metadata` is `{}` when a file has none because the provider keeps its creation marker there
 * (read strips the marker and leaves the empty object).
 */
const SERVICE_DEFAULTS = { language: "en", learningOptOut: false, metadata: {} };

/**
 * The content of a workspace export as Workspace inputs, with the service's defaults and the
 * collections in canonical order: two exports holding the same content compare equal.
 */
export function workspaceContent(exported: object): Record<string, unknown> {
    const args: any = { ...SERVICE_DEFAULTS, ...fromWorkspaceExport(exported as Record<string, unknown>) };
    for (const kind of ELEMENT_KINDS) args[kind.collection] = canonicalCollection(kind, args[kind.collection]);
    if (args.description === "") delete args.description;
    return args;
}
