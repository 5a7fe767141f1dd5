/**
 * Deploys a dialog skill exported from the watsonx Assistant tooling (Download / Export as JSON, or
 * `GET /v1/workspaces/{id}?export=true`). The file is kept in git next to this program: edit it in
 * the tooling, export it again over skill.json, and `pulumi up` applies only what changed.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Workspace, fromWorkspaceExport } from "pulumi-watson-assistant";

const config = new pulumi.Config();
const skillFile = path.resolve(__dirname, config.get("skillFile") ?? "skill.json");

// Read-only fields of the export (workspace_id, status, created, updated...) are dropped; intents,
// entities, dialog nodes and counterexamples become collections owned by this resource.
const content = fromWorkspaceExport(fs.readFileSync(skillFile, "utf8"));

const skill = new Workspace("exported-skill", {
    ...content,
    // The name in the file, unless the stack sets another one (e.g. "Customer care (staging)").
    name: config.get("workspaceName") ?? content.name,
});

export const workspaceId = skill.workspaceId;
export const name = skill.name;
export const status = skill.status;
