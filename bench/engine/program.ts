/**
 * The Pulumi program of the engine bench (run by the real CLI from a staged project whose index.js
 * requires this file). Stack config says what to declare: `bench:mode` (workspace, floor, intents,
 * intents-floor, and native-* for the native plugin and its floors) and `bench:contentFile`, a JSON
 * file of workspace inputs that the bench rewrites between `up`s; `bench:workspaceId` for the
 * Intent resources.
 */
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { Intent } from "../../resources/intent";
import { Workspace } from "../../resources/workspace";
import type { WorkspaceInputs } from "../../resources/workspace/types";
import { FloorContent } from "./floor-provider";

export const ENGINE_MODES = ["workspace", "floor", "intents", "intents-floor", "native", "native-floor", "native-nested-floor",
    "intents-native", "intents-native-floor", "intents-native-nested-floor"] as const;
export type EngineMode = typeof ENGINE_MODES[number];

/** A resource of a native plugin by its type token (no SDK needed for a bench). */
class NativeResource extends pulumi.CustomResource {}

export function declare(mode: EngineMode, content: WorkspaceInputs, workspaceId: string | undefined): void {
    const intents = content.intents ?? [];
    switch (mode) {
        case "workspace": new Workspace("content", content); break;
        case "floor": new FloorContent("content", { content: JSON.stringify(content) }); break;
        case "intents": intents.forEach((element, i) => new Intent(`intent-${i}`, { workspaceId: workspaceId!, ...element })); break;
        case "intents-floor": intents.forEach((element, i) => new FloorContent(`intent-${i}`, { content: JSON.stringify(element) })); break;
        // The native plugin (bench/native/): the same resources by type token, and its two floors, a native
        // plugin that only compares: one JSON string (Content), or the very inputs ours gets (Nested).
        case "native": new NativeResource("watson-assistant:index:Workspace", "content", { ...content }); break;
        case "native-floor": new NativeResource("benchfloor:index:Content", "content", { content: JSON.stringify(content) }); break;
        case "native-nested-floor": new NativeResource("benchfloor:index:Nested", "content", { ...content }); break;
        case "intents-native": intents.forEach((element, i) => new NativeResource("watson-assistant:index:Intent", `intent-${i}`, { workspaceId: workspaceId!, ...element })); break;
        case "intents-native-floor": intents.forEach((element, i) => new NativeResource("benchfloor:index:Content", `intent-${i}`, { content: JSON.stringify(element) })); break;
        case "intents-native-nested-floor": intents.forEach((element, i) => new NativeResource("benchfloor:index:Nested", `intent-${i}`, { workspaceId: workspaceId!, ...element })); break;
    }
}

export function main(): void {
    const config = new pulumi.Config("bench");
    const mode = config.require("mode") as EngineMode;
    const content = JSON.parse(fs.readFileSync(config.require("contentFile"), "utf8")) as WorkspaceInputs;
    declare(mode, content, config.get("workspaceId"));
}
