/**
 * Quick start: an assistant whose dialog skill holds a few intents, entities and a small dialog,
 * a release cut whenever that content changes, and the release that live runs.
 *
 * Config (project defaults in Pulumi.yaml): `assistantName`, `greeting`, `liveRelease`
 * ("latest" or a release number: setting an older number rolls live back).
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { Assistant, EnvironmentDeployment, Release, Workspace } from "pulumi-watson-assistant";
import { dialogNodes, entities, intents } from "./content";

const config = new pulumi.Config();
const assistantName = config.require("assistantName");
const greeting = config.require("greeting");
const liveRelease = config.require("liveRelease");

const assistant = new Assistant("assistant", {
    name: assistantName,
    description: "Created by the pulumi-watson-assistant quick start",
});

// The assistant comes with a dialog skill; its workspace is taken over and its content declared here.
// retainOnDelete: the workspace belongs to the assistant, which deletes it when it is deleted.
const content = { intents, entities, dialogNodes: dialogNodes(greeting) };
const dialogSkill = new Workspace("dialog-skill", {
    name: assistantName,
    adoptWorkspaceId: assistant.dialogSkillId.apply((id) => {
        if (!id) throw new Error(`assistant "${assistantName}" has no dialog skill: activate dialog in the assistant's settings`);
        return id;
    }),
    ...content,
}, { retainOnDelete: true });

// A new release whenever the content changes. Replaced releases are kept (retainOnDelete), so
// that live can keep running them or roll back to them.
const contentHash = createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12);
const release = new Release("release", {
    assistantId: assistant.assistantId,
    description: `Quick-start content ${contentHash}`,
    triggers: [contentHash],
}, { dependsOn: [dialogSkill], retainOnDelete: true });

const live = new EnvironmentDeployment("live", {
    assistantId: assistant.assistantId,
    environment: "live",
    release: liveRelease === "latest" ? release.release : liveRelease,
});

export const assistantId = assistant.assistantId;
export const dialogSkillWorkspaceId = dialogSkill.workspaceId;
export const latestRelease = release.release;
export const liveEnvironmentId = live.targetEnvironmentId;
export const liveRunsRelease = live.release;
