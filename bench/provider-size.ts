/**
 * The `__provider` text stored in state for every resource of a type: `providerFor(type)`
 * serialized the way `pulumi.dynamic.Resource` does it, with the time each serialization takes
 * (the first one also loads the closure serializer).
 */
import * as pulumi from "@pulumi/pulumi";
import { providerFor } from "../provider/bridge/serializable-provider";

/** The types of plugin/registry.ts (its table is private). */
export const RESOURCE_TYPES = [
    "Workspace", "Intent", "Entity", "DialogNode", "Assistant", "Skill", "Release", "EnvironmentDeployment", "ConversationalSkillProvider",
];

export interface ProviderSize {
    bytes: number;
    serializeMs: number;
}

export async function providerSizes(types = RESOURCE_TYPES): Promise<Record<string, ProviderSize>> {
    const sizes: Record<string, ProviderSize> = {};
    for (const type of types) {
        const provider = providerFor(type);
        const started = performance.now();
        const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true } as pulumi.runtime.SerializeFunctionArgs);
        sizes[type] = { bytes: Buffer.byteLength(serialized.text), serializeMs: performance.now() - started };
    }
    return sizes;
}
